import { describe, expect, it } from 'vitest';
import { iscPgSigma, ISC3_SIGMA_Z_CAP_M } from './iscSigma';
import { stabilityClasses } from './stability';

describe('ISC3 Pasquill–Gifford sigmas', () => {
  it('match the Pasquill–Gifford chart values Turner reads at 3 km, class D (σy ≈ 190 m, σz ≈ 65 m)', () => {
    // Turner, Workbook of Atmospheric Dispersion Estimates (AP-26, 1970), figures 3-2 and 3-3.
    const { sy, sz } = iscPgSigma('D', 3000);
    expect(sy).toBeGreaterThan(180);
    expect(sy).toBeLessThan(195);
    expect(sz).toBeGreaterThan(62);
    expect(sz).toBeLessThan(68);
  });

  it('evaluate the ISC3 formulas: σy = 465.11628·x·tan(0.017453293·(c − d·ln x)), σz = a·x^b (x km)', () => {
    // Class F at 500 m: c = 4.1667, d = 0.36191; a = 14.457, b = 0.78407.
    const x = 0.5;
    const sy = 465.11628 * x * Math.tan(0.017453293 * (4.1667 - 0.36191 * Math.log(x)));
    const sz = 14.457 * Math.pow(x, 0.78407);
    const got = iscPgSigma('F', 500);
    expect(got.sy).toBeCloseTo(sy, 9);
    expect(got.sz).toBeCloseTo(sz, 9);
  });

  it('grow with distance and shrink from A to F (more stable, narrower plume)', () => {
    for (const cls of stabilityClasses) {
      let prev = iscPgSigma(cls, 50);
      for (const x of [100, 300, 1000, 3000, 10_000]) {
        const s = iscPgSigma(cls, x);
        expect(s.sy).toBeGreaterThan(prev.sy);
        expect(s.sz).toBeGreaterThanOrEqual(prev.sz);
        prev = s;
      }
    }
    for (const x of [200, 1000, 5000]) {
      for (let i = 1; i < stabilityClasses.length; i++) {
        expect(iscPgSigma(stabilityClasses[i]!, x).sy).toBeLessThan(iscPgSigma(stabilityClasses[i - 1]!, x).sy);
        expect(iscPgSigma(stabilityClasses[i]!, x).sz).toBeLessThan(iscPgSigma(stabilityClasses[i - 1]!, x).sz);
      }
    }
  });

  it('cap σz at 5,000 m and give zeros at or behind the source', () => {
    expect(iscPgSigma('A', 20_000).sz).toBe(ISC3_SIGMA_Z_CAP_M);
    expect(iscPgSigma('D', 0)).toEqual({ sy: 0, sz: 0 });
    expect(iscPgSigma('D', -10)).toEqual({ sy: 0, sz: 0 });
  });

  it('stay nearly continuous across the table breaks (within 3 %)', () => {
    for (const cls of stabilityClasses) {
      for (const km of [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 1, 2, 3, 4, 7, 10, 15, 20, 30, 40, 60]) {
        const below = iscPgSigma(cls, km * 1000).sz;
        const above = iscPgSigma(cls, km * 1000 * 1.0001).sz;
        if (below >= ISC3_SIGMA_Z_CAP_M) continue;
        expect(Math.abs(above - below) / below).toBeLessThan(0.03);
      }
    }
  });
});
