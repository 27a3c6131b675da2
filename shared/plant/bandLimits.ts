import { Quality, type Band } from './band';
import type { Limits } from './schema';

/** Band as a byte (the console's TagStore `band` column, the server's BandTracker): the order is part of the contract. */
export const BandCode = { normal: 0, h: 1, hh: 2, l: 3, ll: 4, bad: 5 } as const;
/** Band of each code. */
export const bandNames: readonly Band[] = ['normal', 'h', 'hh', 'l', 'll', 'bad'];

/**
 * Every tag's limits as columns (NaN where a limit is not set) and its hysteresis, so that a
 * 50,000-sample frame is classified without touching an object or allocating: the console
 * applies one such frame a second on its main thread (where `classifyBand`'s per-call closure
 * made garbage enough for collection pauses), the server one per tick. Same rules as
 * `classifyBand` (band.ts), tested against it.
 */
export class BandLimits {
  readonly hh: Float64Array;
  readonly h: Float64Array;
  readonly l: Float64Array;
  readonly ll: Float64Array;

  constructor(
    limits: readonly Limits[],
    readonly hysteresis: Float64Array,
  ) {
    const col = (k: 'hh' | 'h' | 'l' | 'll') => Float64Array.from(limits, (x) => x[k] ?? NaN);
    this.hh = col('hh');
    this.h = col('h');
    this.l = col('l');
    this.ll = col('ll');
  }

  /** The band code of tag `i` for this sample, `prev` its code before (hysteresis only keeps a band). */
  classify(i: number, value: number, quality: number, prev: number): number {
    if (quality >= Quality.Bad || !Number.isFinite(value)) return BandCode.bad;
    const y = this.hysteresis[i]!;
    if (value >= this.hh[i]! - (prev === BandCode.hh ? y : 0)) return BandCode.hh;
    if (value >= this.h[i]! - (prev === BandCode.h || prev === BandCode.hh ? y : 0)) return BandCode.h;
    if (value <= this.ll[i]! + (prev === BandCode.ll ? y : 0)) return BandCode.ll;
    if (value <= this.l[i]! + (prev === BandCode.l || prev === BandCode.ll ? y : 0)) return BandCode.l;
    return BandCode.normal;
  }
}
