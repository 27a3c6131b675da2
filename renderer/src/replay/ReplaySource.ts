import type { Recent } from '../../../shared/protocol/rest';
import type { JournalEvent } from '../../../shared/state/events';
import { Quality } from '../../../shared/plant/band';
import { initialState, reduceAll, type CommandState } from '../../../shared/state/reducer';
import type { CommandName } from '../../../shared/protocol/commands';
import type { CommandOutcome, DataSource, DataSourceListener, HistoryResult, Presence } from '../data/DataSource';
import { browserTimers, type Timers } from '../data/backoff';
import type { ReplayApi, ReplayFrame } from './replayApi';
import { ReplayClock } from './ReplayClock';

/** How the replay stands, for the timeline bar. */
export interface ReplayStatus {
  time: number;
  playing: boolean;
  speed: number;
  /** A seek is loading its frame. */
  loading: boolean;
  /** Seq of the last journal event applied. */
  seq: number;
  /** Why the last read failed, or null. */
  error: string | null;
  /** Play reached the live edge and stopped there. */
  atEnd: boolean;
}

export interface ReplaySourceOptions {
  api: ReplayApi;
  /** The live edge (server time now, ms): replay never runs past it. */
  liveNow: () => number;
  /** Local monotonic-enough clock for the replay clock's maths, ms. */
  wall?: () => number;
  timers?: Timers;
  /** Wall ms between clock ticks while playing. */
  tickMs?: number;
  /** Wall ms between value/position refreshes while playing (events apply on every tick). */
  valuesEveryMs?: number;
  /** Tag history for trends (the live source's: the historian answers for any range). */
  history?: (tagId: string, from: number, to: number, maxPoints: number) => Promise<HistoryResult>;
  onStatus?: (s: ReplayStatus) => void;
}

/** Events fetched per journal read; a refill starts when fewer than LOW_WATER are waiting. */
const PAGE = 1000;
const LOW_WATER = 200;
/** Wall ms between reads for newer events once the journal's end was reached. */
const DRAINED_RETRY_MS = 1000;

/**
 * Recorded data as a DataSource (W2): `seek(t)` loads the frame at t (reducer state, every tag's
 * value, people's positions, robots' recorded statuses) and hands it on; then, as the replay clock advances (play at
 * 0.1×–60×, or `step`), journal events after the frame's seq are reduced with the shared reducer
 * exactly as the live mirror does, and values, positions and robots are refreshed from frames. The
 * console's stores cannot tell it from live: alarm list, incidents, muster, map all follow.
 * It never sends commands (refused locally).
 */
export class ReplaySource implements DataSource {
  readonly capabilities = { seek: true, speed: true, commands: false };
  private listener: DataSourceListener | null = null;
  private readonly clock: ReplayClock;
  private readonly timers: Timers;
  private readonly wall: () => number;
  private state: CommandState = initialState();
  private buffer: JournalEvent[] = [];
  private bufferHead = 0;
  /** The journal had no more events at the last read (retried at most once a second while playing). */
  private drained = false;
  private drainedAt = 0;
  private refilling = false;
  private refreshing = false;
  private lastValuesWall = 0;
  private generation = 0;
  private tickTimer: unknown = null;
  private loading = false;
  private error: string | null = null;
  private atEnd = false;
  private stopped = false;

  constructor(private readonly opts: ReplaySourceOptions) {
    this.wall = opts.wall ?? (() => performance.now());
    this.timers = opts.timers ?? browserTimers;
    this.clock = new ReplayClock(this.wall, opts.liveNow);
  }

  start(listener: DataSourceListener): void {
    this.listener = listener;
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    this.timers.clear(this.tickTimer);
    this.tickTimer = null;
    this.listener = null;
  }

  now(): number {
    return this.clock.now();
  }

  presence(): Presence {
    return this.error ? 'offline' : this.loading ? 'connecting' : 'live';
  }

  status(): ReplayStatus {
    return { time: this.clock.now(), playing: this.clock.playing, speed: this.clock.speed, loading: this.loading, seq: this.state.seq, error: this.error, atEnd: this.atEnd };
  }

  /** The reducer state replay holds now. */
  commandState(): CommandState {
    return this.state;
  }

  retry(): void {
    if (this.error) void this.seek(this.clock.now());
  }

  command(_name: CommandName, _payload: unknown): Promise<CommandOutcome> {
    return Promise.resolve({ ok: false, code: 'offline', message: 'replay: the console shows a recording; return to live to act', local: true });
  }

  history(tagId: string, from: number, to: number, maxPoints: number): Promise<HistoryResult> {
    if (!this.opts.history) return Promise.resolve({ ok: false, code: 'offline', message: 'no history in this replay' });
    return this.opts.history(tagId, from, to, maxPoints);
  }

  /** The trend's recent window, ending at replay time, from the historian. */
  async recent(tagId: string, seconds: number): Promise<Recent | null> {
    const to = this.clock.now();
    const res = await this.history(tagId, to - seconds * 1000, to, 5000);
    if (!res.ok) return null;
    const d = res.data;
    if (d.kind === 'raw') return { tag: tagId, index: -1, times: d.t, values: d.value, quality: d.quality };
    return { tag: tagId, index: -1, times: d.t, values: d.last, quality: d.t.map(() => Quality.Good) };
  }

  /** Loads the frame at `t` and continues from there (playing on if it was playing). */
  async seek(t: number): Promise<void> {
    const gen = ++this.generation;
    this.clock.seek(t);
    this.loading = true;
    this.atEnd = false;
    this.emit();
    let frame: ReplayFrame;
    try {
      frame = await this.opts.api.frame(this.clock.now());
    } catch (err) {
      if (gen !== this.generation) return;
      this.loading = false;
      this.error = err instanceof Error ? err.message : String(err);
      return this.emit();
    }
    if (gen !== this.generation) return;
    this.error = null;
    this.state = frame.state;
    this.buffer = [];
    this.bufferHead = 0;
    this.drained = false;
    this.listener?.state(this.state);
    this.deliverValues(frame);
    this.refilling = false;
    await this.refill(true);
    if (gen !== this.generation) return;
    this.loading = false;
    this.lastValuesWall = this.wall();
    this.apply();
    this.emit();
    this.schedule();
  }

  play(): void {
    if (this.clock.atEnd()) return;
    this.clock.play();
    this.emit();
    this.schedule();
  }

  pause(): void {
    this.clock.pause();
    this.emit();
  }

  setSpeed(speed: number): void {
    this.clock.setSpeed(speed);
    this.emit();
  }

  /** Pauses and applies the next journal event (and any at the same instant); the clock moves to it. */
  async step(): Promise<void> {
    this.clock.pause();
    if (this.bufferHead >= this.buffer.length) await this.refill(true);
    const next = this.buffer[this.bufferHead];
    if (!next) return this.emit();
    this.clock.seek(next.time);
    this.apply();
    this.emit();
    await this.refreshValues();
  }

  private schedule(): void {
    if (this.tickTimer !== null || this.stopped || !this.clock.playing) return;
    this.tickTimer = this.timers.set(this.tick, this.opts.tickMs ?? 100);
  }

  /** One clock tick: apply what is due, top up the buffer, refresh values now and then. */
  readonly tick = (): void => {
    this.tickTimer = null;
    if (this.stopped) return;
    if (!this.loading) {
      this.apply();
      if (this.clock.playing && this.wall() - this.lastValuesWall >= (this.opts.valuesEveryMs ?? 1000)) void this.refreshValues();
      if (this.clock.atEnd()) {
        this.clock.pause();
        this.atEnd = true;
      }
    }
    this.emit();
    this.schedule();
  };

  /** Reduces the buffered events whose time has come. */
  private apply(): void {
    const t = this.clock.now();
    const batch: JournalEvent[] = [];
    while (this.bufferHead < this.buffer.length && this.buffer[this.bufferHead]!.time <= t) batch.push(this.buffer[this.bufferHead++]!);
    if (batch.length > 0) {
      this.state = reduceAll(this.state, batch);
      this.listener?.state(this.state);
    }
    const retry = this.drained && this.clock.playing && this.wall() - this.drainedAt >= DRAINED_RETRY_MS;
    if (this.buffer.length - this.bufferHead < LOW_WATER && !this.refilling && (!this.drained || retry)) void this.refill();
  }

  /** Reads the next page of events after the newest one held. */
  private async refill(force = false): Promise<void> {
    if (this.refilling && !force) return;
    const gen = this.generation;
    this.refilling = true;
    try {
      const last = this.buffer.length > 0 ? this.buffer[this.buffer.length - 1]!.seq : this.state.seq;
      const page = await this.opts.api.events(last, PAGE);
      if (gen !== this.generation) return;
      if (this.bufferHead > 0) {
        this.buffer = this.buffer.slice(this.bufferHead);
        this.bufferHead = 0;
      }
      for (const e of page) if (e.seq > last) this.buffer.push(e);
      this.drained = page.length < PAGE;
      if (this.drained) this.drainedAt = this.wall();
    } catch (err) {
      if (gen === this.generation) this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (gen === this.generation) this.refilling = false;
    }
  }

  /** Values and positions at the replay time (command state keeps following the events). */
  private async refreshValues(): Promise<void> {
    if (this.refreshing) return;
    const gen = this.generation;
    this.refreshing = true;
    this.lastValuesWall = this.wall();
    try {
      const frame = await this.opts.api.frame(this.clock.now());
      if (gen === this.generation) this.deliverValues(frame);
    } catch {
      /* the next refresh tries again; events keep applying */
    } finally {
      this.refreshing = false;
    }
  }

  private deliverValues(frame: ReplayFrame): void {
    const l = this.listener;
    if (!l) return;
    if (frame.values) {
      const n = frame.values.length;
      const times = frame.times ?? new Float64Array(n).fill(frame.time);
      const quality = frame.quality ?? Uint8Array.from(frame.values, (v) => (Number.isFinite(v) ? Quality.Good : Quality.Offline));
      if (l.restoreValues) l.restoreValues(frame.values, times, quality);
      else {
        const ids = new Uint32Array(n);
        const dt = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          ids[i] = i;
          dt[i] = Math.round(times[i]! - frame.time);
        }
        l.samples({ count: n, ids, values: frame.values, baseTime: frame.time, dt, quality });
      }
    }
    if (frame.positions) l.positions?.(frame.positions);
    if (frame.robots) l.robots?.(frame.robots);
  }

  private emit(): void {
    this.opts.onStatus?.(this.status());
  }
}
