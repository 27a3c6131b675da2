import { describe, expect, it } from 'vitest';
import { TrendSeries } from './trendSeries';

describe('TrendSeries', () => {
  it('puts history under live points, skipping nulls and overlaps', () => {
    const s = new TrendSeries(600_000);
    s.push(1000, 5);
    s.load({ tag: 'T', index: 0, times: [100, 200, 300, 1000, 1100], values: [1, null, 3, 9, 9], quality: [0, 2, 0, 0, 0] });
    expect(s.times).toEqual([100, 300, 1000]);
    expect(s.values).toEqual([1, 3, 5]);
  });
  it('appends only newer samples and trims to the window', () => {
    const s = new TrendSeries(1000);
    expect(s.push(100, 1)).toBe(true);
    expect(s.push(100, 2)).toBe(false);
    s.push(900, 2);
    s.push(1500, 3);
    s.trim(1600);
    expect(s.times).toEqual([900, 1500]);
    expect(s.extent()).toEqual([2, 3]);
    s.push(1700, NaN);
    expect(s.extent()).toEqual([2, 3]);
    expect(new TrendSeries(1).extent()).toBeNull();
  });
});
