import { FloodDetector } from '../../shared/alarm/FloodDetector';
import type { AlarmSettings } from '../../shared/plant/alarmConfig';
import type { FloodWatch } from './AlarmEngine';

/**
 * Live flood detection for the alarm engine: the shared `FloodDetector` (annunciated
 * activations in the trailing `floodWindowS`; a flood above `floodEnter`, over below
 * `floodExit`), reporting changes with the rate per 10 minutes for `alarm.flood.changed`.
 */
export class FloodMonitor implements FloodWatch {
  private readonly detector: FloodDetector;
  private readonly per10Min: number;

  constructor(
    kpi: AlarmSettings['kpi'],
    /** The flood state the command state holds (after a restart). */
    initiallyFlooding = false,
    /** Annunciated activations already in the window (from the journal, after a restart). */
    recent: readonly number[] = [],
  ) {
    this.detector = new FloodDetector(kpi, 1024);
    this.detector.restore(initiallyFlooding);
    for (const t of recent) this.detector.add(t);
    this.per10Min = 600 / kpi.floodWindowS;
  }

  record(time: number): void {
    this.detector.add(time);
  }

  /** Annunciated activations per 10 minutes over the window ending at `now`. */
  ratePer10Min(now: number): number {
    return Math.round(this.detector.rate(now) * this.per10Min * 10) / 10;
  }

  check(now: number): { flooding: boolean; ratePer10Min: number } | null {
    const changed = this.detector.update(now);
    return changed === null ? null : { flooding: changed, ratePer10Min: this.ratePer10Min(now) };
  }
}
