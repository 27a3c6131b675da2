import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng';
import { pointInPolygon, SlabPolygon, type Point } from './polygon';

describe('SlabPolygon', () => {
  it('answers exactly as the plain even-odd test on random star polygons', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rng = createRng(seed);
      const n = 20 + Math.floor(rng.range(0, 300));
      const poly: Point[] = Array.from({ length: n }, (_, i) => {
        const a = (i / n) * 2 * Math.PI;
        const r = rng.range(20, 100);
        return [500 + r * Math.cos(a), 300 + r * Math.sin(a)];
      });
      const fast = new SlabPolygon(poly);
      for (let k = 0; k < 3000; k++) {
        const x = rng.range(380, 620);
        const y = rng.range(180, 420);
        expect(fast.contains(x, y), `${seed}: ${x},${y}`).toBe(pointInPolygon(poly, x, y));
      }
    }
  });
});
