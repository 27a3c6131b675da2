import { describe, expect, it } from 'vitest';
import type { Roads } from '../plant/schema';
import { RoadRouter } from './roadRouter';

// A square ring 0–100 with a spur to a gate at (50, -10); the east side is missing.
const roads: Roads = {
  nodes: [
    { id: 'A', position: [0, 0] },
    { id: 'B', position: [100, 0] },
    { id: 'C', position: [100, 100] },
    { id: 'D', position: [0, 100] },
    { id: 'G', position: [50, -10] },
    { id: 'M', position: [50, 0] },
  ],
  edges: [
    { id: 'AM', from: 'A', to: 'M', widthM: 5 },
    { id: 'MB', from: 'M', to: 'B', widthM: 5 },
    { id: 'CD', from: 'C', to: 'D', widthM: 5 },
    { id: 'DA', from: 'D', to: 'A', widthM: 5 },
    { id: 'MG', from: 'M', to: 'G', widthM: 5 },
  ],
  gates: [{ id: 'GATE', name: { zh: '门', en: 'gate' }, node: 'G' }],
};

const length = (path: number[]): number => {
  let d = 0;
  for (let i = 2; i < path.length; i += 2) d += Math.hypot(path[i]! - path[i - 2]!, path[i + 1]! - path[i - 1]!);
  return d;
};

describe('RoadRouter', () => {
  const r = new RoadRouter(roads);

  it('finds the nearest road point', () => {
    expect(r.nearest(30, 8)).toMatchObject({ x: 30, y: 0, dist: 8 });
    expect(r.nearest(-5, 60)).toMatchObject({ x: 0, y: 60, dist: 5 });
  });

  it('routes off the road, along the shortest road path (round the missing side), and back off', () => {
    const path = r.route(90, 10, 90, 90);
    expect(path.slice(0, 4)).toEqual([90, 10, 90, 0]);
    expect(path.slice(-4)).toEqual([90, 100, 90, 90]);
    // 10 off, 90 west to A, 100 north to D, 90 east, 10 off.
    expect(length(path)).toBeCloseTo(10 + 90 + 100 + 90 + 10, 6);
  });

  it('walks straight along one edge and to the gate spur', () => {
    expect(r.route(10, 5, 40, 5)).toEqual([10, 5, 10, 0, 40, 0, 40, 5]);
    expect(length(r.route(20, 0, 50, -10))).toBeCloseTo(30 + 10, 6);
  });
});
