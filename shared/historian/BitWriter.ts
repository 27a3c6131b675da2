/**
 * Appends bit fields, most significant bit first, to a growable Uint8Array. The codecs of the
 * historian (delta-of-delta times, XOR floats, quantised integers) are built on it.
 *
 * Contract: `writeBits(v, n)` takes 0 ≤ n ≤ 32 and writes the low `n` bits of `v`;
 * `writeWide(v, n)` writes a non-negative safe integer in up to 53 bits. `finish()` pads the
 * last byte with zeros and returns a copy sized to the bits written.
 */
export class BitWriter {
  private buf: Uint8Array;
  private pos = 0;
  /** Pending bits not yet flushed to `buf` (fewer than 8 between calls). */
  private acc = 0;
  private nacc = 0;

  constructor(initialBytes = 256) {
    this.buf = new Uint8Array(Math.max(16, initialBytes));
  }

  /** Bits written so far. */
  get bitLength(): number {
    return this.pos * 8 + this.nacc;
  }

  writeBit(bit: number): void {
    this.writeBits(bit, 1);
  }

  writeBits(value: number, n: number): void {
    if (n === 0) return;
    if (n > 24) {
      // Keep `acc << n` inside 32 bits: write the top part first, then the low 16 bits.
      this.writeBits(value >>> 16, n - 16);
      this.writeBits(value & 0xffff, 16);
      return;
    }
    if (this.pos + 4 > this.buf.length) this.grow();
    this.acc = (this.acc << n) | (value & ((1 << n) - 1));
    this.nacc += n;
    while (this.nacc >= 8) {
      this.nacc -= 8;
      this.buf[this.pos++] = (this.acc >>> this.nacc) & 0xff;
    }
    this.acc &= (1 << this.nacc) - 1;
  }

  /** A non-negative integer below 2^53 in `n` ≤ 53 bits. */
  writeWide(value: number, n: number): void {
    if (n <= 32) {
      this.writeBits(value >>> 0, n);
      return;
    }
    this.writeBits(Math.floor(value / 0x1_0000_0000), n - 32);
    this.writeBits(value >>> 0, 32);
  }

  /** Unsigned integer below 2^53 as a 6-bit width then that many bits (Elias-style, self-delimiting). */
  writeVarUint(value: number): void {
    const n = bitWidth(value);
    this.writeBits(n, 6);
    this.writeWide(value, n);
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.pos + (this.nacc > 0 ? 1 : 0));
    out.set(this.buf.subarray(0, this.pos));
    if (this.nacc > 0) out[this.pos] = (this.acc << (8 - this.nacc)) & 0xff;
    return out;
  }

  private grow(): void {
    const next = new Uint8Array(this.buf.length * 2);
    next.set(this.buf);
    this.buf = next;
  }
}

/** Bits needed to write a non-negative integer below 2^53 (0 for 0). */
export function bitWidth(v: number): number {
  if (v < 0x1_0000_0000) return 32 - Math.clz32(v);
  return 64 - Math.clz32(Math.floor(v / 0x1_0000_0000));
}
