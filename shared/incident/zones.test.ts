import { describe, expect, it } from 'vitest';
import { toWindFrame } from '../plume/windFrame';
import { pointInPolygon } from '../routing/polygon';
import { chlorine } from './zonesTestData';
import { bearingDiff, computeIncidentZones, fromWindFrame, stabilityFor, windChanged } from './zones';


const centroid = (poly: readonly [number, number][]): [number, number] => [poly.reduce((s, p) => s + p[0], 0) / poly.length, poly.reduce((s, p) => s + p[1], 0) / poly.length];

describe('computeIncidentZones', () => {
  const base = { incidentId: 'INC-1', position: [500, 500, 1] as [number, number, number], chemical: chlorine, rateKgS: 0.5, heightM: 1, stability: 'D' as const };

  it.each([
    [0, [0, -1]],
    [90, [-1, 0]],
    [180, [0, 1]],
    [270, [1, 0]],
    [225, [Math.SQRT1_2, Math.SQRT1_2]],
  ])('points the bands away from where the wind blows from (%i°)', (fromDeg, dir) => {
    const z = computeIncidentZones({ ...base, wind: { speedMS: 3, fromDeg } });
    expect(z.zones.map((b) => b.band)).toEqual(['red', 'orange', 'yellow']);
    for (const band of z.zones) {
      expect(band.polygon.length).toBeGreaterThan(10);
      expect(band.polygon.length).toBeLessThanOrEqual(400);
      const [cx, cy] = centroid(band.polygon);
      const ux = (cx - 500) / Math.hypot(cx - 500, cy - 500);
      const uy = (cy - 500) / Math.hypot(cx - 500, cy - 500);
      expect(ux * dir[0]! + uy * dir[1]!).toBeGreaterThan(0.99);
      // The far tip lies downwindM away on the axis.
      const far = Math.max(...band.polygon.map((p) => toWindFrame([500, 500], p, fromDeg).downwind));
      expect(far).toBeCloseTo(band.downwindM, 0);
    }
    // A point on the axis halfway along the yellow band is inside it; the mirror point upwind is not.
    const yellow = z.zones[2]!;
    const on = fromWindFrame([500, 500], yellow.downwindM / 2, 0, fromDeg);
    const up = fromWindFrame([500, 500], -yellow.downwindM / 2, 0, fromDeg);
    expect(pointInPolygon(yellow.polygon, on[0], on[1])).toBe(true);
    expect(pointInPolygon(yellow.polygon, up[0], up[1])).toBe(false);
  });

  it('nests the bands (red shortest) and warns that chlorine is a dense gas', () => {
    const z = computeIncidentZones({ ...base, wind: { speedMS: 3, fromDeg: 0 } });
    const [red, orange, yellow] = z.zones;
    expect(red!.downwindM).toBeLessThan(orange!.downwindM);
    expect(orange!.downwindM).toBeLessThan(yellow!.downwindM);
    expect(z.warnings.map((w) => w.code)).toContain('dense_gas');
    expect(z.sigma).toBe('briggs-rural');
  });

  it('grows with a more stable atmosphere', () => {
    const d = computeIncidentZones({ ...base, wind: { speedMS: 3, fromDeg: 0 }, stability: 'D' });
    const f = computeIncidentZones({ ...base, wind: { speedMS: 3, fromDeg: 0 }, stability: 'F' });
    expect(f.zones[2]!.downwindM).toBeGreaterThan(d.zones[2]!.downwindM);
  });
});

describe('stabilityFor', () => {
  it('follows the NOAA table for day, night and the hours round sunrise', () => {
    expect(stabilityFor(1.5, 12)).toBe('A');
    expect(stabilityFor(4, 12)).toBe('B');
    expect(stabilityFor(4, 10)).toBe('C');
    expect(stabilityFor(8, 12)).toBe('C');
    expect(stabilityFor(1.5, 2)).toBe('E');
    expect(stabilityFor(6.5, 2)).toBe('D');
    expect(stabilityFor(1.5, 6.5)).toBe('D');
    expect(stabilityFor(1.5, 12, true)).toBe('D');
  });
});

describe('windChanged', () => {
  const last = { speedMS: 3, fromDeg: 358, stability: 'D' as const };
  it('ignores small moves, across north too', () => {
    expect(bearingDiff(358, 2)).toBe(4);
    expect(windChanged(last, { speedMS: 3.2, fromDeg: 2, stability: 'D' })).toBe(false);
  });
  it('fires on direction, speed and class', () => {
    expect(windChanged(last, { speedMS: 3, fromDeg: 5, stability: 'D' })).toBe(true);
    expect(windChanged(last, { speedMS: 3.4, fromDeg: 358, stability: 'D' })).toBe(true);
    expect(windChanged(last, { speedMS: 3, fromDeg: 358, stability: 'E' })).toBe(true);
  });
});
