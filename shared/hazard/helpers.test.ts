import { describe, expect, it } from 'vitest';
import { formatHazardId, HazardIdCounter, parseHazardId, plantDateKey } from './hazardId';
import { areaAt, locateHazard, type LocateContext } from './locate';
import type { HazardRecord } from './model';
import { periodStart, taskId } from './schedule';
import { hazardStats } from './stats';

const CST = 8 * 3_600_000;

describe('hazard ids', () => {
  it('use the plant-local date and a per-day counter that continues from the ids seen', () => {
    // 2026-06-01 20:00 UTC is already 2 June in Shanghai.
    expect(plantDateKey(Date.UTC(2026, 5, 1, 20), CST)).toBe('20260602');
    expect(plantDateKey(Date.UTC(2026, 5, 1, 15, 59), CST)).toBe('20260601');
    const c = new HazardIdCounter();
    for (const id of ['HZ-20260601-0007', 'HZ-20260601-0003', 'HZ-20260531-0042', 'not-an-id']) c.see(id);
    expect(c.next('20260601')).toBe('HZ-20260601-0008');
    expect(c.next('20260601')).toBe('HZ-20260601-0009');
    expect(c.next('20260602')).toBe('HZ-20260602-0001');
    expect(parseHazardId(formatHazardId('20260601', 12345))).toEqual({ dateKey: '20260601', n: 12345 });
  });
});

describe('locating a hazard', () => {
  const ctx: LocateContext = {
    areas: [
      { id: 'A', min: [0, 0], max: [100, 50] },
      { id: 'B', min: [200, 0], max: [300, 100] },
    ],
    equipment: new Map([['P-1', { area: 'B', position: [250, 20, 1] as [number, number, number] }]]),
  };
  it('takes the position given, else the equipment, else the area centroid; the area from the position when not given', () => {
    expect(locateHazard(ctx, { position: [10, 10, 0] })).toEqual({ ok: true, area: 'A', equipment: null, position: [10, 10, 0] });
    expect(locateHazard(ctx, { equipment: 'P-1' })).toEqual({ ok: true, area: 'B', equipment: 'P-1', position: [250, 20, 1] });
    expect(locateHazard(ctx, { area: 'B' })).toEqual({ ok: true, area: 'B', equipment: null, position: [250, 50, 0] });
    expect(locateHazard(ctx, { position: [150, 10, 0] })).toMatchObject({ ok: true, area: null });
    expect(areaAt(ctx, 300, 100)).toBe('B');
  });
  it('refuses unknown ids and nothing to go by', () => {
    expect(locateHazard(ctx, {}).ok).toBe(false);
    expect(locateHazard(ctx, { equipment: 'nope' }).ok).toBe(false);
    expect(locateHazard(ctx, { area: 'nope' }).ok).toBe(false);
  });
});

describe('inspection periods', () => {
  it('fall on local shift handovers (08:00, 20:00), days from 08:00 and weeks from Monday 08:00', () => {
    const now = Date.UTC(2026, 5, 3, 5, 30); // Wed 3 June 13:30 in Shanghai
    const local = (every: number, t = now): string => new Date(periodStart({ everyHours: every }, t, CST) + CST).toISOString();
    expect(local(12)).toBe('2026-06-03T08:00:00.000Z');
    expect(local(12, Date.UTC(2026, 5, 3, 12, 30))).toBe('2026-06-03T20:00:00.000Z');
    expect(local(8)).toBe('2026-06-03T08:00:00.000Z');
    expect(local(24)).toBe('2026-06-03T08:00:00.000Z');
    expect(local(24, Date.UTC(2026, 5, 2, 23))).toBe('2026-06-02T08:00:00.000Z'); // 07:00 on the 3rd still belongs to the 2nd's day
    expect(local(168)).toBe('2026-06-01T08:00:00.000Z');
    expect(local(1)).toBe('2026-06-03T13:00:00.000Z');
    const s = periodStart({ everyHours: 8 }, now, CST);
    expect(periodStart({ everyHours: 8 }, s, CST)).toBe(s);
    expect(periodStart({ everyHours: 8 }, s - 1, CST)).toBe(s - 8 * 3_600_000);
    expect(taskId('IP-1', s)).toBe(`IP-1@${s}`);
  });
});

describe('hazard statistics', () => {
  const day = (d: number, h = 4): number => Date.UTC(2026, 5, d, h);
  const rec = (o: Partial<HazardRecord>): HazardRecord =>
    ({ id: 'x', source: 'manual', category: 'other', grade: null, state: 'reported', area: 'A', overdue: false, drill: false, reportedAt: day(2), closedAt: null, ...o }) as HazardRecord;
  it('counts orders reported in the window, leaves drills and dismissed ones out of the closure rate, and plots per local day', () => {
    const rs = [
      rec({ state: 'closed', closedAt: day(3), grade: 'general', source: 'robot' }),
      rec({ state: 'rectifying', overdue: true, grade: 'major', area: 'B' }),
      rec({ state: 'dismissed', closedAt: day(2, 6) }),
      rec({ state: 'closed', closedAt: day(3), drill: true }),
      rec({ reportedAt: day(9) }),
      // Reported before the window, closed inside it: counts in the daily closures only.
      rec({ reportedAt: day(1, 1) - 86_400_000, state: 'closed', closedAt: day(4) }),
    ];
    const s = hazardStats(rs, Date.UTC(2026, 5, 1, 16), Date.UTC(2026, 5, 4, 16), () => CST);
    expect(s).toMatchObject({ total: 3, open: 1, closed: 1, overdue: 1, closureRate: 0.5 });
    expect(s.bySource).toEqual({ robot: 1, manual: 2 });
    expect(s.byGrade).toEqual({ general: 1, major: 1, ungraded: 1 });
    expect(s.byArea).toEqual({ A: 2, B: 1 });
    expect(s.byState).toEqual({ closed: 1, rectifying: 1, dismissed: 1 });
    expect(s.daily).toEqual([
      { date: '2026-06-02', reported: 3, closed: 0 },
      { date: '2026-06-03', reported: 0, closed: 1 },
      { date: '2026-06-04', reported: 0, closed: 1 },
    ]);
    expect(hazardStats([], 0, 1, () => 0).closureRate).toBeNull();
  });
});
