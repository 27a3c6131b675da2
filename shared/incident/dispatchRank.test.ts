import { describe, expect, it } from 'vitest';
import { RoadGraph } from '../routing/RoadGraph';
import { rankCandidates, type DispatchUnit, type QualState } from './dispatchRank';
import { approachPoint } from './routeApproach';
import { computeIncidentZones } from './zones';
import { compileZones } from './zonesRisk';
import { chlorine } from './zonesTestData';

// A road along y = 0 from x = -600 to 600 and a parallel one at y = 300, joined at both ends and in the middle.
const graph = new RoadGraph(
  [[-600, 0], [0, 0], [600, 0], [-600, 300], [0, 300], [600, 300]],
  [
    { from: 0, to: 1, speedMS: 10 },
    { from: 1, to: 2, speedMS: 10 },
    { from: 3, to: 4, speedMS: 10 },
    { from: 4, to: 5, speedMS: 10 },
    { from: 0, to: 3, speedMS: 10 },
    { from: 1, to: 4, speedMS: 10 },
    { from: 2, to: 5, speedMS: 10 },
  ],
);

const certs: Record<string, QualState> = { A1: 'valid', A2: 'valid', A3: 'expired', B1: 'valid', B2: 'expired', B3: 'missing' };
const team = (id: string, base: [number, number], members: string[]): DispatchUnit => ({ id, unitKind: 'team', base, speedMS: 8, offroadMS: 1.4, members, requires: ['TR-BA'] });

describe('rankCandidates', () => {
  // Wind from the west: the plume runs east along the road at y = 0 from the source at (0, 10).
  const zones = computeIncidentZones({ incidentId: 'I', position: [0, 10, 1], chemical: chlorine, rateKgS: 0.3, heightM: 1, stability: 'D', wind: { speedMS: 3, fromDeg: 270 } });
  const c = compileZones(zones);
  const target = approachPoint([0, 10], { fromDeg: 270, zones: c });

  it('aims at a point upwind of the source, outside every band', () => {
    expect(target[0]).toBeLessThan(-49);
    expect(Math.abs(target[1] - 10)).toBeLessThan(1e-6);
  });

  it('ranks the fit upwind team first, leaves out expired certificates and explains the unfit', () => {
    graph.blockInside(c.bands.filter((b) => b.band !== 'yellow').map((b) => b.polygon));
    const ranked = rankCandidates({
      graph,
      need: 'hazmat',
      target,
      plume: { source: [0, 10], fromDeg: 270 },
      units: [team('DOWNWIND', [590, 5], ['A1', 'A2', 'A3']), team('UPWIND', [-590, 5], ['A1', 'A2', 'A3']), team('LAPSED', [-300, 5], ['B1', 'B2', 'B3'])],
      qualification: (p) => certs[p] ?? 'missing',
    });
    expect(ranked.map((r) => r.unit)).toEqual(['UPWIND', 'DOWNWIND', 'LAPSED']);
    expect(ranked[0]).toMatchObject({ rank: 1, qualifiedMembers: ['A1', 'A2'], unfit: [], approachFromUpwind: true });
    // The downwind team must go round by y = 300: the road through the red and orange bands is shut.
    expect(ranked[1]!.route.some(([, y]) => y === 300)).toBe(true);
    expect(ranked[1]!.travelS).toBeGreaterThan(ranked[0]!.travelS);
    expect(ranked[2]!.qualifiedMembers).toEqual(['B1']);
    expect(ranked[2]!.unfit[0]!.en).toContain('expired: B2');
    graph.blockInside([]);
  });

  it('marks units that cannot reach the target and stock points with nothing usable', () => {
    const cut = new RoadGraph([[0, 0], [100, 0], [1000, 0], [1100, 0]], [{ from: 0, to: 1, speedMS: 5 }, { from: 2, to: 3, speedMS: 5 }]);
    const ranked = rankCandidates({
      graph: cut,
      need: 'scba',
      target: [50, 0],
      plume: null,
      units: [
        { id: 'FAR', unitKind: 'stock', base: [1050, 0], speedMS: 5, offroadMS: 1.4, members: [], requires: [], available: 4 },
        { id: 'EMPTY', unitKind: 'stock', base: [60, 0], speedMS: 5, offroadMS: 1.4, members: [], requires: [], available: 0 },
        { id: 'NEAR', unitKind: 'stock', base: [90, 0], speedMS: 5, offroadMS: 1.4, members: [], requires: [], available: 2 },
      ],
      qualification: () => 'valid',
    });
    expect(ranked.map((r) => [r.unit, r.unfit.length])).toEqual([['NEAR', 0], ['EMPTY', 1], ['FAR', 1]]);
    expect(ranked[2]!.unfit[0]!.en).toContain('no open road');
  });
});
