/** Why a chunk could not be decoded: truncated, corrupt or of an unknown version. */
export class ChunkFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChunkFormatError';
  }
}

/**
 * Reads the bit fields a BitWriter wrote, in the same order. Reading past the end throws
 * ChunkFormatError rather than returning zeros, so a truncated blob never decodes as data.
 */
export class BitReader {
  private pos: number;
  private acc = 0;
  private nacc = 0;

  constructor(
    private readonly buf: Uint8Array,
    byteOffset = 0,
  ) {
    this.pos = byteOffset;
  }

  readBit(): number {
    return this.readBits(1);
  }

  /** `n` ≤ 32 bits as an unsigned number. */
  readBits(n: number): number {
    if (n === 0) return 0;
    if (n > 24) {
      const hi = this.readBits(n - 16);
      return hi * 0x10000 + this.readBits(16);
    }
    while (this.nacc < n) {
      if (this.pos >= this.buf.length) throw new ChunkFormatError('chunk truncated');
      this.acc = ((this.acc << 8) | this.buf[this.pos++]!) >>> 0;
      this.nacc += 8;
    }
    this.nacc -= n;
    const v = (this.acc >>> this.nacc) & ((1 << n) - 1);
    this.acc &= (1 << this.nacc) - 1;
    return v;
  }

  /** A non-negative integer written with BitWriter.writeWide(v, n). */
  readWide(n: number): number {
    if (n <= 32) return this.readBits(n);
    const hi = this.readBits(n - 32);
    return hi * 0x1_0000_0000 + this.readBits(32);
  }

  readVarUint(): number {
    const n = this.readBits(6);
    if (n > 53) throw new ChunkFormatError(`integer of ${n} bits`);
    return this.readWide(n);
  }
}
