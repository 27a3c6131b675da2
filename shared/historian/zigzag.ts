/**
 * Zig-zag mapping of signed integers to unsigned (0, -1, 1, -2 … → 0, 1, 2, 3 …) done with
 * arithmetic rather than bit operations, so that it holds for any |v| < 2^52 (the result stays
 * below 2^53, a safe integer), not just 32-bit values.
 */
export function zigzag(v: number): number {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}

export function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

/** Largest magnitude the integer codecs accept for a value or a difference. */
export const MAX_CODED_INT = 2 ** 51;
