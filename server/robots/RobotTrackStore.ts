import { robotStates, type RobotStatus } from '../../shared/robots/model';
import { decodeRobotChunk, emptyRobotColumns, encodeRobotChunk, quantiseRobot, type RobotColumns } from './robotTrackChunk';
import { ROBOT_CHUNK_MAX_SPAN_MS, type RobotTrackRepo, type StoredRobotChunk } from './SqliteRobotTrackRepo';
import { checkTrackStoreOptions, type TrackStoreOptions } from '../store/trackStoreOptions';
import { PendingChunks } from '../store/PendingChunks';

/** See TrackStoreOptions (server/store/trackStoreOptions.ts). */
export type RobotTrackStoreOptions = TrackStoreOptions;

export const DEFAULT_ROBOT_TRACK_STORE: RobotTrackStoreOptions = {
  chunkMs: 300_000,
  chunkMaxFixes: 1024,
  flushMs: 10_000,
  pruneEveryMs: 3_600_000,
  retentionMs: 30 * 86_400_000,
  maxPending: 10_000,
};

/** Fixes of one robot not sealed yet: the columns grow by doubling up to `chunkMaxFixes`. */
interface Open {
  windowEnd: number;
  c: RobotColumns;
}

type Source = { kind: 'open'; c: RobotColumns } | { kind: 'chunk'; chunk: StoredRobotChunk };

const T_MAX = 2 ** 49;

const check = (o: RobotTrackStoreOptions): RobotTrackStoreOptions => checkTrackStoreOptions('robot track', o, ROBOT_CHUNK_MAX_SPAN_MS);

/**
 * Every robot's ~1 Hz status, persisted for replay (docs/historian.md §Replay): position,
 * heading, state, battery and next checkpoint gather in an open chunk per robot (window
 * `chunkMs`, staggered by robot), seal into a blob coded with the historian's column codecs,
 * wait in memory and are written every `flushMs` in one transaction; `close()` writes the open
 * ones. Readings are not kept (findings are journal events). Queries read stored, pending and
 * open fixes alike. Storage errors are counted and logged, never thrown: the tick that records
 * must not fail because of history. After a restart a robot's fixes must be newer than its
 * newest stored one; older ones are dropped and counted.
 */
export class RobotTrackStore {
  readonly stats = { recorded: 0, dropped: 0, sealed: 0, written: 0, writeErrors: 0, readErrors: 0, pruneErrors: 0, droppedPending: 0, pruned: 0 };
  private readonly o: RobotTrackStoreOptions;
  private readonly open = new Map<string, Open>();
  /** Newest time recorded (or stored, after a restart) per robot. */
  private readonly lastT = new Map<string, number>();
  private readonly pending: PendingChunks<StoredRobotChunk>;
  private closed = false;

  constructor(
    private readonly repo: RobotTrackRepo,
    /** The plant's robot ids (robots.json order): what `at` answers for. */
    private readonly ids: readonly string[],
    o: Partial<RobotTrackStoreOptions> = {},
  ) {
    this.o = check({ ...DEFAULT_ROBOT_TRACK_STORE, ...o });
    this.pending = new PendingChunks(repo, this.o, this.stats, { en: 'robot tracks', zh: '机器人轨迹' });
  }

  private last(id: string): number {
    let v = this.lastT.get(id);
    if (v === undefined) {
      try {
        v = this.repo.lastTime(id) ?? -Infinity;
      } catch (err) {
        this.readError(err);
        v = -Infinity;
      }
      this.lastT.set(id, v);
    }
    return v;
  }

  /** The robots' statuses at one instant (each at its own `time`). */
  record(statuses: readonly RobotStatus[]): void {
    if (this.closed) return;
    for (const s of statuses) this.recordOne(s);
  }

  private recordOne(s: RobotStatus): void {
    const tm = Math.round(s.time);
    if (!(tm >= 0 && tm < T_MAX) || tm <= this.last(s.id)) {
      this.stats.dropped++;
      return;
    }
    let b = this.open.get(s.id);
    if (b && (tm >= b.windowEnd || b.c.count >= this.o.chunkMaxFixes)) {
      this.seal(s.id);
      b = undefined;
    }
    b ??= this.start(s.id, tm);
    if (b.c.count === b.c.t.length) this.grow(b);
    const c = b.c;
    const i = c.count++;
    c.t[i] = tm;
    c.x[i] = quantiseRobot('x', s.position[0]);
    c.y[i] = quantiseRobot('y', s.position[1]);
    c.z[i] = quantiseRobot('z', s.position[2]);
    c.heading[i] = quantiseRobot('heading', s.heading);
    c.battery[i] = quantiseRobot('battery', s.batteryPct);
    c.state[i] = robotStates.indexOf(s.state);
    c.next[i] = s.nextCheckpoint;
    this.lastT.set(s.id, tm);
    this.stats.recorded++;
  }

  private start(id: string, t: number): Open {
    const span = this.o.chunkMs;
    // A fixed per-robot phase staggers the windows, so that the fleet's seals spread out.
    const k = Math.max(0, this.ids.indexOf(id));
    const phase = ((k * 7919 + 13) * 1000) % span;
    const b: Open = { windowEnd: Math.floor((t - phase) / span) * span + phase + span, c: emptyRobotColumns(Math.min(64, this.o.chunkMaxFixes)) };
    this.open.set(id, b);
    return b;
  }

  private grow(b: Open): void {
    const n = Math.min(b.c.t.length * 2, this.o.chunkMaxFixes);
    const g = emptyRobotColumns(n);
    g.count = b.c.count;
    for (const k of Object.keys(g) as (keyof RobotColumns)[]) if (k !== 'count') g[k].set(b.c[k]);
    b.c = g;
  }

  private seal(id: string): void {
    const b = this.open.get(id);
    this.open.delete(id);
    if (!b || b.c.count === 0) return;
    const c = b.c;
    this.pending.add({ robot: id, tStart: c.t[0]!, tEnd: c.t[c.count - 1]!, count: c.count, blob: encodeRobotChunk(c) });
  }

  /** Call once a tick: seals windows that ended, writes sealed chunks every `flushMs`, prunes hourly. */
  tick(now: number): void {
    if (this.closed || !this.pending.due(now)) return;
    for (const [id, b] of [...this.open]) if (now >= b.windowEnd) this.seal(id);
    this.pending.flushAndPrune(now);
  }

  private readError(err: unknown): void {
    if (this.stats.readErrors++ === 0) console.error('robot tracks: read failed / 机器人轨迹读取失败:', err);
  }

  /** Seals and writes everything (server shutdown); later records are ignored. */
  close(): void {
    if (this.closed) return;
    for (const id of [...this.open.keys()]) this.seal(id);
    this.pending.flush();
    this.closed = true;
    try {
      this.repo.close();
    } catch (err) {
      console.error('robot tracks: close failed / 机器人轨迹关闭失败:', err);
    }
  }

  /**
   * Each robot's last status at or before `at`, if it is no older than `windowMs` (robots with
   * none in the window are left out, as people are in a replay frame). Readings are empty:
   * they are not part of the track.
   */
  at(at: number, windowMs: number): RobotStatus[] {
    const from = at - windowMs;
    const out: RobotStatus[] = [];
    for (const id of this.ids) {
      const s = this.lastOf(id, from, at);
      if (s) out.push(s);
    }
    return out;
  }

  /** Sources of one robot newest first: open chunk, pending chunks, stored chunks (disjoint in time). */
  private *sources(id: string, from: number, to: number): Generator<Source> {
    const b = this.open.get(id);
    if (b && b.c.count > 0) yield { kind: 'open', c: b.c };
    const pending = this.pending.items;
    for (let k = pending.length - 1; k >= 0; k--) {
      const c = pending[k]!;
      if (c.robot === id && c.tStart <= to && c.tEnd >= from) yield { kind: 'chunk', chunk: c };
    }
    if (this.closed) return;
    let stored: StoredRobotChunk[] = [];
    try {
      stored = this.repo.read(id, from, to);
    } catch (err) {
      this.readError(err);
    }
    for (const c of stored) yield { kind: 'chunk', chunk: c };
  }

  private lastOf(id: string, from: number, to: number): RobotStatus | null {
    for (const src of this.sources(id, from, to)) {
      let c: RobotColumns;
      if (src.kind === 'open') c = src.c;
      else {
        if (src.chunk.tStart > to) continue;
        try {
          c = decodeRobotChunk(src.chunk.blob);
        } catch (err) {
          this.readError(err);
          continue;
        }
      }
      const i = lastAtOrBefore(c.t, c.count, to);
      if (i < 0) continue;
      // Sources are newest first: the first fix at or before `to` is the answer, or there is none in the window.
      return c.t[i]! >= from ? statusOf(id, c, i) : null;
    }
    return null;
  }

  /** Chunks waiting to be written and fixes in open chunks. */
  get held(): { pending: number; openFixes: number } {
    let openFixes = 0;
    for (const b of this.open.values()) openFixes += b.c.count;
    return { pending: this.pending.items.length, openFixes };
  }
}

/** Index of the last entry of the sorted `t[0..count)` that is ≤ `at`, or -1. */
function lastAtOrBefore(t: Float64Array, count: number, at: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function statusOf(id: string, c: RobotColumns, i: number): RobotStatus {
  return {
    id,
    state: robotStates[c.state[i]!] ?? 'offline',
    position: [c.x[i]!, c.y[i]!, c.z[i]!],
    heading: c.heading[i]!,
    batteryPct: Math.min(100, Math.max(0, c.battery[i]!)),
    nextCheckpoint: Math.max(0, c.next[i]!),
    readings: {},
    time: c.t[i]!,
  };
}
