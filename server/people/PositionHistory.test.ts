import { describe, expect, it } from 'vitest';
import { PositionHistory } from './PositionHistory';

describe('PositionHistory', () => {
  it('keeps a point per minMoveM of movement or per keepEveryMs, bounded per person, oldest first', () => {
    const h = new PositionHistory(10, { totalPoints: 400, maxPerPerson: 1000, minMoveM: 2, keepEveryMs: 10_000 });
    expect(h.capacity).toBe(40);
    for (let s = 0; s < 30; s++) h.record(0, s * 1000, 0.1 * s, 0, 0, 0, 1);
    // Standing about: one point per 10 s.
    expect(h.query(0, 0, 1e9, 100).t).toEqual([0, 10_000, 20_000]);
    for (let s = 30; s < 100; s++) h.record(0, s * 1000, 3 * s, 0, 0, 0, 1);
    const all = h.query(0, 0, 1e9, 1000);
    expect(all.t).toHaveLength(40);
    expect(all.t[39]).toBe(99_000);
    expect(all.t).toEqual([...all.t].sort((a, b) => a - b));
    expect(h.oldest(0)).toBe(all.t[0]);
    const thin = h.query(0, 0, 1e9, 7);
    expect(thin.t).toHaveLength(7);
    expect(h.query(0, 95_000, 97_000, 100).t).toEqual([95_000, 96_000]);
    expect(h.query(3, 0, 1e9, 100).t).toEqual([]);
    // A floor or area change is always kept.
    h.record(1, 0, 5, 5, 0, 0, 1);
    h.record(1, 1000, 5, 5, 3.5, 2, 1);
    h.record(1, 2000, 5, 5, 3.5, 2, 2);
    expect(h.query(1, 0, 1e9, 10).floor).toEqual([0, 2, 2]);
  });
});
