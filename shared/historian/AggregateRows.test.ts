import { describe, expect, it } from 'vitest';
import { AggregateRows } from './AggregateRows';

describe('AggregateRows columns', () => {
  it('keeps every column separate and intact when it grows past its capacity', () => {
    const rows = new AggregateRows(60_000, 2);
    for (let k = 0; k < 9; k++) {
      const i = rows.pushEmpty(k * 60_000);
      rows.addSample(i, 10 + k, true);
      rows.addSample(i, 20 + k, true);
      rows.addSample(i, 0, false);
    }
    expect(rows.length).toBe(9);
    expect(rows.start.length).toBeGreaterThanOrEqual(9);
    for (let k = 0; k < 9; k++) {
      expect([rows.start[k], rows.n[k], rows.bad[k], rows.first[k], rows.min[k], rows.max[k], rows.last[k], rows.avg[k]]).toEqual([k * 60_000, 2, 1, 10 + k, 10 + k, 20 + k, 20 + k, 15 + k]);
    }
    // Shifting moves every column the same way.
    rows.shift(4);
    expect([rows.length, rows.start[0], rows.min[0], rows.max[0], rows.bad[4]]).toEqual([5, 240_000, 14, 24, 1]);
  });
});
