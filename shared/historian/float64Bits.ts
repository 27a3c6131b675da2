/**
 * The two 32-bit halves of a float64, through one shared scratch buffer (no allocation per
 * value). Which element is the high word depends on the platform's byte order, found once.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** Loads `v` into the scratch; read the halves with hiWord()/loWord() before the next call. */
export function splitFloat(v: number): void {
  f64[0] = v;
}
export function hiWord(): number {
  return u32[HI]!;
}
export function loWord(): number {
  return u32[LO]!;
}

/** The float64 whose bits are `hi:lo` (unsigned 32-bit halves). */
export function joinFloat(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0]!;
}

/** Trailing zero bits of a 32-bit word (32 for 0). */
export function ctz32(x: number): number {
  if (x === 0) return 32;
  return 31 - Math.clz32(x & -x);
}
