import { describe, expect, it } from 'vitest';
import { Quality } from '../plant/band';
import { createRng } from '../util/rng';
import { ChunkFormatError } from './BitReader';
import { quantise, quantumExponent } from './quantum';
import { decodeSampleChunk, encodeSampleChunk } from './sampleChunk';
import { quantumOf } from './valueColumn';

interface Input {
  count: number;
  times: number[];
  values: number[];
  quality: number[];
}

const series = (times: number[], values: number[], quality = times.map(() => Quality.Good as number)): Input => ({ count: times.length, times, values, quality });

/** Bitwise equality, so that −0 ≠ +0 and NaN = NaN. */
const sameBits = (a: number, b: number): boolean => Object.is(a, b);

function roundTrip(s: Input, exponent: number | null) {
  const blob = encodeSampleChunk(s, exponent);
  return { blob, out: decodeSampleChunk(blob) };
}

describe('sample chunks: lossless (XOR) values', () => {
  it('round-trips every bit pattern: −0, NaN, ±Infinity, subnormals, extremes', () => {
    const values = [0, -0, 1, -1, NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE, 1e-300, 0.1, 0.1, 0.30000000000000004, 42, 42, 42];
    const times = values.map((_, i) => 1_700_000_000_000 + i * 1000);
    const { out } = roundTrip(series(times, values), null);
    expect(out.count).toBe(values.length);
    values.forEach((v, i) => expect(sameBits(out.values[i]!, v), `value ${i}`).toBe(true));
    expect([...out.times]).toEqual(times);
  });

  it('round-trips random doubles, including windows that shrink and grow', () => {
    const rng = createRng(3);
    const values: number[] = [];
    let v = 100;
    for (let i = 0; i < 2000; i++) {
      const r = rng.next();
      v = r < 0.3 ? v : r < 0.6 ? v + rng.normal() : r < 0.8 ? rng.normal() * 10 ** Math.floor(rng.range(-20, 20)) : Math.floor(rng.range(-5, 5));
      values.push(v);
    }
    const { out } = roundTrip(series(values.map((_, i) => i * 250), values), null);
    values.forEach((x, i) => expect(sameBits(out.values[i]!, x)).toBe(true));
  });
});

describe('sample chunks: quantised values', () => {
  const e = quantumExponent(0, 100)!;
  const q = quantumOf(e);

  it('returns each value rounded to the quantum, within half a quantum, and stable on re-encoding', () => {
    const rng = createRng(11);
    const values = Array.from({ length: 3000 }, (_, i) => 50 + 10 * Math.sin(i / 300) + rng.normal() * 0.5);
    const times = values.map((_, i) => 1_700_000_000_000 + i * 1000);
    const { out } = roundTrip(series(times, values), e);
    for (let i = 0; i < values.length; i++) {
      expect(Math.abs(out.values[i]! - values[i]!)).toBeLessThanOrEqual(q / 2);
      expect(out.values[i]).toBe(quantise(values[i]!, e));
    }
    const again = roundTrip(series(times, [...out.values]), e).out;
    expect([...again.values]).toEqual([...out.values]);
  });

  it('keeps NaN and ±Infinity as escapes, turns −0 into +0', () => {
    const values = [NaN, 3, -0, Infinity, 3.5, -Infinity, NaN, 4];
    const { out } = roundTrip(series(values.map((_, i) => i), values), e);
    expect(Number.isNaN(out.values[0])).toBe(true);
    expect(out.values[1]).toBe(3);
    expect(Object.is(out.values[2], 0)).toBe(true);
    expect(out.values[3]).toBe(Infinity);
    expect(out.values[4]).toBe(3.5);
    expect(out.values[5]).toBe(-Infinity);
    expect(Number.isNaN(out.values[6])).toBe(true);
    expect(out.values[7]).toBe(4);
  });

  it('falls back to lossless XOR when a value is too large for the quantum', () => {
    const values = [1, 2 ** 60, 3.25];
    const { out } = roundTrip(series([0, 1, 2], values), -10);
    expect([...out.values]).toEqual(values);
  });

  it('stores noisy 1 Hz sensor data in under 3 bytes a sample', () => {
    const rng = createRng(5);
    const n = 600;
    const values = Array.from({ length: n }, () => 60 + rng.normal() * 0.3);
    const times = values.map((_, i) => 1_700_000_000_000 + i * 1000);
    const { blob } = roundTrip(series(times, values), e);
    expect(blob.length / n).toBeLessThan(3);
    // The same data losslessly costs far more: why the historian quantises.
    expect(encodeSampleChunk(series(times, values), null).length / n).toBeGreaterThan(6);
  });

  it('costs one bit a sample for a constant value on a regular grid', () => {
    const n = 1000;
    const { blob } = roundTrip(series(Array.from({ length: n }, (_, i) => i * 1000), new Array<number>(n).fill(0)), e);
    // One bit for the time and one for the value.
    expect(blob.length).toBeLessThanOrEqual((2 * n) / 8 + 32);
  });
});

describe('sample chunks: times and quality', () => {
  it('round-trips a single sample', () => {
    const { out } = roundTrip(series([1_700_000_000_123], [7.5], [Quality.Uncertain]), quantumExponent(0, 10));
    expect(out.count).toBe(1);
    expect(out.times[0]).toBe(1_700_000_000_123);
    expect(out.values[0]).toBe(7.5);
    expect(out.quality[0]).toBe(Quality.Uncertain);
  });

  it('round-trips an empty chunk', () => {
    const { out } = roundTrip(series([], []), 0);
    expect(out.count).toBe(0);
  });

  it('round-trips irregular times: jitter, gaps of days, repeats and a step back', () => {
    const t0 = 1_700_000_000_000;
    const times = [t0, t0 + 1000, t0 + 2003, t0 + 2990, t0 + 3990, t0 + 3990, t0 + 86_400_000 * 9, t0 + 86_400_000 * 9 + 100, t0 + 5000, t0 + 5000 + 2 ** 31, 0, 2 ** 49];
    const { out } = roundTrip(series(times, times.map(() => 1)), null);
    expect([...out.times]).toEqual(times);
  });

  it('refuses times that are not integer ms', () => {
    expect(() => encodeSampleChunk(series([0.5], [1]), null)).toThrow(RangeError);
    expect(() => encodeSampleChunk(series([2 ** 52], [1]), null)).toThrow(RangeError);
  });

  it('round-trips quality changes, one run per change', () => {
    const quality = [0, 0, 0, 1, 1, 2, 3, 3, 0, 0, 2, 255];
    const { out } = roundTrip(series(quality.map((_, i) => i * 1000), quality.map((_, i) => i), quality), 0);
    expect([...out.quality]).toEqual(quality);
  });
});

describe('sample chunks: corrupt input', () => {
  const good = encodeSampleChunk(series([0, 1000, 2000], [1, 2, 3]), 0);

  it('throws ChunkFormatError for a truncated blob, a wrong version or a wrong kind', () => {
    for (let len = 0; len < good.length; len++) expect(() => decodeSampleChunk(good.subarray(0, len))).toThrow(ChunkFormatError);
    const badVersion = good.slice();
    badVersion[0] = 9;
    expect(() => decodeSampleChunk(badVersion)).toThrow(/version/);
    const badKind = good.slice();
    badKind[1] = 1;
    expect(() => decodeSampleChunk(badKind)).toThrow(/kind/);
  });

  it('refuses a count the blob cannot hold instead of allocating it', () => {
    const blob = encodeSampleChunk(series([0], [1]), 0);
    const forged = blob.slice();
    // Count field: 6-bit width after the two header bytes; claim 2^40 entries.
    forged[2] = 0b10100100;
    expect(() => decodeSampleChunk(forged)).toThrow(ChunkFormatError);
  });
});
