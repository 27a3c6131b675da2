import { describe, expect, it } from 'vitest';
import type { DispatchCandidate, DispatchRecord } from '../../../shared/incident/resources';
import { dispatchOnMap, dispatchPositionAt } from './dispatchPosition';
import { candidateGroups, dispatchRows, formatDistance, needsOf } from './dispatchView';

const rec = (over: Partial<DispatchRecord> = {}): DispatchRecord => ({
  id: 'DSP-1',
  incidentId: 'INC-1',
  unit: 'TEAM-HAZMAT',
  unitKind: 'team',
  need: 'hazmat',
  members: ['P-1', 'P-2'],
  materials: [{ point: 'SP-FIRE', kind: 'scba', quantity: 2 }],
  target: [100, 0, 0],
  route: [
    [0, 0],
    [100, 0],
    [100, 50],
  ],
  routeTimesS: [0, 10, 30],
  departedAt: 1_000_000,
  etaAt: 1_030_000,
  arrivedAt: null,
  state: 'en_route',
  reason: { zh: '', en: '' },
  by: 'cmdr',
  ...over,
});

describe('dispatch position', () => {
  const out = { x: NaN, y: NaN };
  it('interpolates along the route by the cumulative route times from departure', () => {
    expect(dispatchPositionAt(rec(), 1_000_000 + 5000, out)).toBeCloseTo(5 / 30);
    expect(out).toEqual({ x: 50, y: 0 });
    dispatchPositionAt(rec(), 1_000_000 + 20_000, out);
    expect(out).toEqual({ x: 100, y: 25 });
    dispatchPositionAt(rec(), 1_000_000 + 10_000, out);
    expect(out).toEqual({ x: 100, y: 0 });
  });
  it('waits at the start before departure and stays at the end after the last time or once arrived', () => {
    expect(dispatchPositionAt(rec(), 999_000, out)).toBe(0);
    expect(out).toEqual({ x: 0, y: 0 });
    expect(dispatchPositionAt(rec(), 2_000_000, out)).toBe(1);
    expect(out).toEqual({ x: 100, y: 50 });
    expect(dispatchPositionAt(rec({ state: 'arrived' }), 1_000_001, out)).toBe(1);
    expect(out).toEqual({ x: 100, y: 50 });
  });
  it('handles a zero-length leg without dividing by zero', () => {
    dispatchPositionAt(rec({ routeTimesS: [0, 10, 10, 30], route: [[0, 0], [100, 0], [100, 0], [100, 50]] }), 1_000_000 + 10_000, out);
    expect(out).toEqual({ x: 100, y: 0 });
  });
  it('draws units en route and on scene only', () => {
    expect(dispatchOnMap(rec())).toBe(true);
    expect(dispatchOnMap(rec({ state: 'arrived' }))).toBe(true);
    expect(dispatchOnMap(rec({ state: 'cancelled' }))).toBe(false);
  });
});

const cand = (unit: string, need: string, rank: number, travelS: number, unfit: string[] = [], upwind = true): DispatchCandidate => ({
  unit,
  unitKind: 'team',
  need,
  rank,
  travelS,
  distanceM: travelS * 5,
  qualifiedMembers: unfit.length ? ['P-1'] : ['P-1', 'P-2', 'P-3'],
  unfit: unfit.map((u) => ({ zh: `不适合：${u}`, en: `unfit: ${u}` })),
  approachFromUpwind: upwind,
  route: [],
});

describe('dispatch recommendation', () => {
  it('keeps the server’s rank order per need and recommends the first fit unit', () => {
    const groups = candidateGroups(
      ['hazmat', 'scba'],
      [cand('TEAM-CL', 'hazmat', 2, 200), cand('TEAM-HAZMAT', 'hazmat', 1, 95, ['P-0128 TR-BA expired']), cand('SP-FIRE', 'scba', 1, 60)],
      (u) => `name of ${u}`,
      'en',
    );
    expect(groups.map((g) => g.need)).toEqual(['hazmat', 'scba']);
    const hz = groups[0]!.rows;
    expect(hz.map((r) => r.unit)).toEqual(['TEAM-HAZMAT', 'TEAM-CL']);
    expect(hz[0]).toMatchObject({ fit: false, recommended: false, unfit: ['unfit: P-0128 TR-BA expired'], qualified: 1, travel: '1:35' });
    expect(hz[1]).toMatchObject({ fit: true, recommended: true, name: 'name of TEAM-CL', distance: '1.0 km', upwind: true });
    expect(groups[1]!.rows[0]!.recommended).toBe(true);
  });
  it('lists team needs before materials and nothing for an unknown type', () => {
    expect(needsOf({ toxic_release: { teams: ['hazmat'], materials: ['scba'] } }, 'toxic_release')).toEqual(['hazmat', 'scba']);
    expect(needsOf(undefined, 'fire')).toEqual([]);
  });
  it('formats distances in metres and kilometres', () => {
    expect(formatDistance(640.4)).toBe('640 m');
    expect(formatDistance(1234)).toBe('1.2 km');
  });
  it('counts the ETA down while en route, newest dispatch first', () => {
    const rows = dispatchRows({ a: rec({ id: 'a' }), b: rec({ id: 'b', departedAt: 1_010_000, etaAt: 1_040_000, state: 'arrived', arrivedAt: 1_040_000 }), c: rec({ id: 'c', incidentId: 'other' }) }, 'INC-1', 1_012_000);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
    expect(rows[1]).toMatchObject({ eta: '0:18', members: 2, materials: [{ kind: 'scba', quantity: 2 }] });
    expect(rows[0]!.eta).toBeNull();
  });
});
