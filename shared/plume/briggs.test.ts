import { describe, expect, it } from 'vitest';
import { briggsSigma } from './briggs';
import { stabilityClasses } from './stability';

describe('briggsSigma', () => {
  it('matches hand-computed rural values at 1 km', () => {
    const d = briggsSigma('D', 1000);
    expect(d.sy).toBeCloseTo(80 / Math.sqrt(1.1), 6);
    expect(d.sz).toBeCloseTo(60 / Math.sqrt(2.5), 6);
    const a = briggsSigma('A', 1000);
    expect(a.sy).toBeCloseTo(220 / Math.sqrt(1.1), 6);
    expect(a.sz).toBeCloseTo(200, 6);
    const f = briggsSigma('F', 1000);
    expect(f.sy).toBeCloseTo(40 / Math.sqrt(1.1), 6);
    expect(f.sz).toBeCloseTo(16 / 1.3, 6);
    const e = briggsSigma('E', 500);
    expect(e.sz).toBeCloseTo(15 / 1.15, 6);
    const c = briggsSigma('C', 500);
    expect(c.sz).toBeCloseTo(40 / Math.sqrt(1.1), 6);
  });

  it('matches hand-computed urban values', () => {
    expect(briggsSigma('B', 1000, 'urban').sz).toBeCloseTo(240 * Math.sqrt(2), 6);
    expect(briggsSigma('D', 1000, 'urban').sy).toBeCloseTo(160 / Math.sqrt(1.4), 6);
    expect(briggsSigma('F', 1000, 'urban').sz).toBeCloseTo(80 / Math.sqrt(2.5), 6);
  });

  it('narrows from unstable to stable and grows with distance', () => {
    for (const x of [100, 1000, 5000]) {
      for (let i = 1; i < stabilityClasses.length; i++) {
        const more = briggsSigma(stabilityClasses[i - 1]!, x);
        const less = briggsSigma(stabilityClasses[i]!, x);
        expect(less.sy).toBeLessThan(more.sy);
        expect(less.sz).toBeLessThan(more.sz);
      }
    }
    for (const cls of stabilityClasses) expect(briggsSigma(cls, 2000).sz).toBeGreaterThan(briggsSigma(cls, 200).sz);
  });

  it('is zero at and behind the source', () => {
    expect(briggsSigma('D', 0)).toEqual({ sy: 0, sz: 0 });
    expect(briggsSigma('D', -10)).toEqual({ sy: 0, sz: 0 });
  });
});
