import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/util/rng';
import { downsampleTrack } from './downsampleTrack';

describe('downsampleTrack', () => {
  it('keeps every fix when they fit, and otherwise the ends and the exact bounds within maxPoints', () => {
    const r = createRng(3);
    const rng = (): number => r.next();
    const n = 5000;
    const x = Array.from({ length: n }, () => rng() * 100);
    const y = Array.from({ length: n }, () => rng() * 50 - 25);
    expect(downsampleTrack(x, y, 10, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const max of [6, 7, 50, 333, 4999]) {
      const k = downsampleTrack(x, y, n, max);
      expect(k.length).toBeLessThanOrEqual(max);
      expect(k[0]).toBe(0);
      expect(k.at(-1)).toBe(n - 1);
      expect(k).toEqual([...new Set(k)].sort((a, b) => a - b));
      const px = k.map((i) => x[i]!);
      const py = k.map((i) => y[i]!);
      expect(Math.min(...px)).toBe(Math.min(...x));
      expect(Math.max(...px)).toBe(Math.max(...x));
      expect(Math.min(...py)).toBe(Math.min(...y));
      expect(Math.max(...py)).toBe(Math.max(...y));
    }
    expect(downsampleTrack(x, y, n, 3)).toEqual([0, 2500, 4999]);
    expect(downsampleTrack(x, y, n, 1)).toEqual([4999]);
  });
});
