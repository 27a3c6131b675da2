import { describe, expect, it } from 'vitest';
import { alarm } from '../testing/alarmFixtures';
import { defaultFilter, filterRows, floodGroups, summarize } from './alarmView';

const shelf = { until: 9e12, reason: 'maintenance', by: 'op', at: 1 };

describe('summarize', () => {
  it('sorts by priority, then newest first, and picks the newest top-priority unacked alarm for the banner', () => {
    const s = summarize({
      'A:H': alarm('A:H', 3, { activatedAt: 5000 }),
      'B:HH': alarm('B:HH', 1, { activatedAt: 1000 }),
      'C:HH': alarm('C:HH', 1, { activatedAt: 3000 }),
      'D:H': alarm('D:H', 2, { activatedAt: 9000 }, { acked: true }),
      'E:HH': alarm('E:HH', 1, { activatedAt: 8000 }, { acked: true }),
    });
    expect(s.rows.map((r) => r.alarm.id)).toEqual(['E:HH', 'C:HH', 'B:HH', 'D:H', 'A:H']);
    expect(s.banner?.alarm.id).toBe('C:HH');
    expect(s.attentionPriority).toBe(1);
    expect(s.unacked).toEqual({ 1: 2, 2: 0, 3: 1, 4: 0 });
    expect(s.annunciated).toEqual({ 1: 3, 2: 1, 3: 1, 4: 0 });
    expect(s.totalUnacked).toBe(3);
  });

  it('neither counts, sounds nor bannerises hidden alarms, but keeps them in rows', () => {
    const s = summarize({
      'A:HH': alarm('A:HH', 1, {}, { shelved: shelf }),
      'B:HH': alarm('B:HH', 1, {}, { suppressed: true }),
      'C:HH': alarm('C:HH', 1, {}, { outOfService: { reason: 'calibration', by: 'x', at: 1 } }),
      'D:L': alarm('D:L', 4),
    });
    expect(s.banner?.alarm.id).toBe('D:L');
    expect(s.attentionPriority).toBe(4);
    expect(s.totalAnnunciated).toBe(1);
    expect(s.hidden).toEqual({ shelved: 1, suppressed: 1, out_of_service: 1 });
    expect(s.rows).toHaveLength(4);
  });

  it('has no banner when everything is acknowledged', () => {
    const s = summarize({ 'A:H': alarm('A:H', 2, {}, { acked: true }) });
    expect(s.banner).toBeNull();
    expect(s.attentionPriority).toBeNull();
    expect(s.totalAnnunciated).toBe(1);
  });
});

describe('filterRows', () => {
  const s = summarize({
    'A:HH': alarm('A:HH', 1, { area: 'R1' }),
    'B:H': alarm('B:H', 3, { area: 'T1' }, { acked: true }),
    'C:H': alarm('C:H', 2, { area: 'T1' }, { active: false }),
    'D:H': alarm('D:H', 2, { area: 'T1' }, { shelved: shelf }),
    'E:BAD': alarm('E:BAD', 4, { area: 'R1' }, { active: false, acked: true, latched: true }),
  });
  const ids = (f: Parameters<typeof filterRows>[1]): string[] => filterRows(s.rows, f).map((r) => r.alarm.id);

  it('shows the annunciated alarms by default, hidden ones only when asked for', () => {
    expect(ids(defaultFilter)).toEqual(['A:HH', 'C:H', 'B:H', 'E:BAD']);
    expect(ids({ ...defaultFilter, state: 'shelved' })).toEqual(['D:H']);
    expect(ids({ ...defaultFilter, state: 'all' })).toHaveLength(5);
  });

  it('filters by each ISA-18.2 state, area and priority', () => {
    expect(ids({ ...defaultFilter, state: 'unacked' })).toEqual(['A:HH']);
    expect(ids({ ...defaultFilter, state: 'acked' })).toEqual(['B:H']);
    expect(ids({ ...defaultFilter, state: 'rtn_unacked' })).toEqual(['C:H']);
    expect(ids({ ...defaultFilter, state: 'latched' })).toEqual(['E:BAD']);
    expect(ids({ ...defaultFilter, area: 'T1' })).toEqual(['C:H', 'B:H']);
    expect(ids({ ...defaultFilter, priorities: [1, 4] })).toEqual(['A:HH', 'E:BAD']);
  });
});

describe('floodGroups', () => {
  it('groups annunciated alarms by area, highest priority first, then by size', () => {
    const rec: Record<string, ReturnType<typeof alarm>> = {};
    for (let i = 0; i < 5; i++) rec[`T${i}:BAD`] = alarm(`T${i}:BAD`, 3, { area: 'T1' });
    for (let i = 0; i < 2; i++) rec[`W${i}:BAD`] = alarm(`W${i}:BAD`, 3, { area: 'W1' });
    rec['R0:HH'] = alarm('R0:HH', 1, { area: 'R1' });
    rec['R1:H'] = alarm('R1:H', 3, { area: 'R1' }, { acked: true });
    rec['X:H'] = alarm('X:H', 1, { area: 'X1' }, { suppressed: true });
    const g = floodGroups(summarize(rec).rows);
    expect(g.map((x) => x.area)).toEqual(['R1', 'T1', 'W1']);
    expect(g[0]).toMatchObject({ top: 1, total: 2, unacked: 1, counts: { 1: 1, 2: 0, 3: 1, 4: 0 } });
    expect(g[1]!.total).toBe(5);
    expect(g[1]!.rows).toHaveLength(5);
  });
});
