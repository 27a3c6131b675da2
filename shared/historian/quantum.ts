import { MAX_EXPONENT, quantumOf } from './valueColumn';

/**
 * Default resolution the historian keeps: 2^-20 of a tag's range (about one millionth). A
 * 4–20 mA transmitter resolves a few ten-thousandths of its span at best and a 24-bit ADC
 * 2^-24 of it before noise, so this keeps far more than any field instrument delivers while
 * letting the noise floor, not the float's 52 mantissa bits, set the chunk size.
 */
export const DEFAULT_SPAN_BITS = 20;

/**
 * Exponent e of the quantum 2^e for a tag whose range is lo…hi: the largest power of two not
 * above span / 2^spanBits. Null (store losslessly) when the range is not a finite positive span.
 */
export function quantumExponent(lo: number, hi: number, spanBits = DEFAULT_SPAN_BITS): number | null {
  const span = hi - lo;
  if (!Number.isFinite(span) || span <= 0) return null;
  return Math.min(MAX_EXPONENT, Math.max(-MAX_EXPONENT, Math.floor(Math.log2(span)) - spanBits));
}

/**
 * Rounds `v` to the quantum 2^e (exactly what a quantised chunk will return). Non-finite values
 * and a null exponent pass unchanged; −0 becomes +0.
 */
export function quantise(v: number, exponent: number | null): number {
  if (exponent === null || !Number.isFinite(v)) return v;
  const q = quantumOf(exponent);
  return Math.round(v / q) * q + 0;
}
