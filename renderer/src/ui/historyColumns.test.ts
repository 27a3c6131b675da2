import { describe, expect, it } from 'vitest';
import type { HistoryBuckets, HistoryRaw } from '../../../shared/historian/historySchema';
import { columnsExtent, historyColumns } from './historyColumns';

const base = { tag: 'T', index: 0, maxPoints: 10, source: '1m' as const, samples: 0 };

function buckets(from: number, to: number, bucketMs: number, rows: [t: number, min: number | null, max: number | null, avg: number | null, n: number][]): HistoryBuckets {
  return {
    ...base,
    kind: 'buckets',
    from,
    to,
    bucketMs,
    t: rows.map((r) => r[0]),
    first: rows.map((r) => r[3]),
    min: rows.map((r) => r[1]),
    max: rows.map((r) => r[2]),
    last: rows.map((r) => r[3]),
    avg: rows.map((r) => r[3]),
    n: rows.map((r) => r[4]),
    bad: rows.map(() => 0),
  };
}

describe('historyColumns', () => {
  it('maps buckets one-to-one onto columns when they match the pixel width', () => {
    // 0..1000 ms over 10 columns of 100 ms; buckets of 100 ms.
    const h = buckets(0, 1000, 100, [
      [0, 1, 3, 2, 5],
      [100, 4, 6, 5, 5],
      [500, -1, 9, 0, 5],
    ]);
    const cols = historyColumns(h, 0, 1000, 10);
    expect(cols).toHaveLength(10);
    expect(cols[0]).toEqual({ lo: 1, hi: 3, line: 2 });
    expect(cols[1]).toEqual({ lo: 4, hi: 6, line: 5 });
    expect(cols[2]).toBeNull();
    expect(cols[5]).toEqual({ lo: -1, hi: 9, line: 0 });
    expect(cols.filter((c) => c !== null)).toHaveLength(3);
  });

  it('merges several buckets into one column: lowest min, highest max, sample-weighted mean', () => {
    // 4 buckets of 50 ms over 2 columns of 100 ms.
    const h = buckets(0, 200, 50, [
      [0, 10, 11, 10.5, 1],
      [50, 9, 100, 20, 3], // a spike: max 100 must survive in column 0
      [100, 5, 6, 5.5, 2],
      [150, 7, 8, 7.5, 2],
    ]);
    const cols = historyColumns(h, 0, 200, 2);
    expect(cols[0]!.lo).toBe(9);
    expect(cols[0]!.hi).toBe(100);
    expect(cols[0]!.line).toBeCloseTo((10.5 * 1 + 20 * 3) / 4);
    expect(cols[1]).toEqual({ lo: 5, hi: 8, line: 6.5 });
    expect(columnsExtent(cols)).toEqual([5, 100]);
  });

  it('spreads a bucket wider than a column over every column it covers, no further', () => {
    // One 300 ms bucket starting at 100, columns of 100 ms: columns 1, 2, 3.
    const h = buckets(0, 1000, 300, [[100, 2, 4, 3, 9]]);
    const cols = historyColumns(h, 0, 1000, 10);
    expect(cols.map((c) => (c ? 1 : 0))).toEqual([0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('clips buckets to the range and skips buckets with no usable value', () => {
    const h = buckets(0, 1000, 200, [
      [-300, 0, 1, 0.5, 2], // ends at -100: outside
      [-100, 3, 4, 3.5, 2], // reaches into column 0
      [900, null, null, null, 0], // only bad samples
    ]);
    const cols = historyColumns(h, 0, 1000, 10);
    expect(cols[0]).toEqual({ lo: 3, hi: 4, line: 3.5 });
    expect(cols.slice(1).every((c) => c === null)).toBe(true);
    expect(columnsExtent(cols)).toEqual([3, 4]);
  });

  it('places raw samples in the column of their time; the last column also takes `to`', () => {
    const h: HistoryRaw = { ...base, kind: 'raw', from: 0, to: 100, t: [0, 10, 15, 50, 100, 60], value: [1, 2, 6, 3, 4, null], quality: [0, 0, 0, 0, 0, 0] };
    const cols = historyColumns(h, 0, 100, 4);
    expect(cols[0]).toEqual({ lo: 1, hi: 6, line: 3 });
    expect(cols[1]).toBeNull();
    expect(cols[2]).toEqual({ lo: 3, hi: 3, line: 3 });
    expect(cols[3]).toEqual({ lo: 4, hi: 4, line: 4 });
  });

  it('gives no columns for an empty width or range', () => {
    const h = buckets(0, 1000, 100, [[0, 1, 2, 1.5, 1]]);
    expect(historyColumns(h, 0, 1000, 0)).toEqual([]);
    expect(historyColumns(h, 500, 500, 3)).toEqual([null, null, null]);
    expect(columnsExtent([null])).toBeNull();
  });
});
