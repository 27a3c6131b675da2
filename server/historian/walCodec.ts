/**
 * The historian's write-ahead rows (docs/historian.md "Crash safety"): samples of many tags as
 * plain little-endian columns — n (u32), tag numbers (u32 × n), times (f64 × n), values
 * (f64 × n), quality (u8 × n). Uncompressed on purpose: a row lives a few minutes at most, and
 * writing it must cost less than the samples' own ingest.
 */
export interface WalSamples {
  count: number;
  tags: Uint32Array;
  times: Float64Array;
  values: Float64Array;
  quality: Uint8Array;
}

export function encodeWal(s: WalSamples): Uint8Array {
  const n = s.count;
  const buf = new ArrayBuffer(4 + n * 21);
  const view = new DataView(buf);
  view.setUint32(0, n, true);
  let o = 4;
  for (let i = 0; i < n; i++, o += 4) view.setUint32(o, s.tags[i]!, true);
  for (let i = 0; i < n; i++, o += 8) view.setFloat64(o, s.times[i]!, true);
  for (let i = 0; i < n; i++, o += 8) view.setFloat64(o, s.values[i]!, true);
  new Uint8Array(buf, o, n).set(s.quality.subarray(0, n));
  return new Uint8Array(buf);
}

/** Decodes a row; throws RangeError on a blob of the wrong length (a torn or foreign row). */
export function decodeWal(blob: Uint8Array): WalSamples {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.byteLength < 4) throw new RangeError('write-ahead row too short');
  const n = view.getUint32(0, true);
  if (blob.byteLength !== 4 + n * 21) throw new RangeError(`write-ahead row of ${blob.byteLength} bytes does not hold ${n} samples`);
  const out: WalSamples = { count: n, tags: new Uint32Array(n), times: new Float64Array(n), values: new Float64Array(n), quality: new Uint8Array(n) };
  let o = 4;
  for (let i = 0; i < n; i++, o += 4) out.tags[i] = view.getUint32(o, true);
  for (let i = 0; i < n; i++, o += 8) out.times[i] = view.getFloat64(o, true);
  for (let i = 0; i < n; i++, o += 8) out.values[i] = view.getFloat64(o, true);
  out.quality.set(blob.subarray(o, o + n));
  return out;
}

/** A growable WalSamples for collecting one write. */
export class WalBuilder implements WalSamples {
  count = 0;
  tags = new Uint32Array(1024);
  times = new Float64Array(1024);
  values = new Float64Array(1024);
  quality = new Uint8Array(1024);

  push(tag: number, t: number, v: number, q: number): void {
    if (this.count === this.tags.length) this.grow();
    const i = this.count++;
    this.tags[i] = tag;
    this.times[i] = t;
    this.values[i] = v;
    this.quality[i] = q;
  }

  private grow(): void {
    const c = this.tags.length * 2;
    const g = <T extends Uint32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(c);
      b.set(a);
      return b;
    };
    this.tags = g(this.tags, (n) => new Uint32Array(n));
    this.times = g(this.times, (n) => new Float64Array(n));
    this.values = g(this.values, (n) => new Float64Array(n));
    this.quality = g(this.quality, (n) => new Uint8Array(n));
  }
}
