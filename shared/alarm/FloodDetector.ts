import type { AlarmSettings } from '../plant/alarmConfig';

export type FloodSettings = Pick<AlarmSettings['kpi'], 'floodWindowS' | 'floodEnter' | 'floodExit'>;

/**
 * Rolling count of annunciated alarm activations over the flood window, with the flood state:
 * a flood starts when more than `floodEnter` activations fall in the trailing window and ends
 * when fewer than `floodExit` do (ISA-18.2 / EEMUA 191: > 10 in 10 min, ends below 5).
 *
 * The window is (now − window, now]. Times are kept in a ring buffer, so `add` and `rate` are
 * O(1) amortised and allocate only when the buffer grows. Times must not go backwards: an
 * earlier time is counted as the latest one seen (a late activation is still an activation).
 */
export class FloodDetector {
  private buf: Float64Array;
  private head = 0;
  private len = 0;
  private latest = Number.NEGATIVE_INFINITY;
  private state = false;
  private readonly windowMs: number;

  constructor(
    private readonly settings: FloodSettings,
    capacity = 64,
  ) {
    this.windowMs = settings.floodWindowS * 1000;
    this.buf = new Float64Array(Math.max(2, capacity | 0));
  }

  /** Counts one annunciated activation at `time` (epoch ms). */
  add(time: number): void {
    const t = time < this.latest ? this.latest : time;
    this.latest = t;
    if (this.len === this.buf.length) this.grow();
    this.buf[(this.head + this.len) % this.buf.length] = t;
    this.len++;
  }

  /** Activations in (now − window, now]. Drops older ones. */
  rate(now: number): number {
    const edge = now - this.windowMs;
    const cap = this.buf.length;
    while (this.len > 0 && (this.buf[this.head] as number) <= edge) {
      this.head = (this.head + 1) % cap;
      this.len--;
    }
    let n = this.len;
    // Activations stamped after `now` (a caller evaluating a past instant) are not in the window.
    while (n > 0 && (this.buf[(this.head + n - 1) % cap] as number) > now) n--;
    return n;
  }

  get flooding(): boolean {
    return this.state;
  }

  /** Re-evaluates the flood state at `now`; returns the new state when it changed, else null. */
  update(now: number): boolean | null {
    const r = this.rate(now);
    if (!this.state && r > this.settings.floodEnter) {
      this.state = true;
      return true;
    }
    if (this.state && r < this.settings.floodExit) {
      this.state = false;
      return false;
    }
    return null;
  }

  /** Restores the state after a restart (the journal's last alarm.flood.changed). */
  restore(flooding: boolean): void {
    this.state = flooding;
  }

  private grow(): void {
    const next = new Float64Array(this.buf.length * 2);
    for (let k = 0; k < this.len; k++) next[k] = this.buf[(this.head + k) % this.buf.length] as number;
    this.buf = next;
    this.head = 0;
  }
}
