import { describe, expect, it } from 'vitest';
import { OFF_SITE_SLOT, type DecodedPositions } from '../../../shared/people/positionsFrame';
import { occupancyStore, PeopleStore } from './peopleStore';

function frame(keyframe: boolean, rows: { p: number; x: number; area: number; dt?: number }[], occupancy: number[]): DecodedPositions {
  const n = rows.length;
  return {
    flags: keyframe ? 1 : 0,
    seq: 1,
    baseTime: 10_000,
    registryVersion: 3,
    count: n,
    x: Float64Array.from(rows.map((r) => r.x)),
    y: new Float64Array(n).fill(5),
    z: new Float64Array(n),
    person: Uint32Array.from(rows.map((r) => r.p)),
    dt: Int32Array.from(rows.map((r) => r.dt ?? -100)),
    occupancy: Uint32Array.from(occupancy),
    area: Uint16Array.from(rows.map((r) => r.area)),
    floor: new Uint8Array(n),
    battery: new Uint8Array(n).fill(80),
    state: new Uint8Array(n),
  };
}

describe('PeopleStore', () => {
  it('holds the table as §3.9 says: a keyframe replaces it, a delta sets rows, off site removes', () => {
    const s = new PeopleStore();
    const seen: number[][] = [];
    s.subscribe((c, n) => seen.push(Array.from(c.subarray(0, n))));
    s.apply(frame(true, [{ p: 0, x: 1, area: 0 }, { p: 70, x: 2, area: 1 }], [1, 1, 0]));
    expect(s.onSite).toBe(2);
    expect(s.capacity).toBeGreaterThan(70);
    expect(s.x[70]).toBe(2);
    expect(s.fixTime[0]).toBe(9_900);
    s.apply(frame(false, [{ p: 0, x: 9, area: 1 }, { p: 70, x: 0, area: OFF_SITE_SLOT }], [0, 1, 0]));
    expect(s.onSite).toBe(1);
    expect(s.present[70]).toBe(0);
    expect(s.x[0]).toBe(9);
    s.apply(frame(true, [{ p: 5, x: 3, area: 0, dt: -0x80000000 }], [1, 0, 0]));
    expect(s.onSite).toBe(1);
    expect(s.present[0]).toBe(0);
    expect(Number.isNaN(s.fixTime[5])).toBe(true);
    expect(seen).toEqual([[0, 70], [0, 70], [0, 5]]);
    expect(s.version).toBe(3);
  });

  it('occupancy changes its state only when a count changes', () => {
    const o = occupancyStore.getState();
    o.set(Uint32Array.from([2, 0, 1]), 1);
    const first = occupancyStore.getState();
    expect(first.areas).toEqual([2, 0]);
    expect(first.onSite).toBe(3);
    o.set(Uint32Array.from([2, 0, 1]), 2);
    expect(occupancyStore.getState()).toBe(first);
    o.set(Uint32Array.from([1, 1, 1]), 3);
    expect(occupancyStore.getState().areas).toEqual([1, 1]);
  });
});
