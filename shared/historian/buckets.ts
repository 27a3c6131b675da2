import { Quality } from '../plant/band';
import type { AggregateRows } from './AggregateRows';

/** A sample counts towards min/max/mean when its quality is Good or Uncertain and its value finite. */
export function isUsable(value: number, quality: number): boolean {
  return quality < Quality.Bad && Number.isFinite(value);
}

/** Start of the bucket of width `widthMs` anchored at `anchor` that holds `t`. */
export function bucketStart(t: number, anchor: number, widthMs: number): number {
  return anchor + Math.floor((t - anchor) / widthMs) * widthMs;
}

/**
 * Folds the samples with `from` ≤ t ≤ `to` into `out` (buckets of out.widthMs anchored at
 * `anchor`), appending rows or merging into out's last row when it is the same bucket.
 * Samples must be in time order and not earlier than out's last row.
 */
export function aggregateSamples(
  s: { count: number; times: ArrayLike<number>; values: ArrayLike<number>; quality: ArrayLike<number> },
  from: number,
  to: number,
  anchor: number,
  out: AggregateRows,
): void {
  const w = out.widthMs;
  let row = out.length - 1;
  let rowEnd = row >= 0 ? out.start[row]! + w : -Infinity;
  for (let i = 0; i < s.count; i++) {
    const t = s.times[i]!;
    if (t < from || t > to) continue;
    if (t >= rowEnd || row < 0) {
      const b = bucketStart(t, anchor, w);
      row = row >= 0 && out.start[row] === b ? row : out.pushEmpty(b);
      rowEnd = b + w;
    }
    const v = s.values[i]!;
    out.addSample(row, v, isUsable(v, s.quality[i]!));
  }
}

/**
 * Merges rows of `src` whose bucket start lies in [from, to] into coarser buckets of `out`
 * (out.widthMs, anchored at `anchor`). src's width must divide out's for the result to be exact;
 * rows must be in time order.
 */
export function rebucketRows(src: AggregateRows, from: number, to: number, anchor: number, out: AggregateRows): void {
  for (let j = 0; j < src.length; j++) {
    const t = src.start[j]!;
    if (t < from || t > to) continue;
    out.appendOrMerge(src, j, bucketStart(t, anchor, out.widthMs));
  }
}
