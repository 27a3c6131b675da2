import type { Plant } from '../../shared/plant/schema';
import type { Clock } from '../../shared/util/clock';
import type { Metrics } from '../metrics';
import type { PlantSimulator, SampleBatch } from '../sim/types';
import type { LatestValuesRepo } from '../store/types';
import type { BandTracker } from './BandTracker';
import type { CommandEngine } from './CommandEngine';
import type { InjectionService } from './InjectionService';
import type { LatestTable } from './LatestTable';
import type { RecentBuffer } from './RecentBuffer';

export interface RuntimeParts {
  plant: Plant;
  sim: PlantSimulator;
  engine: CommandEngine;
  injections: InjectionService;
  latestRepo: LatestValuesRepo;
  latest: LatestTable;
  recent: RecentBuffer;
  bands: BandTracker;
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
    try {
      const batch = this.p.sim.tick(now);
      this.p.latest.apply(batch);
      this.p.recent.apply(batch);
      for (const c of this.p.bands.update(batch)) {
        this.p.engine.append({ type: 'tag.band.changed', payload: { tag: c.tag, from: c.from, to: c.to, value: c.value } }, 'system');
      }
      this.p.injections.expire(now);
      this.p.publish(batch);
      this.p.engine.maybeSnapshot();
      if (now - this.lastPersist >= this.timing.persistMs) this.persistLatest(now);
      this.lastError = null;
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
