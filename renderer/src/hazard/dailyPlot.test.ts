import { describe, expect, it } from 'vitest';
import { dailyBars, niceMax } from './dailyPlot';
import { assignablePeople, personName } from './hazardPeople';

describe('daily plot geometry', () => {
  it('rounds the axis up to 1, 2, 5 × 10^n', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 45, 51].map(niceMax)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 100]);
  });

  it('one slot per day, bars scaled to the rounded maximum', () => {
    const p = dailyBars(
      [
        { date: '2026-11-01', reported: 4, closed: 1 },
        { date: '2026-11-02', reported: 0, closed: 5 },
      ],
      200,
      100,
    );
    expect(p.yMax).toBe(5);
    expect(p.bars.map((b) => [b.x, b.w, b.reported, b.closed])).toEqual([
      [0, 100, 80, 20],
      [100, 100, 0, 100],
    ]);
  });
});

describe('people for hazards', () => {
  const people = [
    { index: 0, id: 'P-2', name: { zh: '王五', en: 'Wang Wu' }, role: 'operator' as const, team: 't', qualifications: [] },
    { index: 1, id: 'P-1', name: { zh: '李四', en: 'Li Si' }, role: 'maintenance' as const, team: 't', qualifications: [] },
    { index: 2, id: 'V-1', name: { zh: '访客', en: 'A Visitor' }, role: 'visitor' as const, team: 't', qualifications: [] },
  ];
  it('assignable: no visitors, sorted by name, narrowed by name or id', () => {
    expect(assignablePeople(people, '', 'en').map((p) => p.id)).toEqual(['P-1', 'P-2']);
    expect(assignablePeople(people, 'wang', 'en').map((p) => p.id)).toEqual(['P-2']);
    expect(assignablePeople(people, '李', 'zh').map((p) => p.id)).toEqual(['P-1']);
    expect(assignablePeople(people, 'p-2', 'zh').map((p) => p.id)).toEqual(['P-2']);
  });
  it('names a person by id, falling back to the id', () => {
    const map = new Map(people.map((p) => [p.id, p]));
    expect(personName(map, 'P-1', 'zh')).toBe('李四');
    expect(personName(map, 'X', 'en')).toBe('X');
    expect(personName(map, null, 'en')).toBeNull();
  });
});
