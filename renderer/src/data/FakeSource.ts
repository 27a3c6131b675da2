import { Quality } from '../../../shared/plant/band';
import type { Plant, Tag } from '../../../shared/plant/schema';
import type { Recent } from '../../../shared/protocol/rest';
import { initialState } from '../../../shared/state/reducer';
import { stableHash } from '../../../shared/util/hash';
import type { SampleFrame } from '../stores/tagStore';
import type { DataSource, DataSourceListener, Presence } from './DataSource';
import { browserTimers, type Timers } from './backoff';

export interface FakeSourceOptions {
  plant: Plant;
  /** Defaults to the model's stable hash, as the server computes it. */
  hash?: string;
  seed?: number;
  /** ms since epoch. */
  clock?: () => number;
  timers?: Timers;
  /** How often a frame is produced, ms. */
  framePeriodMs?: number;
}

/**
 * A plant without a server: values are a deterministic function of (seed, tag, time) that
 * wanders inside each tag's normal band, so `recent()` agrees with what was streamed. Tests
 * and demos push a tag out of its band with `force`. Frames are produced by `tick()`, which a
 * timer calls every `framePeriodMs` once started (tests call it themselves).
 */
export class FakeSource implements DataSource {
  readonly capabilities = { seek: false, speed: false, commands: false };
  private listener: DataSourceListener | null = null;
  private timer: unknown = null;
  private current: Presence = 'connecting';
  private readonly clock: () => number;
  private readonly timers: Timers;
  private readonly tags: readonly Tag[];
  private readonly due: Float64Array;
  private readonly forced = new Map<number, { value: number; quality: number }>();
  private readonly frame: SampleFrame;

  constructor(private readonly opts: FakeSourceOptions) {
    this.clock = opts.clock ?? Date.now;
    this.timers = opts.timers ?? browserTimers;
    this.tags = opts.plant.tags;
    const n = this.tags.length;
    this.due = new Float64Array(n);
    this.frame = { count: 0, ids: new Uint32Array(n), values: new Float64Array(n), baseTime: 0, dt: new Int32Array(n), quality: new Uint8Array(n) };
  }

  start(listener: DataSourceListener): void {
    this.listener = listener;
    listener.plant(this.opts.plant, this.opts.hash ?? stableHash(this.opts.plant));
    listener.state(initialState());
    this.current = 'live';
    listener.presence('live', null);
    listener.user?.({ name: 'fake', role: 'viewer' });
    this.tick();
    const loop = (): void => {
      this.tick();
      this.timer = this.timers.set(loop, this.opts.framePeriodMs ?? 200);
    };
    this.timer = this.timers.set(loop, this.opts.framePeriodMs ?? 200);
  }

  stop(): void {
    this.timers.clear(this.timer);
    this.listener = null;
    this.current = 'offline';
  }

  now(): number {
    return this.clock();
  }

  presence(): Presence {
    return this.current;
  }

  retry(): void {}

  /** Pretends the link changed (e.g. 'reconnecting'), for demos and tests of what the console does then. */
  setPresence(p: Presence, detail: string | null = null): void {
    this.current = p;
    this.listener?.presence(p, detail);
  }

  /** Holds a tag at `value` (and quality) until `release`; the next tick reports it. */
  force(tagId: string, value: number, quality: number = Quality.Good): void {
    const i = this.tags.findIndex((t) => t.id === tagId);
    if (i < 0) throw new Error(`unknown tag ${tagId}`);
    this.forced.set(i, { value, quality });
    this.due[i] = 0;
  }

  release(tagId: string): void {
    const i = this.tags.findIndex((t) => t.id === tagId);
    this.forced.delete(i);
  }

  /** Emits one frame with every tag whose period has come round. */
  tick(): void {
    const now = this.clock();
    const f = this.frame;
    let n = 0;
    for (let i = 0; i < this.tags.length; i++) {
      if (now < this.due[i]!) continue;
      const period = this.tags[i]!.periodMs;
      this.due[i] = now + period;
      const forced = this.forced.get(i);
      f.ids[n] = i;
      f.values[n] = forced ? forced.value : this.valueAt(i, now);
      f.quality[n] = forced ? forced.quality : Quality.Good;
      f.dt[n] = 0;
      n++;
    }
    f.count = n;
    f.baseTime = now;
    if (n > 0) this.listener?.samples(f);
  }

  async recent(tagId: string, seconds: number): Promise<Recent | null> {
    const index = this.tags.findIndex((t) => t.id === tagId);
    if (index < 0) return null;
    const period = this.tags[index]!.periodMs;
    const now = this.clock();
    const times: number[] = [];
    const values: number[] = [];
    for (let t = now - seconds * 1000; t <= now; t += period) {
      times.push(t);
      values.push(this.valueAt(index, t));
    }
    return { tag: tagId, index, times, values, quality: times.map(() => Quality.Good) };
  }

  /** Inside the normal band: a slow sine per tag plus a little deterministic noise. */
  valueAt(i: number, t: number): number {
    const tag = this.tags[i]!;
    const { lo, hi } = tag.range;
    const top = Math.min(hi, tag.limits.h ?? tag.limits.hh ?? hi);
    const bottom = Math.max(lo, tag.limits.l ?? tag.limits.ll ?? lo);
    const mid = (top + bottom) / 2;
    const amp = (top - bottom) * 0.2;
    const seed = (this.opts.seed ?? 1) * 7919 + i * 104729;
    const phase = (seed % 6283) / 1000;
    const slow = Math.sin(t / (60_000 + (i % 17) * 7_000) + phase);
    const step = Math.floor(t / tag.periodMs);
    const noise = (hash32(seed ^ step) / 4294967296 - 0.5) * 0.1;
    return mid + amp * (slow + noise);
  }
}

function hash32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
