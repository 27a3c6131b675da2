import type { History } from '../../../shared/historian/historySchema';

/** One pixel column of a long-range trend: the band [lo, hi] the values spanned, and the line value (mean). */
export interface Column {
  lo: number;
  hi: number;
  line: number;
}

/**
 * Maps a history answer onto `width` pixel columns over [from, to]: column c covers the times
 * [from + c·step, from + (c+1)·step) with step = (to − from)/width (the last column also takes
 * `to`). A bucket [t, t + bucketMs) lands in every column it overlaps; a column takes the
 * lowest min and highest max of what lands in it, so a one-sample spike keeps at least one
 * pixel column however long the range, and its line is the sample-weighted mean. Columns with
 * nothing usable are null (the line breaks there). Raw samples land in the column of their time.
 */
export function historyColumns(h: History, from: number, to: number, width: number): (Column | null)[] {
  const n = Math.max(0, Math.floor(width));
  const cols: (Column | null)[] = new Array<Column | null>(n).fill(null);
  const span = to - from;
  if (n === 0 || !(span > 0)) return cols;
  const sums = new Float64Array(n);
  const weights = new Float64Array(n);
  const colOf = (t: number): number => Math.min(n - 1, Math.floor(((t - from) / span) * n));
  const add = (c0: number, c1: number, lo: number, hi: number, mean: number, w: number): void => {
    for (let c = Math.max(0, c0); c <= Math.min(n - 1, c1); c++) {
      const col = cols[c];
      if (col) {
        if (lo < col.lo) col.lo = lo;
        if (hi > col.hi) col.hi = hi;
      } else cols[c] = { lo, hi, line: mean };
      sums[c] = sums[c]! + mean * w;
      weights[c] = weights[c]! + w;
    }
  };
  if (h.kind === 'raw') {
    h.t.forEach((t, i) => {
      const v = h.value[i];
      if (v === null || v === undefined || !Number.isFinite(v) || t < from || t > to) return;
      const c = colOf(t);
      add(c, c, v, v, v, 1);
    });
  } else {
    h.t.forEach((t, i) => {
      const lo = h.min[i];
      const hi = h.max[i];
      const mean = h.avg[i] ?? h.last[i];
      if (lo === null || lo === undefined || hi === null || hi === undefined || mean === null || mean === undefined) return;
      const end = t + h.bucketMs;
      if (end <= from || t > to) return;
      // The bucket's last instant is end − 1 ms; it never reaches into the next bucket's column.
      add(colOf(Math.max(t, from)), colOf(Math.min(end - 1, to)), lo, hi, mean, Math.max(1, h.n[i] ?? 1));
    });
  }
  for (let c = 0; c < n; c++) {
    const col = cols[c];
    if (col && weights[c]! > 0) col.line = sums[c]! / weights[c]!;
  }
  return cols;
}

/** Lowest lo and highest hi over the columns, or null when all are empty. */
export function columnsExtent(cols: readonly (Column | null)[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cols) {
    if (!c) continue;
    if (c.lo < lo) lo = c.lo;
    if (c.hi > hi) hi = c.hi;
  }
  return lo <= hi ? [lo, hi] : null;
}
