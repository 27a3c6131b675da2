import { describe, expect, it } from 'vitest';
import { computeIncidentZones, fromWindFrame } from './zones';
import { chlorine } from './zonesTestData';
import { compileZones, peopleAtRisk, riskKey } from './zonesRisk';
import { chooseMusterPoint, musterSide } from './musterChoice';

const zones = computeIncidentZones({ incidentId: 'INC-1', position: [0, 0, 1], chemical: chlorine, rateKgS: 0.5, heightM: 1, stability: 'D', wind: { speedMS: 3, fromDeg: 270 } });
const c = compileZones(zones);
const [red, orange, yellow] = zones.zones;

describe('peopleAtRisk', () => {
  it('puts each person in the innermost band holding them, and nobody upwind or far off-axis', () => {
    const spots: [string, number, number][] = [
      ['in-red', red!.downwindM / 2, 0],
      ['in-orange', (red!.downwindM + orange!.downwindM) / 2, 0],
      ['in-yellow', (orange!.downwindM + yellow!.downwindM) / 2, 0],
      ['upwind', -50, 0],
      ['aside', yellow!.downwindM / 2, yellow!.halfWidthM * 3],
    ];
    const pos = spots.map(([, d, cw]) => fromWindFrame([0, 0], d, cw, 270));
    const absent = ['gone', red!.downwindM / 2, 0] as const;
    const r = peopleAtRisk('INC-1', c, {
      count: spots.length + 1,
      x: [...pos.map((p) => p[0]), absent[1]],
      y: [...pos.map((p) => p[1]), absent[2]],
      onSite: (p) => p < spots.length,
      id: (p) => (p < spots.length ? spots[p]![0] : absent[0]),
    });
    expect(r.people).toEqual([
      { person: 'in-red', band: 'red' },
      { person: 'in-orange', band: 'orange' },
      { person: 'in-yellow', band: 'yellow' },
    ]);
    expect(r.counts).toEqual({ red: 1, orange: 1, yellow: 1 });
    expect(riskKey(r)).toBe('in-red:red,in-orange:orange,in-yellow:yellow');
  });
});

describe('muster point choice', () => {
  // Wind from the west: the plume runs east along +x.
  const plume = { source: [0, 0] as const, fromDeg: 270, zones: c };
  const points = [
    { id: 'EAST', position: [yellow!.downwindM / 3, 0] as const },
    { id: 'WEST', position: [-400, 0] as const },
    { id: 'NORTH', position: [60, 400] as const },
    { id: 'NE-NEAR-AXIS', position: [300, 40] as const },
  ];

  it('classifies upwind, crosswind and downwind points', () => {
    expect(musterSide(plume, points[0]!.position)).toBe('downwind');
    expect(musterSide(plume, points[1]!.position)).toBe('upwind');
    expect(musterSide(plume, points[2]!.position)).toBe('crosswind');
    expect(musterSide(plume, points[3]!.position)).toBe('downwind');
  });

  it('sends a person in the plume to the nearest upwind or crosswind point, never downwind', () => {
    const near = chooseMusterPoint([yellow!.downwindM / 3 - 5, 0], points, plume)!;
    expect(near.id).not.toBe('EAST');
    expect(near.id).not.toBe('NE-NEAR-AXIS');
    expect(['upwind', 'crosswind']).toContain(near.side);
    expect(chooseMusterPoint([-300, 10], points, plume)).toMatchObject({ id: 'WEST', side: 'upwind', fallback: false });
    expect(chooseMusterPoint([80, 350], points, plume)).toMatchObject({ id: 'NORTH', side: 'crosswind' });
  });

  it('falls back to the nearest point outside the bands when no point is upwind or crosswind', () => {
    const onlyDownwind = [points[0]!, points[3]!];
    expect(chooseMusterPoint([0, 0], onlyDownwind, plume)).toMatchObject({ id: 'NE-NEAR-AXIS', fallback: true });
  });

  it('picks the nearest point when there is no plume', () => {
    expect(chooseMusterPoint([250, 0], points, null)).toMatchObject({ id: 'NE-NEAR-AXIS' });
  });
});
