import type { AlarmSettings } from '../../shared/plant/alarmConfig';
import type { FloodWatch } from './AlarmEngine';

/**
 * Live flood detection (ISA-18.2 / EEMUA 191): the number of annunciated activations in the
 * last `floodWindowS`, reported per 10 minutes. Flooding starts when it rises above
 * `floodEnter` and ends when it falls below `floodExit` (hysteresis, so the banner does not
 * flicker at the threshold). Keeps only the activation times inside the window.
 */
export class FloodMonitor implements FloodWatch {
  private times = new Float64Array(1024);
  private head = 0;
  private tail = 0;
  private flooding: boolean;
  private readonly windowMs: number;

  constructor(
    private readonly kpi: AlarmSettings['kpi'],
    /** The flood state the command state holds (after a restart). */
    initiallyFlooding = false,
  ) {
    this.windowMs = kpi.floodWindowS * 1000;
    this.flooding = initiallyFlooding;
  }

  record(time: number): void {
    if (this.tail === this.times.length) {
      const live = this.tail - this.head;
      const next = live * 2 > this.times.length ? new Float64Array(this.times.length * 2) : this.times;
      next.set(this.times.subarray(this.head, this.tail), 0);
      this.times = next;
      this.head = 0;
      this.tail = live;
    }
    this.times[this.tail++] = time;
  }

  /** Activations in the window ending at `now`. */
  count(now: number): number {
    const from = now - this.windowMs;
    while (this.head < this.tail && this.times[this.head]! <= from) this.head++;
    return this.tail - this.head;
  }

  /** Activations per 10 minutes over the window ending at `now`. */
  ratePer10Min(now: number): number {
    return (this.count(now) * 600_000) / this.windowMs;
  }

  check(now: number): { flooding: boolean; ratePer10Min: number } | null {
    const rate = this.ratePer10Min(now);
    if (!this.flooding && rate > this.kpi.floodEnter) this.flooding = true;
    else if (this.flooding && rate < this.kpi.floodExit) this.flooding = false;
    else return null;
    return { flooding: this.flooding, ratePer10Min: Math.round(rate * 10) / 10 };
  }
}
