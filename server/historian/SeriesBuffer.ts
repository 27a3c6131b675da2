/**
 * One tag's open (not yet sealed) samples as growable columns; it doubles when full and keeps
 * its capacity when reset, so that a steady tag stops allocating after its first chunk.
 * Satisfies the column shape the chunk codec and aggregateSamples read.
 */
export class SeriesBuffer {
  count = 0;
  /** End of the current chunk window (exclusive), ms; meaningful while count > 0. */
  deadline = 0;
  times: Float64Array;
  values: Float64Array;
  quality: Uint8Array;

  constructor(capacity = 64) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.quality = new Uint8Array(capacity);
  }

  push(t: number, v: number, q: number): void {
    if (this.count === this.times.length) this.grow();
    const i = this.count++;
    this.times[i] = t;
    this.values[i] = v;
    this.quality[i] = q;
  }

  /** Bytes held by the columns (capacity, not count). */
  get bytes(): number {
    return this.times.length * 17;
  }

  private grow(): void {
    const c = this.times.length * 2;
    const t = new Float64Array(c);
    t.set(this.times);
    const v = new Float64Array(c);
    v.set(this.values);
    const q = new Uint8Array(c);
    q.set(this.quality);
    this.times = t;
    this.values = v;
    this.quality = q;
  }
}
