import { describe, expect, it } from 'vitest';
import { checkRobotsFile } from '../../../shared/robots/checkRobots';
import { robotsFileSchema } from '../../../shared/robots/model';
import { STANDARDS_DIR } from '../testing/plantPaths';
import { buildReferencePlant } from './referencePlant';
import { MAX_GAP_M } from './robots';
import { loadStandards } from './standards';

describe('reference plant robots', () => {
  const plant = buildReferencePlant(loadStandards(STANDARDS_DIR));
  const file = robotsFileSchema.parse(plant.robots);
  const kindOf = new Map(plant.equipment.map((e) => [e.id, e.kind] as const));

  it('has at least 3 robots that fit the plant, every standard sourced', () => {
    expect(file.robots.length).toBeGreaterThanOrEqual(3);
    expect(checkRobotsFile(plant, file)).toEqual([]);
    for (const s of file.standards) expect(s.source.length).toBeGreaterThan(10);
  });

  it('keeps every leg axis-aligned (along a road or aisle) and at most MAX_GAP_M long, the dock close to the first checkpoint', () => {
    for (const r of file.robots) {
      const n = r.route.length;
      r.route.forEach((c, i) => {
        const d = r.route[(i + 1) % n]!.position;
        const dx = Math.abs(d[0] - c.position[0]);
        const dy = Math.abs(d[1] - c.position[1]);
        expect(Math.min(dx, dy), `${c.id}`).toBeLessThan(1e-6);
        expect(Math.hypot(dx, dy), `${c.id}`).toBeLessThanOrEqual(MAX_GAP_M + 1e-6);
      });
      expect(Math.hypot(r.dock[0] - r.route[0]!.position[0], r.dock[1] - r.route[0]!.position[1])).toBeLessThan(15);
    }
  });

  it('looks at pumps, reactors, tanks, spheres and compressors with its thermal camera', () => {
    const seen = new Set(file.robots.flatMap((r) => r.route.filter((c) => c.measure.includes('thermal')).map((c) => kindOf.get(c.equipment))));
    for (const k of ['pump', 'reactor', 'tank', 'sphere', 'compressor']) expect(seen, k).toContain(k);
  });
});
