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
    [this.times, this.values, this.quality] = columns(capacity);
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
    const [t, v, q] = columns(this.times.length * 2);
    t.set(this.times);
    v.set(this.values);
    q.set(this.quality);
    this.times = t;
    this.values = v;
    this.quality = q;
  }
}

/**
 * Times, values and quality as views of one buffer: a historian holds one of these per tag, and
 * at 50,000 tags three allocations instead of one cost tens of MB beside the data.
 */
function columns(capacity: number): [Float64Array, Float64Array, Uint8Array] {
  const buf = new ArrayBuffer(capacity * 17);
  return [new Float64Array(buf, 0, capacity), new Float64Array(buf, capacity * 8, capacity), new Uint8Array(buf, capacity * 16, capacity)];
}
