import type { AlarmSettings } from '../plant/alarmConfig';

export type ChatterSettings = Pick<AlarmSettings['kpi'], 'chatterWindowS' | 'chatterCycles'>;

/**
 * Online chattering detection (PAS: ≥ 3 activate-and-clear cycles in 1 min). A cycle is an
 * activation and the clear that follows it; an alarm chatters when `chatterCycles` cycles lie
 * wholly inside one `chatterWindowS` window. Keeps the last `chatterCycles` activation times per
 * alarm, so memory is O(alarms × cycles) and each transition is O(1).
 */
export class ChatterDetector {
  private readonly acts = new Map<string, { times: Float64Array; next: number; count: number; open: number }>();
  private readonly windowMs: number;
  private readonly cycles: number;

  constructor(settings: ChatterSettings) {
    this.windowMs = settings.chatterWindowS * 1000;
    this.cycles = settings.chatterCycles;
  }

  /**
   * Feeds one condition transition of `alarmId`. Returns true when this clear completes a
   * cycle that makes the alarm chatter (the last `chatterCycles` cycles fit in the window).
   */
  transition(alarmId: string, active: boolean, time: number): boolean {
    let s = this.acts.get(alarmId);
    if (active) {
      if (!s) {
        s = { times: new Float64Array(this.cycles), next: 0, count: 0, open: Number.NaN };
        this.acts.set(alarmId, s);
      }
      s.open = time;
      return false;
    }
    if (!s || Number.isNaN(s.open)) return false;
    s.times[s.next] = s.open;
    s.next = (s.next + 1) % this.cycles;
    s.count = Math.min(s.count + 1, this.cycles);
    s.open = Number.NaN;
    if (s.count < this.cycles) return false;
    // After the write, `next` points at the oldest of the last `cycles` activations.
    return (s.times[s.next] as number) >= time - this.windowMs;
  }

  /** Forgets an alarm (e.g. removed from the plant). */
  forget(alarmId: string): void {
    this.acts.delete(alarmId);
  }
}
