import { encodeFrame, FrameFlags, type SampleColumns } from '../../shared/protocol/frame';
import type { Subscribe } from '../../shared/protocol/messages';
import type { Plant } from '../../shared/plant/schema';
import type { LatestTable } from '../engine/LatestTable';
import type { Metrics } from '../metrics';
import type { SampleBatch } from '../sim/types';

/** Where frames go: a transport that can send one buffer to many consoles and tell who is backed up. */
export interface FrameOut {
  /** Sends the same buffer to every console in `ids` (encoded once). */
  send(ids: readonly string[], frame: ArrayBuffer): void;
  /** True while a console has not drained what was already sent to it. */
  congested(id: string): boolean;
  /** What is queued for a console right now (diagnostics and tests); optional. */
  diagnose?(id: string): TransportBacklog | null;
}

export interface TransportBacklog {
  /** engine.io packets waiting for the socket, and bytes ws has not handed to the kernel. */
  queuedPackets: number;
  bufferedBytes: number;
  /** Frames and bytes sent but not acknowledged by the console (0 if it does not acknowledge). */
  framesInFlight: number;
  bytesInFlight: number;
}

interface Group {
  key: string;
  /** 1 where the tag is in the group; null for '*'. */
  mask: Uint8Array | null;
  /** Tag indices of the group, ascending. */
  tags: Uint32Array;
  clients: Set<string>;
}

interface Client {
  group: Group;
  /** Tags with a newer value than this console has seen, while it was congested. */
  pending: Uint8Array | null;
  pendingCount: number;
  /** Samples and frames held back from this console since it subscribed (sent to it in bytes 24–31). */
  conflatedSamples: number;
  conflatedFrames: number;
}

/**
 * Telemetry fan-out. Consoles subscribed to the same set of areas share a group; each tick the
 * group's frame is encoded ONCE and the same buffer goes to every console in it that is
 * draining. A console that is not draining gets nothing queued: the tags it missed are marked,
 * and once it drains it gets one conflated frame with their latest values (plus the tick's
 * samples), so its queue never grows and it never sees a value older than one it already has.
 *
 * Every frame built for one console alone (keyframe, conflated frame) carries that console's
 * cumulative conflation counters, so it can show "values conflated"; shared frames carry 0s.
 *
 * Frame `seq` is the hub's tick number: increasing on every connection, with gaps where a
 * console was skipped or the tick had nothing for it.
 */
export class TelemetryHub {
  private readonly groups = new Map<string, Group>();
  private readonly clients = new Map<string, Client>();
  private readonly areaTags = new Map<string, number[]>();
  private readonly allTags: Uint32Array;
  private seq = 0;
  private scratch: SampleColumns = emptyColumns(0);

  constructor(
    plant: Plant,
    private readonly latest: LatestTable,
    private readonly out: FrameOut,
    private readonly metrics: Metrics,
  ) {
    for (const a of plant.areas) this.areaTags.set(a.id, []);
    plant.tags.forEach((t, i) => this.areaTags.get(t.area)?.push(i));
    this.allTags = Uint32Array.from(plant.tags.keys());
  }

  get consoleCount(): number {
    return this.clients.size;
  }

  /** Consoles that have tags held back right now (not draining, or not yet flushed). */
  get conflatingCount(): number {
    let n = 0;
    for (const c of this.clients.values()) if (c.pendingCount > 0) n++;
    return n;
  }

  /** The transport's backlog for a console, when the transport can tell. */
  backlogOf(id: string): TransportBacklog | null {
    return this.out.diagnose?.(id) ?? null;
  }

  /** A console's cumulative conflation counters, or null when it is not subscribed. */
  conflationOf(id: string): { samples: number; frames: number } | null {
    const c = this.clients.get(id);
    return c ? { samples: c.conflatedSamples, frames: c.conflatedFrames } : null;
  }

  /**
   * Replaces a console's subscription. Returns the number of tags it now receives, or the
   * unknown area ids (and changes nothing) when some are not in the plant.
   */
  subscribe(id: string, areas: Subscribe['areas']): { tagCount: number } | { unknown: string[] } {
    let key = '*';
    if (areas !== '*') {
      const unique = [...new Set(areas)].sort();
      const unknown = unique.filter((a) => !this.areaTags.has(a));
      if (unknown.length > 0) return { unknown };
      key = unique.join('\u0000');
    }
    this.unsubscribe(id);
    let group = this.groups.get(key);
    if (!group) {
      group = this.makeGroup(key, areas === '*' ? null : key.split('\u0000').filter(Boolean));
      this.groups.set(key, group);
    }
    group.clients.add(id);
    this.clients.set(id, { group, pending: null, pendingCount: 0, conflatedSamples: 0, conflatedFrames: 0 });
    return { tagCount: group.tags.length };
  }

  unsubscribe(id: string): void {
    const c = this.clients.get(id);
    if (!c) return;
    c.group.clients.delete(id);
    if (c.group.clients.size === 0) this.groups.delete(c.group.key);
    this.clients.delete(id);
  }

  /** Sends a keyframe (every subscribed tag's latest value) to one console. */
  keyframe(id: string): void {
    const c = this.clients.get(id);
    if (!c) return;
    const frame = this.fromLatest(c.group.tags, c.group.tags.length, FrameFlags.Keyframe, c);
    c.pending = null;
    c.pendingCount = 0;
    this.out.send([id], frame);
    this.metrics.keyframesSent++;
    this.metrics.framesSent++;
    this.metrics.samplesSent += c.group.tags.length;
  }

  /** Fans out one tick's samples. */
  publish(batch: SampleBatch): void {
    this.seq = (this.seq + 1) >>> 0;
    for (const group of this.groups.values()) {
      const count = this.filter(batch, group.mask);
      const ready: string[] = [];
      for (const id of group.clients) {
        const c = this.clients.get(id)!;
        if (this.out.congested(id)) {
          if (count > 0) {
            this.markPending(c, this.scratch.ids, count);
            c.conflatedSamples += count;
            c.conflatedFrames++;
            this.metrics.framesConflated++;
            this.metrics.samplesConflated += count;
          }
        } else if (c.pendingCount > 0) {
          this.markPending(c, this.scratch.ids, count);
          this.flushPending(id, c);
        } else if (count > 0) {
          ready.push(id);
        }
      }
      if (ready.length > 0) {
        this.out.send(ready, encodeFrame(this.scratch, count, this.seq));
        this.metrics.framesSent += ready.length;
        this.metrics.samplesSent += count * ready.length;
      }
    }
    this.metrics.consolesConflating = this.conflatingCount;
  }

  private makeGroup(key: string, areas: string[] | null): Group {
    if (areas === null) return { key, mask: null, tags: this.allTags, clients: new Set() };
    const mask = new Uint8Array(this.allTags.length);
    for (const a of areas) for (const i of this.areaTags.get(a) ?? []) mask[i] = 1;
    const tags: number[] = [];
    mask.forEach((m, i) => m && tags.push(i));
    return { key, mask, tags: Uint32Array.from(tags), clients: new Set() };
  }

  /** Copies the batch's samples for `mask` into the scratch columns; returns how many. */
  private filter(batch: SampleBatch, mask: Uint8Array | null): number {
    if (this.scratch.ids.length < batch.count) this.scratch = emptyColumns(Math.max(batch.count, this.scratch.ids.length * 2));
    const s = this.scratch;
    let n = 0;
    for (let i = 0; i < batch.count; i++) {
      const k = batch.ids[i]!;
      if (mask !== null && mask[k] !== 1) continue;
      s.ids[n] = k;
      s.values[n] = batch.values[i]!;
      s.times[n] = batch.times[i]!;
      s.quality[n] = batch.quality[i]!;
      n++;
    }
    return n;
  }

  private markPending(c: Client, ids: Uint32Array, count: number): void {
    if (!c.pending) c.pending = new Uint8Array(this.allTags.length);
    for (let i = 0; i < count; i++) {
      const k = ids[i]!;
      if (c.pending[k] === 0) {
        c.pending[k] = 1;
        c.pendingCount++;
      }
    }
  }

  private flushPending(id: string, c: Client): void {
    const pending = c.pending!;
    const tags = new Uint32Array(c.pendingCount);
    let n = 0;
    for (let k = 0; k < pending.length && n < tags.length; k++) if (pending[k] === 1) tags[n++] = k;
    this.out.send([id], this.fromLatest(tags, n, FrameFlags.Conflated, c));
    this.metrics.framesSent++;
    this.metrics.samplesSent += n;
    c.pending = null;
    c.pendingCount = 0;
  }

  private fromLatest(tags: Uint32Array, count: number, flags: number, c: Client): ArrayBuffer {
    const cols = emptyColumns(count);
    let newest = 0;
    for (let i = 0; i < count; i++) newest = Math.max(newest, this.latest.times[tags[i]!]!);
    // Sample times travel as int32 ms offsets from the oldest one: a tag never sampled (time 0)
    // or last seen weeks ago is sent at the oldest representable time, which reads as stale.
    const floor = newest - MAX_FRAME_SPAN_MS;
    for (let i = 0; i < count; i++) {
      const k = tags[i]!;
      cols.ids[i] = k;
      cols.values[i] = this.latest.values[k]!;
      cols.times[i] = Math.max(this.latest.times[k]!, floor);
      cols.quality[i] = this.latest.quality[k]!;
    }
    return encodeFrame(cols, count, this.seq, flags, { samples: c.conflatedSamples, frames: c.conflatedFrames });
  }
}

/** Just under 2^31 ms (~24.8 days), the span an int32 offset can carry. */
const MAX_FRAME_SPAN_MS = 2 ** 31 - 1000;

function emptyColumns(n: number): SampleColumns {
  return { ids: new Uint32Array(n), values: new Float64Array(n), times: new Float64Array(n), quality: new Uint8Array(n) };
}
