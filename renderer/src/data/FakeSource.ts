import { Quality } from '../../../shared/plant/band';
import type { Plant, Tag } from '../../../shared/plant/schema';
import type { Recent } from '../../../shared/protocol/rest';
import type { CommandName } from '../../../shared/protocol/commands';
import type { Role } from '../../../shared/protocol/roles';
import type { EventBody } from '../../../shared/state/events';
import { stableHash } from '../../../shared/util/hash';
import type { SampleFrame } from '../stores/tagStore';
import type { CommandOutcome, DataSource, DataSourceListener, HistoryResult, Presence } from './DataSource';
import { FakeAlarms } from './FakeAlarms';
import { browserTimers, type Timers } from './backoff';
import { fakeRobotsMessage } from '../robots/fakeRobots';

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
  /** Who the console is signed in as (a viewer by default). */
  user?: { name: string; role: Role };
}

/**
 * A plant without a server: values are a deterministic function of (seed, tag, time) that
 * wanders inside each tag's normal band, so `recent()` agrees with what was streamed. Tests
 * and demos push a tag out of its band with `force`, which raises that band's alarm (FakeAlarms,
 * through the shared lifecycle and reducer); `append` adds any other journal event. Frames are
 * produced by `tick()`, which a timer calls every `framePeriodMs` once started (tests call it
 * themselves).
 */
export class FakeSource implements DataSource {
  readonly capabilities = { seek: false, speed: false, commands: true };
  readonly alarms: FakeAlarms;
  private listener: DataSourceListener | null = null;
  private timer: unknown = null;
  private current: Presence = 'connecting';
  private readonly clock: () => number;
  private readonly timers: Timers;
  private readonly tags: readonly Tag[];
  private readonly due: Float64Array;
  private readonly forced = new Map<number, { value: number; quality: number }>();
  /** Tags released since the last tick: their next value may clear an alarm. */
  private readonly released = new Set<number>();
  private readonly frame: SampleFrame;
  private readonly user: { name: string; role: Role };
  /** When the last `robots` message went out (they go at 1 Hz, as the server's). */
  private robotsAt = -Infinity;

  constructor(private readonly opts: FakeSourceOptions) {
    this.clock = opts.clock ?? Date.now;
    this.timers = opts.timers ?? browserTimers;
    this.tags = opts.plant.tags;
    const n = this.tags.length;
    this.due = new Float64Array(n);
    this.frame = { count: 0, ids: new Uint32Array(n), values: new Float64Array(n), baseTime: 0, dt: new Int32Array(n), quality: new Uint8Array(n) };
    this.user = opts.user ?? { name: 'fake', role: 'viewer' };
    this.alarms = new FakeAlarms(opts.plant, this.clock);
  }

  start(listener: DataSourceListener): void {
    this.listener = listener;
    listener.plant(this.opts.plant, this.opts.hash ?? stableHash(this.opts.plant));
    listener.state(this.alarms.state);
    this.current = 'live';
    listener.presence('live', null);
    listener.user?.(this.user);
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

  async command(name: CommandName, payload: unknown): Promise<CommandOutcome> {
    if (this.current !== 'live') return { ok: false, code: 'offline', message: 'offline: the command was not sent' };
    const before = this.alarms.state;
    const out = this.alarms.command(name, payload, this.user);
    if (this.alarms.state !== before) this.listener?.state(this.alarms.state);
    return out;
  }

  /** Appends journal events (as the server would) and hands the new state on. */
  append(bodies: readonly EventBody[], actor = 'system'): void {
    this.listener?.state(this.alarms.append(bodies, actor));
  }

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
    if (this.forced.delete(i)) {
      this.released.add(i);
      this.due[i] = 0;
    }
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
    this.evaluateAlarms(n);
    const robots = this.opts.plant.robots;
    if (robots && robots.robots.length > 0 && now - this.robotsAt >= 1000) {
      this.robotsAt = now;
      this.listener?.robots?.(fakeRobotsMessage(robots, now));
    }
  }

  /** Forced and just-released tags of this frame through the fake alarm rules. */
  private evaluateAlarms(n: number): void {
    if (this.forced.size === 0 && this.released.size === 0) return;
    const f = this.frame;
    const bodies: EventBody[] = [];
    for (let k = 0; k < n; k++) {
      const i = f.ids[k]!;
      if (!this.forced.has(i) && !this.released.delete(i)) continue;
      bodies.push(...this.alarms.evaluate(i, f.values[k]!, f.quality[k]!));
    }
    if (bodies.length > 0) this.append(bodies);
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

  /**
   * Synthesised history agreeing with valueAt: buckets of ⌈(to − from)/maxPoints⌉ ms, each
   * summarising a few samples taken evenly across it (enough for the trend; not every sample).
   */
  async history(tagId: string, from: number, to: number, maxPoints: number): Promise<HistoryResult> {
    const index = this.tags.findIndex((t) => t.id === tagId);
    if (index < 0) return { ok: false, code: 'not_found', message: `unknown tag "${tagId}"` };
    const points = Math.max(1, Math.floor(maxPoints));
    const bucketMs = Math.max(1, Math.ceil((to - from + 1) / points));
    const per = 8;
    const out = { t: [] as number[], first: [] as number[], min: [] as number[], max: [] as number[], last: [] as number[], avg: [] as number[], n: [] as number[], bad: [] as number[] };
    for (let t0 = from; t0 <= to; t0 += bucketMs) {
      const vs: number[] = [];
      for (let k = 0; k < per; k++) {
        const t = t0 + (k * bucketMs) / per;
        if (t <= to) vs.push(this.valueAt(index, t));
      }
      out.t.push(t0);
      out.first.push(vs[0]!);
      out.last.push(vs[vs.length - 1]!);
      out.min.push(Math.min(...vs));
      out.max.push(Math.max(...vs));
      out.avg.push(vs.reduce((a, b) => a + b, 0) / vs.length);
      out.n.push(vs.length);
      out.bad.push(0);
    }
    const samples = out.n.reduce((a, b) => a + b, 0);
    return { ok: true, data: { tag: tagId, index, from, to, maxPoints: points, source: 'raw', samples, kind: 'buckets', bucketMs, ...out } };
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
