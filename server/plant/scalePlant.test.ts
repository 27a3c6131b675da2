import { beforeAll, describe, expect, it } from 'vitest';
import { plantSchema, type Plant } from '../../shared/plant/schema';
import { crossCheckPlant } from '../../shared/plant/crossCheck';
import { loadPlant } from './loadPlant';
import { scalePlant } from './scalePlant';
import { MINI_PLANT_DIR, REFERENCE_PLANT_DIR } from './testing/plantPaths';

let reference: Plant;
let mini: Plant;
beforeAll(async () => {
  [reference, mini] = await Promise.all([loadPlant(REFERENCE_PLANT_DIR), loadPlant(MINI_PLANT_DIR)]).then((r) => r.map((l) => l.plant));
});

describe('scalePlant', () => {
  it('grows the reference plant to exactly 50,000 valid, uniquely named tags, fast', () => {
    const t0 = performance.now();
    const big = scalePlant(reference, 50_000);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(500);
    expect(big.tags).toHaveLength(50_000);
    expect(new Set(big.tags.map((t) => t.id)).size).toBe(50_000);
    expect(plantSchema.safeParse(big).success).toBe(true);
    expect(crossCheckPlant(big)).toEqual([]);
  });

  it('keeps the original tags first and in order, and the rest of the plant untouched', () => {
    const big = scalePlant(reference, 5000);
    expect(big.tags.slice(0, reference.tags.length)).toEqual(reference.tags);
    expect(big.equipment).toBe(reference.equipment);
    expect(big.areas).toBe(reference.areas);
    expect(reference.tags.some((t) => t.id.includes('.S1'))).toBe(false);
  });

  it('adds copies of equipment tags beside the originals, detectors in new groups of three', () => {
    const big = scalePlant(reference, reference.tags.length * 3);
    const byId = new Map(reference.tags.map((t) => [t.id, t]));
    const extra = big.tags.slice(reference.tags.length);
    for (const t of extra) {
      const m = /^(.*)\.S(\d+)$/.exec(t.id);
      expect(m, t.id).not.toBeNull();
      const src = byId.get(m![1]!)!;
      expect(src.equipment).toBeDefined();
      expect(t.equipment).toBe(src.equipment);
      expect(t.kind).toBe(src.kind);
      expect(t.limits).toEqual(src.limits);
      const d = Math.hypot(t.position[0] - src.position[0], t.position[1] - src.position[1]);
      expect(d).toBeGreaterThan(0.4);
      expect(d).toBeLessThan(1.3);
    }
    const groups = new Map<string, number>();
    for (const t of extra) if (t.group !== undefined) groups.set(t.group, (groups.get(t.group) ?? 0) + 1);
    expect(groups.size).toBeGreaterThan(0);
    for (const [g, n] of groups) expect(n, g).toBe(3);
  });

  it('is deterministic, returns the same plant at its own size and refuses to shrink', () => {
    expect(scalePlant(mini, 300)).toEqual(scalePlant(mini, 300));
    expect(scalePlant(mini, mini.tags.length)).toBe(mini);
    expect(() => scalePlant(mini, mini.tags.length - 1)).toThrow(RangeError);
    expect(() => scalePlant(mini, 30.5)).toThrow(RangeError);
  });
});
