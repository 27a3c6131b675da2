import { describe, expect, it } from 'vitest';
import { MusterBoard, type LastFix } from './musterBoard';

describe('MusterBoard', () => {
  const points = [{ id: 'MP-1', position: [0, 0] as const }, { id: 'MP-2', position: [500, 0] as const }];
  const people = Array.from({ length: 10 }, (_, i) => `P-${i}`);

  it('counts arrivals per point, lists the missing and records 90 % and 100 %', () => {
    const fixes = new Map<string, LastFix>(people.map((p, i) => [p, { position: [200 + i, 100, 0], area: 'A1', at: 1000 }]));
    const board = new MusterBoard('INC-1', people, points, 1000);
    expect(board.update((p) => fixes.get(p) ?? null, 2000)).toBe(false);
    const s0 = board.status((p) => fixes.get(p) ?? null);
    expect(s0).toMatchObject({ expected: 10, accounted: 0, t90At: null, t100At: null, byPoint: { 'MP-1': 0, 'MP-2': 0 } });
    expect(s0.missing[0]).toEqual({ person: 'P-0', position: [200, 100, 0], area: 'A1', lastFixAt: 1000 });
    for (let i = 0; i < 9; i++) fixes.set(people[i]!, { position: i % 2 ? [5, 5, 0] : [505, -3, 0], area: null, at: 3000 });
    expect(board.update((p) => fixes.get(p) ?? null, 3000)).toBe(true);
    const s1 = board.status((p) => fixes.get(p) ?? null);
    expect(s1).toMatchObject({ accounted: 9, byPoint: { 'MP-1': 4, 'MP-2': 5 }, t90At: 3000, t100At: null });
    expect(s1.missing.map((m) => m.person)).toEqual(['P-9']);
    // A mustered person who steps away stays accounted.
    fixes.set('P-0', { position: [300, 300, 0], area: null, at: 3500 });
    fixes.set('P-9', { position: [14, 0, 0], area: null, at: 4000 });
    expect(board.update((p) => fixes.get(p) ?? null, 4000)).toBe(true);
    expect(board.status((p) => fixes.get(p) ?? null)).toMatchObject({ accounted: 10, t90At: 3000, t100At: 4000, missing: [] });
  });

  it('is complete at once when nobody was expected', () => {
    expect(new MusterBoard('I', [], points, 7).status(() => null)).toMatchObject({ expected: 0, t90At: 7, t100At: 7 });
  });
});
