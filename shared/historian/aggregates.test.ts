import { describe, expect, it } from 'vitest';
import { Quality } from '../plant/band';
import { createRng } from '../util/rng';
import { decodeAggregateChunk, encodeAggregateChunk } from './aggregateChunk';
import { AggregateRows } from './AggregateRows';
import { aggregateSamples, bucketStart, rebucketRows } from './buckets';
import { quantise, quantumExponent } from './quantum';

const cols = (times: number[], values: number[], quality = times.map(() => 0)) => ({ count: times.length, times, values, quality });
const row = (r: AggregateRows, i: number) => ({ start: r.start[i], n: r.n[i], bad: r.bad[i], first: r.first[i], min: r.min[i], max: r.max[i], last: r.last[i], avg: r.avg[i] });

/** Independent reference: the aggregate of a plain list of samples. */
function reference(samples: { t: number; v: number; q: number }[]) {
  const ok = samples.filter((s) => s.q < Quality.Bad && Number.isFinite(s.v)).map((s) => s.v);
  return {
    n: ok.length,
    bad: samples.length - ok.length,
    first: ok[0] ?? NaN,
    min: ok.length ? Math.min(...ok) : NaN,
    max: ok.length ? Math.max(...ok) : NaN,
    last: ok[ok.length - 1] ?? NaN,
    avg: ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN,
  };
}

describe('aggregateSamples', () => {
  it('buckets samples by anchored time and leaves bad and non-finite samples out of min/max/mean', () => {
    const rows = new AggregateRows(10);
    aggregateSamples(cols([0, 3, 9, 10, 15, 31], [5, NaN, 1, 7, 2, 4], [0, 0, 1, 2, 0, 0]), 0, 100, 0, rows);
    expect(rows.length).toBe(3);
    expect(row(rows, 0)).toEqual({ start: 0, n: 2, bad: 1, first: 5, min: 1, max: 5, last: 1, avg: 3 });
    expect(row(rows, 1)).toEqual({ start: 10, n: 1, bad: 1, first: 2, min: 2, max: 2, last: 2, avg: 2 });
    expect(row(rows, 2)).toMatchObject({ start: 30, n: 1, first: 4 });
  });

  it('honours from/to and a non-zero anchor', () => {
    const rows = new AggregateRows(10);
    aggregateSamples(cols([1, 5, 6, 12, 17, 30], [1, 2, 3, 4, 5, 6]), 5, 17, 5, rows);
    expect([...rows.start.subarray(0, rows.length)]).toEqual([5, 15]);
    expect(row(rows, 0)).toMatchObject({ n: 3, first: 2, last: 4 });
    expect(row(rows, 1)).toMatchObject({ n: 1, first: 5 });
    expect(bucketStart(-1, 0, 10)).toBe(-10);
  });

  it('gives the same rows whether fed at once or in pieces that split buckets', () => {
    const rng = createRng(4);
    const times = Array.from({ length: 500 }, (_, i) => i * 700 + Math.floor(rng.next() * 300));
    const values = times.map(() => rng.normal());
    const quality = times.map(() => (rng.next() < 0.05 ? Quality.Bad : Quality.Good));
    const whole = new AggregateRows(60_000);
    aggregateSamples(cols(times, values, quality), -Infinity, Infinity, 0, whole);
    const pieces = new AggregateRows(60_000);
    for (let a = 0; a < times.length; a += 37) {
      const part = new AggregateRows(60_000);
      aggregateSamples(cols(times.slice(a, a + 37), values.slice(a, a + 37), quality.slice(a, a + 37)), -Infinity, Infinity, 0, part);
      for (let j = 0; j < part.length; j++) pieces.appendOrMerge(part, j);
    }
    expect(pieces.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) {
      const w = row(whole, i);
      const p = row(pieces, i);
      expect({ ...p, avg: 0 }).toEqual({ ...w, avg: 0 });
      expect(p.avg).toBeCloseTo(w.avg!, 9);
      const inBucket = times.map((t, k) => ({ t, v: values[k]!, q: quality[k]! })).filter((s) => s.t >= w.start! && s.t < w.start! + 60_000);
      const ref = reference(inBucket);
      expect({ n: w.n, bad: w.bad, first: w.first, min: w.min, max: w.max, last: w.last }).toEqual({ n: ref.n, bad: ref.bad, first: ref.first, min: ref.min, max: ref.max, last: ref.last });
      expect(w.avg).toBeCloseTo(ref.avg, 9);
    }
  });
});

describe('rebucketRows', () => {
  it('merges fine rows into coarse buckets exactly as aggregating the samples directly would', () => {
    const rng = createRng(9);
    const times = Array.from({ length: 3600 }, (_, i) => i * 1000);
    const values = times.map((_, i) => (i === 1234 ? 1e6 : rng.normal()));
    const fine = new AggregateRows(60_000);
    aggregateSamples(cols(times, values), -Infinity, Infinity, 0, fine);
    const coarse = new AggregateRows(600_000);
    rebucketRows(fine, 0, 3_600_000, 0, coarse);
    const direct = new AggregateRows(600_000);
    aggregateSamples(cols(times, values), -Infinity, Infinity, 0, direct);
    expect(coarse.length).toBe(6);
    for (let i = 0; i < 6; i++) {
      expect({ ...row(coarse, i), avg: 0 }).toEqual({ ...row(direct, i), avg: 0 });
      expect(coarse.avg[i]).toBeCloseTo(direct.avg[i]!, 9);
    }
    expect(coarse.max[2]).toBe(1e6);
  });
});

describe('aggregate chunks', () => {
  it('round-trip rows, empty (all-bad) buckets included; values on the quantum exactly, the mean within half a quantum', () => {
    const e = quantumExponent(0, 200)!;
    const rng = createRng(2);
    const times: number[] = [];
    const values: number[] = [];
    const quality: number[] = [];
    for (let i = 0; i < 7200; i++) {
      times.push(1_700_000_000_000 + i * 1000);
      values.push(quantise(100 + rng.normal() * 3, e));
      quality.push(i >= 600 && i < 720 ? Quality.Offline : Quality.Good);
    }
    const rows = new AggregateRows(60_000);
    aggregateSamples(cols(times, values, quality), -Infinity, Infinity, 0, rows);
    const back = decodeAggregateChunk(encodeAggregateChunk(rows, e));
    expect(back.widthMs).toBe(60_000);
    expect(back.length).toBe(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const a = row(rows, i);
      const b = row(back, i);
      expect({ ...b, avg: 0 }).toEqual({ ...a, avg: 0 });
      if (Number.isNaN(a.avg)) expect(b.avg).toBeNaN();
      else expect(Math.abs(b.avg! - a.avg!)).toBeLessThanOrEqual(2 ** e / 2);
    }
    expect(back.n.subarray(0, back.length).some((n) => n === 0)).toBe(true);
  });

  it('round-trips losslessly without a quantum', () => {
    const rows = new AggregateRows(900_000);
    aggregateSamples(cols([0, 1, 900_000], [0.1, -0, 1 / 3]), -Infinity, Infinity, 0, rows);
    const back = decodeAggregateChunk(encodeAggregateChunk(rows, null));
    expect(row(back, 0)).toEqual(row(rows, 0));
    expect(row(back, 1)).toEqual(row(rows, 1));
  });
});
