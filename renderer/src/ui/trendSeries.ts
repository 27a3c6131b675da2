import type { Recent } from '../../../shared/protocol/rest';

/**
 * The points of one tag's trend over a sliding window: the server's recent history first, then
 * live samples appended as they arrive. Points are kept in time order; older ones fall out.
 */
export class TrendSeries {
  times: number[] = [];
  values: number[] = [];

  constructor(readonly windowMs: number) {}

  get lastTime(): number {
    return this.times.length ? this.times[this.times.length - 1]! : -Infinity;
  }

  /** Merges a recent-history answer under the live points already received. */
  load(recent: Recent): void {
    const firstLive = this.times.length ? this.times[0]! : Infinity;
    const t: number[] = [];
    const v: number[] = [];
    recent.times.forEach((time, i) => {
      const value = recent.values[i];
      if (time < firstLive && value !== null && value !== undefined && Number.isFinite(value)) {
        t.push(time);
        v.push(value);
      }
    });
    this.times = t.concat(this.times);
    this.values = v.concat(this.values);
  }

  /** Appends a sample newer than the last one; NaN (no value) is kept as a gap. */
  push(time: number, value: number): boolean {
    if (time <= this.lastTime) return false;
    this.times.push(time);
    this.values.push(value);
    return true;
  }

  /** Drops points older than the window before `now`. */
  trim(now: number): void {
    const from = now - this.windowMs;
    let k = 0;
    while (k < this.times.length && this.times[k]! < from) k++;
    if (k > 0) {
      this.times.splice(0, k);
      this.values.splice(0, k);
    }
  }

  /** Min and max of the finite values, or null when there are none. */
  extent(): [number, number] | null {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of this.values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return lo <= hi ? [lo, hi] : null;
  }
}
