import type { AlarmKind } from './model';

/**
 * Condition codes of the evaluator, one bit each in its per-tag masks (`1 << code`).
 * CONFIRMED belongs to a detector group, the others to a tag.
 */
export const Cond = { HH: 0, H: 1, L: 2, LL: 3, ROC: 4, BAD: 5, CONFIRMED: 6 } as const;
export type CondCode = (typeof Cond)[keyof typeof Cond];

/** Alarm kind of each condition code (index = code). */
export const condKinds: readonly AlarmKind[] = Object.freeze(['HH', 'H', 'L', 'LL', 'ROC', 'BAD', 'CONFIRMED']);

/**
 * A growable, reusable list of condition changes, as parallel columns (only the first `count`
 * entries are valid). The evaluator appends; the caller reads, then `clear()`s and reuses it,
 * so steady-state evaluation allocates nothing. Capacity doubles when full (rare, amortised).
 */
export class ConditionChanges {
  count = 0;
  /** Tag index into plant.tags, or group index into `ConditionEvaluator.groups` for CONFIRMED. */
  source: Int32Array;
  cond: Uint8Array;
  /** 1 = the condition became active, 0 = it cleared. */
  active: Uint8Array;
  /** Time of the sample (or sweep) that made the change, epoch ms. */
  time: Float64Array;
  /** The sample value (NaN when bad or stale); for CONFIRMED the number of detectors voting. */
  value: Float64Array;

  constructor(capacity = 1024) {
    const c = Math.max(1, capacity | 0);
    this.source = new Int32Array(c);
    this.cond = new Uint8Array(c);
    this.active = new Uint8Array(c);
    this.time = new Float64Array(c);
    this.value = new Float64Array(c);
  }

  clear(): void {
    this.count = 0;
  }

  push(source: number, cond: number, active: boolean, time: number, value: number): void {
    if (this.count === this.source.length) this.grow();
    const k = this.count++;
    this.source[k] = source;
    this.cond[k] = cond;
    this.active[k] = active ? 1 : 0;
    this.time[k] = time;
    this.value[k] = value;
  }

  private grow(): void {
    const c = this.source.length * 2;
    const source = new Int32Array(c);
    source.set(this.source);
    const cond = new Uint8Array(c);
    cond.set(this.cond);
    const active = new Uint8Array(c);
    active.set(this.active);
    const time = new Float64Array(c);
    time.set(this.time);
    const value = new Float64Array(c);
    value.set(this.value);
    this.source = source;
    this.cond = cond;
    this.active = active;
    this.time = time;
    this.value = value;
  }
}
