import type { BitReader } from './BitReader';
import { ChunkFormatError } from './BitReader';
import type { BitWriter } from './BitWriter';
import { bitWidth } from './BitWriter';
import { ctz32, hiWord, joinFloat, loWord, splitFloat } from './float64Bits';
import { MAX_CODED_INT, unzigzag, zigzag } from './zigzag';

/**
 * A column of float64 values in one of two encodings, chosen per column:
 *
 * - **quantised** (when the caller gives a quantum 2^e and every finite value fits): each value
 *   is stored as the integer k = round(v / 2^e), as the zig-zagged difference from the previous
 *   k in one of three width classes chosen for this column from the histogram of widths
 *   (`0`+b1 bits, `10`+b2 bits, `11`+6-bit width+bits). A power-of-two quantum makes k·2^e
 *   exact, so decoding gives exactly round(v / 2^e)·2^e (|error| ≤ 2^e / 2) and a value that is
 *   already on the grid round-trips bit for bit — except −0, which reads back as +0. NaN and
 *   ±Infinity are escape codes of the wide class.
 * - **xor** (Gorilla, lossless): the first value's 64 bits, then each value XOR the previous:
 *   `0` identical; `10` + the meaningful bits inside the previous window of leading/trailing
 *   zeros; `11` + 5 bits leading zeros + 6 bits length + the meaningful bits. Every bit pattern
 *   round-trips, −0, NaN and ±Infinity included.
 *
 * Measured sensor data carries noise in all 52 mantissa bits, which XOR cannot squeeze (about
 * 7–8 bytes a value); quantising to far below the instrument's resolution first is what brings
 * it to 1–2 bytes (docs/historian.md).
 */

const MODE_XOR = 0;
const MODE_QUANT = 1;
const EXP_BIAS = 1074;
/** Quantum exponents allowed: both 2^e and 2^-e stay finite normal numbers. */
export const MAX_EXPONENT = 1000;
const ESC_NAN = 61;
const ESC_POS_INF = 62;
const ESC_NEG_INF = 63;
/** Largest width of a zig-zagged difference (|k| ≤ 2^51 ⇒ |Δk| ≤ 2^52 ⇒ zz < 2^53). */
const MAX_WIDTH = 53;

/** `2^e` for an integer e in [-MAX_EXPONENT, MAX_EXPONENT]. */
export function quantumOf(exponent: number): number {
  return 2 ** exponent;
}

/**
 * Writes `count` values. `exponent` null (or a column that does not fit the quantum) selects
 * the lossless XOR encoding.
 */
export function writeValues(w: BitWriter, values: ArrayLike<number>, count: number, exponent: number | null): void {
  if (exponent !== null && fitsQuantum(values, count, exponent)) {
    w.writeBits(MODE_QUANT, 1);
    writeQuantised(w, values, count, exponent);
  } else {
    w.writeBits(MODE_XOR, 1);
    writeXor(w, values, count);
  }
}

export function readValues(r: BitReader, count: number, out: Float64Array): void {
  if (r.readBit() === MODE_QUANT) readQuantised(r, count, out);
  else readXor(r, count, out);
}

function fitsQuantum(values: ArrayLike<number>, count: number, exponent: number): boolean {
  if (!Number.isInteger(exponent) || exponent < -MAX_EXPONENT || exponent > MAX_EXPONENT) return false;
  // Half the integer limit, so that a difference of two k (zig-zagged) stays below 2^53.
  const limit = (MAX_CODED_INT / 2) * quantumOf(exponent);
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (Number.isFinite(v) && Math.abs(v) >= limit) return false;
  }
  return true;
}

/** Width histogram of the zig-zagged differences; non-finite values count as escapes. */
function quantisedWidths(values: ArrayLike<number>, count: number, scale: number, hist: Int32Array): void {
  let prev = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const k = Math.round(v * scale);
    hist[bitWidth(zigzag(k - prev))]!++;
    prev = k;
  }
}

/** Picks b1 < b2 minimising the column's size for this histogram. */
function chooseWidths(hist: Int32Array): [number, number] {
  const cum = new Float64Array(MAX_WIDTH + 2);
  const cumBits = new Float64Array(MAX_WIDTH + 2);
  for (let wd = 0; wd <= MAX_WIDTH; wd++) {
    cum[wd + 1] = cum[wd]! + hist[wd]!;
    cumBits[wd + 1] = cumBits[wd]! + hist[wd]! * wd;
  }
  const total = cum[MAX_WIDTH + 1]!;
  const totalBits = cumBits[MAX_WIDTH + 1]!;
  // Only widths that occur matter: b2 beyond the widest wastes bits, b1 below the narrowest too.
  let lo = 0;
  while (lo < MAX_WIDTH && hist[lo] === 0) lo++;
  let hi = MAX_WIDTH;
  while (hi > lo && hist[hi] === 0) hi--;
  let best = Infinity;
  let b1 = 0;
  let b2 = 1;
  for (let x = Math.max(0, lo - 1); x < Math.max(hi, 1); x++) {
    const upToX = cum[x + 1]!;
    for (let y = x + 1; y <= Math.max(hi, 1); y++) {
      const upToY = cum[y + 1]!;
      const cost = upToX * (1 + x) + (upToY - upToX) * (2 + y) + (total - upToY) * 8 + (totalBits - cumBits[y + 1]!);
      if (cost < best) {
        best = cost;
        b1 = x;
        b2 = y;
      }
    }
  }
  return [b1, b2];
}

function writeQuantised(w: BitWriter, values: ArrayLike<number>, count: number, exponent: number): void {
  const scale = 1 / quantumOf(exponent);
  const hist = new Int32Array(MAX_WIDTH + 1);
  quantisedWidths(values, count, scale, hist);
  const [b1, b2] = chooseWidths(hist);
  w.writeBits(exponent + EXP_BIAS, 12);
  w.writeBits(b1, 6);
  w.writeBits(b2, 6);
  let prev = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      w.writeBits(0b11, 2);
      w.writeBits(v > 0 ? ESC_POS_INF : v < 0 ? ESC_NEG_INF : ESC_NAN, 6);
      continue;
    }
    const k = Math.round(v * scale);
    const z = zigzag(k - prev);
    prev = k;
    const wd = bitWidth(z);
    if (wd <= b1) {
      w.writeBits(0, 1);
      w.writeWide(z, b1);
    } else if (wd <= b2) {
      w.writeBits(0b10, 2);
      w.writeWide(z, b2);
    } else {
      w.writeBits(0b11, 2);
      w.writeBits(wd, 6);
      w.writeWide(z, wd);
    }
  }
}

function readQuantised(r: BitReader, count: number, out: Float64Array): void {
  const exponent = r.readBits(12) - EXP_BIAS;
  if (Math.abs(exponent) > MAX_EXPONENT) throw new ChunkFormatError(`quantum exponent ${exponent}`);
  const q = quantumOf(exponent);
  const b1 = r.readBits(6);
  const b2 = r.readBits(6);
  if (b1 > MAX_WIDTH || b2 > MAX_WIDTH) throw new ChunkFormatError('value width out of range');
  let prev = 0;
  for (let i = 0; i < count; i++) {
    let z: number;
    const cls = r.readBit() === 0 ? 0 : r.readBit() === 0 ? 1 : 2;
    if (cls === 0) z = r.readWide(b1);
    else if (cls === 1) z = r.readWide(b2);
    else {
      const wd = r.readBits(6);
      if (wd > MAX_WIDTH) {
        out[i] = wd === ESC_NAN ? NaN : wd === ESC_POS_INF ? Infinity : wd === ESC_NEG_INF ? -Infinity : badWidth(wd);
        continue;
      }
      z = r.readWide(wd);
    }
    prev += unzigzag(z);
    out[i] = prev * q;
  }
}

function badWidth(wd: number): never {
  throw new ChunkFormatError(`value width ${wd}`);
}

function writeXor(w: BitWriter, values: ArrayLike<number>, count: number): void {
  let prevHi = 0;
  let prevLo = 0;
  let lead = -1;
  let trail = 0;
  for (let i = 0; i < count; i++) {
    splitFloat(values[i]!);
    const hi = hiWord();
    const lo = loWord();
    if (i === 0) {
      w.writeBits(hi, 32);
      w.writeBits(lo, 32);
    } else {
      const xh = (hi ^ prevHi) >>> 0;
      const xl = (lo ^ prevLo) >>> 0;
      if (xh === 0 && xl === 0) w.writeBits(0, 1);
      else {
        // Leading zeros capped at 31 so that they fit 5 bits, as in Gorilla.
        const l = Math.min(31, xh !== 0 ? Math.clz32(xh) : 32 + Math.clz32(xl));
        const t = xl !== 0 ? ctz32(xl) : 32 + ctz32(xh);
        if (lead >= 0 && l >= lead && t >= trail) {
          w.writeBits(0b10, 2);
          writeWindow(w, xh, xl, trail, 64 - lead - trail);
        } else {
          const sig = 64 - l - t;
          w.writeBits(0b11, 2);
          w.writeBits(l, 5);
          w.writeBits(sig - 1, 6);
          writeWindow(w, xh, xl, t, sig);
          lead = l;
          trail = t;
        }
      }
    }
    prevHi = hi;
    prevLo = lo;
  }
}

/** Writes bits [shift, shift + n) of the 64-bit word hi:lo. */
function writeWindow(w: BitWriter, hi: number, lo: number, shift: number, n: number): void {
  let sh: number;
  let sl: number;
  if (shift === 0) {
    sh = hi;
    sl = lo;
  } else if (shift < 32) {
    sh = hi >>> shift;
    sl = ((lo >>> shift) | (hi << (32 - shift))) >>> 0;
  } else {
    sh = 0;
    sl = hi >>> (shift - 32);
  }
  if (n > 32) {
    w.writeBits(sh, n - 32);
    w.writeBits(sl, 32);
  } else w.writeBits(sl, n);
}

function readXor(r: BitReader, count: number, out: Float64Array): void {
  let hi = 0;
  let lo = 0;
  let lead = -1;
  let trail = 0;
  for (let i = 0; i < count; i++) {
    if (i === 0) {
      hi = r.readBits(32);
      lo = r.readBits(32);
    } else if (r.readBit() === 1) {
      let n: number;
      if (r.readBit() === 0) {
        if (lead < 0) throw new ChunkFormatError('xor window used before it was set');
        n = 64 - lead - trail;
      } else {
        lead = r.readBits(5);
        n = r.readBits(6) + 1;
        trail = 64 - lead - n;
        if (trail < 0) throw new ChunkFormatError('xor window out of range');
      }
      let xh: number;
      let xl: number;
      if (n > 32) {
        xh = r.readBits(n - 32);
        xl = r.readBits(32);
      } else {
        xh = 0;
        xl = r.readBits(n);
      }
      // Shift the meaningful bits back up by `trail`.
      if (trail >= 32) {
        xh = (xl << (trail - 32)) >>> 0;
        xl = 0;
      } else if (trail > 0) {
        xh = ((xh << trail) | (xl >>> (32 - trail))) >>> 0;
        xl = (xl << trail) >>> 0;
      }
      hi = (hi ^ xh) >>> 0;
      lo = (lo ^ xl) >>> 0;
    }
    out[i] = joinFloat(hi, lo);
  }
}
