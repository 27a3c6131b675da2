import { describe, expect, it } from 'vitest';
import { initialState } from '../../../shared/state/reducer';
import { readFrame } from './replayApi';

const resolver = { personIndex: (id: string) => ({ p1: 0, p2: 5 })[id] ?? -1, areas: () => ['a', 'b'], registryVersion: () => 3 };

describe('replay frame', () => {
  it('reads columnar values (null = none held) and person rows as a keyframe with occupancy', () => {
    const f = readFrame(
      {
        at: 5000,
        seq: 9,
        time: 4000,
        state: { ...initialState(), seq: 9 },
        values: { tags: 3, value: [1.5, null, 3], quality: [0, 3, 1], t: [4900, null, 4800] },
        positions: [
          { person: 'p1', t: 4990, x: 1, y: 2, z: 0, floor: 0, area: 'b' },
          { person: 'ghost', t: 4990, x: 0, y: 0, z: 0, floor: 0, area: 'a' },
          { person: 'p2', t: 4000, x: 3, y: 4, z: 0, floor: 1, area: null },
        ],
      },
      resolver,
    );
    expect(f.seq).toBe(9);
    expect(Array.from(f.values!)).toEqual([1.5, NaN, 3]);
    expect(Array.from(f.times!)).toEqual([4900, 0, 4800]);
    expect(Array.from(f.quality!)).toEqual([0, 3, 1]);
    const p = f.positions!;
    expect(p.count).toBe(2);
    expect(Array.from(p.person)).toEqual([0, 5]);
    expect(Array.from(p.area)).toEqual([1, 2]);
    expect(Array.from(p.occupancy)).toEqual([0, 1, 1]);
    expect(p.flags & 1).toBe(1);
    expect(f.state.drill).toEqual({ active: null, recent: [] });
  });

  it('reads recorded robots as a robots message at the instant asked for, dropping unreadable ones', () => {
    const rb = { id: 'RB-1', state: 'charging', position: [1, 2, 0], heading: 0.5, batteryPct: 42, nextCheckpoint: 3, readings: {}, time: 4990 };
    const f = readFrame({ at: 5000, seq: 1, time: 4000, state: initialState(), robots: [rb, { id: 'RB-2', state: 'flying' }] });
    expect(f.robots).toEqual({ time: 5000, robots: [rb] });
    expect(readFrame({ at: 5000, seq: 1, time: 4000, state: initialState() }).robots).toBeNull();
  });

  it('refuses a body without state', () => {
    expect(() => readFrame({ seq: 1 })).toThrow();
  });
});
