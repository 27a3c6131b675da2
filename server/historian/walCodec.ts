/**
 * The historian's write-ahead rows (docs/historian.md "Crash safety"): samples of many tags as
 * plain columns in the platform's byte order (little-endian on every machine Vigil runs on) —
 * n (u32) and 4 bytes of padding, times (f64 × n), values (f64 × n), tag numbers (u32 × n),
 * quality (u8 × n) — so that encoding and decoding are bulk copies. Uncompressed on purpose: a
 * row lives minutes at most, and writing it must cost much less than the samples' own ingest.
 */
export interface WalSamples {
  count: number;
  tags: Uint32Array;
  times: Float64Array;
  values: Float64Array;
  quality: Uint8Array;
}

const HEADER = 8;

export function encodeWal(s: WalSamples): Uint8Array {
  const n = s.count;
  const buf = new ArrayBuffer(HEADER + n * 21);
  new Uint32Array(buf, 0, 1)[0] = n;
  new Float64Array(buf, HEADER, n).set(s.times.subarray(0, n));
  new Float64Array(buf, HEADER + 8 * n, n).set(s.values.subarray(0, n));
  new Uint32Array(buf, HEADER + 16 * n, n).set(s.tags.subarray(0, n));
  new Uint8Array(buf, HEADER + 20 * n, n).set(s.quality.subarray(0, n));
  return new Uint8Array(buf);
}

/** Decodes a row; throws RangeError on a blob of the wrong length (a torn or foreign row). */
export function decodeWal(blob: Uint8Array): WalSamples {
  if (blob.byteLength < HEADER) throw new RangeError('write-ahead row too short');
  // Copy into an aligned buffer (a SQLite blob may sit at any offset).
  const buf = new ArrayBuffer(blob.byteLength);
  new Uint8Array(buf).set(blob);
  const n = new Uint32Array(buf, 0, 1)[0]!;
  if (blob.byteLength !== HEADER + n * 21) throw new RangeError(`write-ahead row of ${blob.byteLength} bytes does not hold ${n} samples`);
  return {
    count: n,
    times: new Float64Array(buf, HEADER, n),
    values: new Float64Array(buf, HEADER + 8 * n, n),
    tags: new Uint32Array(buf, HEADER + 16 * n, n),
    quality: new Uint8Array(buf, HEADER + 20 * n, n),
  };
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
