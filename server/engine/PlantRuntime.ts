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
  /** How often latest values are written to the store, ms. */
  persistMs: number;
}

/**
 * The server's heartbeat: every tick it advances the simulator, records the samples (latest,
 * recent window), turns band changes and expired injections into journal events, then hands
 * the samples to the telemetry fan-out. A failing tick is logged and counted, never fatal.
 */
export class PlantRuntime {
  private timer: NodeJS.Timeout | null = null;
  private lastPersist: number;
  lastError: string | null = null;

  constructor(
    private readonly p: RuntimeParts,
    private readonly timing: RuntimeTiming,
  ) {
    this.lastPersist = p.clock.now();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.timing.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
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
      if (now - this.lastPersist >= this.timing.persistMs) this.persistLatest(now);
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      console.error('tick failed:', err);
    } finally {
      this.p.metrics.observeTick((performance.now() - started) / 1000);
    }
  }

  persistLatest(now = this.p.clock.now()): void {
    this.p.latestRepo.saveAll(this.p.latest.toRows(this.p.plant.tags));
    this.lastPersist = now;
  }
}
