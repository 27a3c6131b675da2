import type { Plant } from '../../shared/plant/schema';
import type { Clock } from '../../shared/util/clock';
import type { Metrics } from '../metrics';
import type { PlantSimulator, SampleBatch } from '../sim/types';
import type { LatestValuesRepo } from '../store/types';
import type { BandTracker } from './BandTracker';
import type { CommandEngine, PendingEvent } from './CommandEngine';
import type { InjectionService } from './InjectionService';
import type { LatestTable } from './LatestTable';
import type { RecentBuffer } from './RecentBuffer';

/**
 * A part of the tick that turns samples (or its own state) into journal events: interlocks,
 * alarms. Stages run in order after the samples are recorded and band changes are appended;
 * each stage's events are appended as one batch before the next stage runs, so a later stage
 * (alarms) sees what an earlier one (interlock trips) did in the same tick.
 */
export interface TickStage {
  readonly name: string;
  run(batch: SampleBatch, now: number): readonly PendingEvent[];
}

export interface RuntimeParts {
  plant: Plant;
  sim: PlantSimulator;
  engine: CommandEngine;
  injections: InjectionService;
  latestRepo: LatestValuesRepo;
  latest: LatestTable;
  recent: RecentBuffer;
  bands: BandTracker;
  /** Run every tick, in order, after band changes; see TickStage. */
  stages?: readonly TickStage[];
  clock: Clock;
  metrics: Metrics;
  /** Telemetry fan-out; called after the tick's events are appended, so events go out first. */
  publish: (batch: SampleBatch) => void;
}

export interface RuntimeTiming {
  /** How often the simulator is ticked and a frame batch goes out, ms (≥ 100). */
  tickMs: number;
  /**
   * Every latest value is written to the store at least this often, ms: a slice of the tags
   * each tick (one synchronous write of 50,000 rows took 80–170 ms and held up the tick after
   * it), the whole table at shutdown.
   */
  persistMs: number;
  /**
   * Ticks land just after `alignTo + k·tickMs` (the simulator's start time, where its samples
   * fall due), so a sample is picked up within a millisecond or two of its timestamp instead of
   * up to a whole tick later: this is most of an alarm's latency. Default 0 (epoch-aligned).
   */
  alignTo?: number;
}

/** How long after a tick boundary the tick runs (timers never fire early; this absorbs ms rounding). */
export const TICK_SLACK_MS = 1;

/**
 * The server's heartbeat: every tick it advances the simulator, records the samples (latest,
 * recent window), turns band changes and expired injections into journal events, then hands
 * the samples to the telemetry fan-out. A failing tick is logged and counted, never fatal.
 */
export class PlantRuntime {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  /** Next tag index the rolling persistence writes from. */
  private persistCursor = 0;
  lastError: string | null = null;

  constructor(
    private readonly p: RuntimeParts,
    private readonly timing: RuntimeTiming,
  ) {
  }

  /** Ticks every `tickMs`, aligned (see RuntimeTiming.alignTo); a slow tick never makes ticks pile up. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Milliseconds from `now` to just after the next tick boundary, in (0, tickMs + slack]. */
  delayToNextTick(now: number): number {
    const ms = this.timing.tickMs;
    const phase = ((((now - (this.timing.alignTo ?? 0)) % ms) + ms) % ms) - TICK_SLACK_MS;
    return phase < 0 ? -phase : ms - phase;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.running) return;
      this.tick();
      if (this.running) this.schedule();
    }, this.delayToNextTick(this.p.clock.now()));
  }

  tick(now = this.p.clock.now()): void {
    const started = performance.now();
    this.lastError = null;
    try {
      const batch = this.p.sim.tick(now);
      this.p.latest.apply(batch);
      this.p.recent.apply(batch);
      const bandEvents: PendingEvent[] = this.p.bands
        .update(batch)
        .map((c) => ({ body: { type: 'tag.band.changed', payload: { tag: c.tag, from: c.from, to: c.to, value: c.value } }, actor: 'system' }));
      this.p.engine.appendBatch(bandEvents);
      for (const stage of this.p.stages ?? []) {
        try {
          this.p.engine.appendBatch(stage.run(batch, now));
        } catch (err) {
          // One failing stage must not starve the others (or telemetry) of the tick.
          this.lastError = `${stage.name}: ${err instanceof Error ? err.message : String(err)}`;
          console.error(`tick stage ${stage.name} failed:`, err);
        }
      }
      this.p.injections.expire(now);
      this.p.publish(batch);
      this.p.engine.maybeSnapshot();
      this.persistSlice();
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      console.error('tick failed:', err);
    } finally {
      this.p.metrics.observeTick((performance.now() - started) / 1000);
    }
  }

  /** Writes the whole latest-value table at once (shutdown). */
  persistLatest(): void {
    this.p.latestRepo.saveAll(this.p.latest.toRows(this.p.plant.tags));
  }

  /** Writes the next slice of latest values, so each one is stored within `persistMs`. */
  private persistSlice(): void {
    const n = this.p.plant.tags.length;
    if (n === 0) return;
    const per = Math.ceil((n * this.timing.tickMs) / Math.max(this.timing.tickMs, this.timing.persistMs));
    const from = this.persistCursor >= n ? 0 : this.persistCursor;
    const to = Math.min(n, from + per);
    this.p.latestRepo.upsert(this.p.latest.toRows(this.p.plant.tags, from, to));
    this.persistCursor = to;
  }
}
