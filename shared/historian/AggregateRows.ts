/**
 * Rows of a downsampled series: one per time bucket, with the bucket's start, how many usable
 * samples it had (`n`; quality Good or Uncertain and a finite value), how many it had to leave
 * out (`bad`), and the first, min, max, last and mean of the usable ones (NaN when n is 0).
 * Columns grow as rows are pushed; only the first `length` entries are meaningful.
 *
 * Rows for the same bucket can be merged (`mergeInto`): min of mins, max of maxes, weighted
 * mean, first of the earlier, last of the later. That is what lets tiers be built chunk by
 * chunk, across restarts, and combined with open (unsealed) data at query time.
 */
export class AggregateRows {
  length = 0;
  start: Float64Array;
  n: Float64Array;
  bad: Float64Array;
  first: Float64Array;
  min: Float64Array;
  max: Float64Array;
  last: Float64Array;
  avg: Float64Array;

  constructor(
    /** Bucket width, ms. */
    readonly widthMs: number,
    capacity = 16,
  ) {
    const c = Math.max(1, capacity);
    // The eight columns are views of one buffer: a historian holds two of these per tag, and
    // one allocation instead of eight cuts its memory at 50,000 tags by a third (each buffer
    // costs a few hundred bytes beside its data).
    const cols = columnsOf(new Float64Array(c * COLUMNS), c);
    this.start = cols[0]!;
    this.n = cols[1]!;
    this.bad = cols[2]!;
    this.first = cols[3]!;
    this.min = cols[4]!;
    this.max = cols[5]!;
    this.last = cols[6]!;
    this.avg = cols[7]!;
  }

  /** Appends an empty row for the bucket at `start` and returns its index. */
  pushEmpty(start: number): number {
    if (this.length === this.start.length) this.grow();
    const i = this.length++;
    this.start[i] = start;
    this.n[i] = 0;
    this.bad[i] = 0;
    this.first[i] = NaN;
    this.min[i] = NaN;
    this.max[i] = NaN;
    this.last[i] = NaN;
    this.avg[i] = NaN;
    return i;
  }

  /** Adds one sample to row `i`; samples must come in time order. */
  addSample(i: number, value: number, usable: boolean): void {
    if (!usable) {
      this.bad[i]!++;
      return;
    }
    const n = this.n[i]!;
    if (n === 0) {
      this.first[i] = value;
      this.min[i] = value;
      this.max[i] = value;
      this.avg[i] = value;
    } else {
      if (value < this.min[i]!) this.min[i] = value;
      if (value > this.max[i]!) this.max[i] = value;
      this.avg[i] = this.avg[i]! + (value - this.avg[i]!) / (n + 1);
    }
    this.last[i] = value;
    this.n[i] = n + 1;
  }

  /**
   * Appends row `j` of `src`, or merges it into this series' last row when both are for the
   * same bucket. Rows must come in time order (src row not earlier than the last row here).
   */
  appendOrMerge(src: AggregateRows, j: number, start = src.start[j]!): void {
    const last = this.length - 1;
    const i = last >= 0 && this.start[last] === start ? last : this.pushEmpty(start);
    this.mergeInto(i, src, j);
  }

  /** Merges row `j` of `src` (a later part of the same bucket) into row `i`. */
  mergeInto(i: number, src: AggregateRows, j: number): void {
    this.bad[i] = this.bad[i]! + src.bad[j]!;
    const m = src.n[j]!;
    if (m === 0) return;
    const n = this.n[i]!;
    if (n === 0) {
      this.first[i] = src.first[j]!;
      this.min[i] = src.min[j]!;
      this.max[i] = src.max[j]!;
      this.avg[i] = src.avg[j]!;
    } else {
      if (src.min[j]! < this.min[i]!) this.min[i] = src.min[j]!;
      if (src.max[j]! > this.max[i]!) this.max[i] = src.max[j]!;
      this.avg[i] = (this.avg[i]! * n + src.avg[j]! * m) / (n + m);
    }
    this.last[i] = src.last[j]!;
    this.n[i] = n + m;
  }

  /** Copies rows [from, to) into a new series. */
  slice(from: number, to: number): AggregateRows {
    const out = new AggregateRows(this.widthMs, Math.max(1, to - from));
    for (let j = from; j < to; j++) out.appendOrMerge(this, j);
    return out;
  }

  /** Drops rows [0, k). */
  shift(k: number): void {
    if (k <= 0) return;
    for (const col of this.columns()) col.copyWithin(0, k, this.length);
    this.length = Math.max(0, this.length - k);
  }

  columns(): Float64Array[] {
    return [this.start, this.n, this.bad, this.first, this.min, this.max, this.last, this.avg];
  }

  private grow(): void {
    const c = this.start.length * 2;
    const cols = columnsOf(new Float64Array(c * COLUMNS), c);
    this.columns().forEach((col, k) => cols[k]!.set(col));
    [this.start, this.n, this.bad, this.first, this.min, this.max, this.last, this.avg] = cols as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  }
}

const COLUMNS = 8;

/** The eight column views of one buffer of `COLUMNS × capacity` cells. */
function columnsOf(buf: Float64Array, capacity: number): Float64Array[] {
  return Array.from({ length: COLUMNS }, (_, k) => buf.subarray(k * capacity, (k + 1) * capacity));
}
