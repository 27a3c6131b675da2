import { describe, expect, it } from 'vitest';
import { atRiskRows, musterView } from './riskView';

describe('people at risk', () => {
  it('lists the innermost band first, then by name, with names and areas from the lookups', () => {
    const rows = atRiskRows(
      { incidentId: 'I', counts: { red: 1, orange: 1, yellow: 1 }, people: [ { person: 'P-3', band: 'yellow' }, { person: 'P-2', band: 'orange' }, { person: 'P-1', band: 'red' } ] },
      (p) => ({ name: `n${p}`, area: 'TF-CL' }),
    );
    expect(rows.map((r) => [r.person, r.band, r.name, r.area])).toEqual([
      ['P-1', 'red', 'nP-1', 'TF-CL'],
      ['P-2', 'orange', 'nP-2', 'TF-CL'],
      ['P-3', 'yellow', 'nP-3', 'TF-CL'],
    ]);
    expect(atRiskRows(undefined, () => ({ name: '', area: '' }))).toEqual([]);
  });
});

describe('muster board', () => {
  const base = { incidentId: 'I', expected: 20, accounted: 17, byPoint: { 'MP-2': 10, 'MP-1': 7 }, missing: [{ person: 'P-9', position: [1, 2, 0] as [number, number, number], area: 'TF-CL', lastFixAt: 1_000_000 }], startedAt: 900_000, t90At: null, t100At: null };
  it('floors the percentage, counts the missing and runs the clock until 100 %', () => {
    const v = musterView(base, 1_030_000)!;
    expect(v).toMatchObject({ pct: 85, missingCount: 3, t90: null, t100: null, running: '2:10' });
    expect(v.points.map((p) => p.id)).toEqual(['MP-1', 'MP-2']);
    expect(v.missing[0]).toMatchObject({ person: 'P-9', ago: '0:30' });
    expect(musterView({ ...base, accounted: 19, expected: 20 }, 0)!.pct).toBe(95);
    expect(musterView({ ...base, accounted: 199, expected: 200 }, 0)!.pct).toBe(99);
  });
  it('gives t90 and t100 from the order', () => {
    const v = musterView({ ...base, accounted: 20, missing: [], t90At: 900_000 + 95_000, t100At: 900_000 + 190_000 }, 2_000_000)!;
    expect(v).toMatchObject({ pct: 100, t90: '1:35', t100: '3:10', running: null });
    expect(musterView(undefined, 0)).toBeNull();
  });
});
