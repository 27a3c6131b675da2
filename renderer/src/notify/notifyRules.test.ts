import { describe, expect, it } from 'vitest';
import type { AlarmRecord, Priority } from '../../../shared/alarm/model';
import { initialState, type CommandState } from '../../../shared/state/reducer';
import { completeState } from '../data/completeState';
import { defaultNotifyPrefs, newNotices, NOTICE_BURST, type NotifyPrefs } from './notifyRules';

function alarm(id: string, priority: Priority, at: number, over: Partial<AlarmRecord['lifecycle']> = {}): AlarmRecord {
  return {
    id,
    kind: 'HH',
    source: id.split(':')[0]!,
    area: 'A',
    equipment: null,
    priority,
    position: [0, 0, 0],
    message: { zh: '压力高高', en: 'Pressure high-high' },
    lifecycle: { active: true, acked: false, latched: false, shelved: null, suppressed: false, outOfService: null, ...over },
    value: 1,
    limit: 1,
    unit: null,
    activatedAt: at,
    lastChange: at,
  };
}

const base = (): CommandState => completeState(initialState());
const withAlarms = (s: CommandState, ...alarms: AlarmRecord[]): CommandState => ({ ...s, seq: s.seq + 1, alarms: { ...s.alarms, ...Object.fromEntries(alarms.map((a) => [a.id, a])) } });
const lead: NotifyPrefs = defaultNotifyPrefs('shift_lead');

describe('newNotices', () => {
  it('nothing for the first state (what was there when the console connected)', () => {
    expect(newNotices(null, withAlarms(base(), alarm('X:HH', 1, 1)), lead, { wall: false })).toEqual([]);
  });

  it('a new alarm at or above the threshold, once; a lower priority or a hidden one never', () => {
    const s0 = base();
    const s1 = withAlarms(s0, alarm('X:HH', 2, 10), alarm('Y:H', 3, 10), alarm('Z:HH', 1, 10, { shelved: { until: 9e12, reason: 'r', by: 'u', at: 1 } }));
    const n = newNotices(s0, s1, lead, { wall: false });
    expect(n.map((x) => x.key)).toEqual(['alarm:X:HH:10']);
    expect(n[0]!.title.en).toBe('Priority 2 alarm · X');
    expect(n[0]!.urgency).toBe('normal');
    // Acknowledged in the next update: no new notice; re-activated later: a new one.
    const s2 = withAlarms(s1, alarm('X:HH', 2, 10, { acked: true }));
    expect(newNotices(s1, s2, lead, { wall: false })).toEqual([]);
    const s3 = withAlarms(s2, alarm('X:HH', 2, 99));
    expect(newNotices(s2, s3, lead, { wall: false }).map((x) => x.key)).toEqual(['alarm:X:HH:99']);
  });

  it('follows the role: a commander only hears priority 1 (critical), a viewer nothing', () => {
    const s0 = base();
    const s1 = withAlarms(s0, alarm('X:HH', 2, 10), alarm('P:HH', 1, 10));
    expect(newNotices(s0, s1, defaultNotifyPrefs('commander'), { wall: false }).map((x) => [x.key, x.urgency])).toEqual([['alarm:P:HH:10', 'critical']]);
    expect(newNotices(s0, s1, defaultNotifyPrefs('viewer'), { wall: false })).toEqual([]);
    expect(newNotices(s0, s1, { ...lead, enabled: false }, { wall: false })).toEqual([]);
  });

  it('never from a wall unless its preferences allow it', () => {
    const s0 = base();
    const s1 = withAlarms(s0, alarm('P:HH', 1, 10));
    expect(newNotices(s0, s1, lead, { wall: true })).toEqual([]);
    expect(newNotices(s0, s1, { ...lead, onWall: true }, { wall: true })).toHaveLength(1);
  });

  it('an evacuation notice first, marked as a drill when the incident is one', () => {
    const s0 = base();
    const inc = { id: 'INC-1', drill: true } as unknown as CommandState['emergency']['incidents'][string];
    const s1: CommandState = {
      ...withAlarms(s0, alarm('X:HH', 2, 10)),
      emergency: { ...s0.emergency, incidents: { 'INC-1': inc }, notices: { 'INC-1': { time: 50, recipients: 120, musterPoints: ['MP-1', 'MP-2'] } } },
    };
    const n = newNotices(s0, s1, lead, { wall: false });
    expect(n.map((x) => x.key)).toEqual(['evac:INC-1:50', 'alarm:X:HH:10']);
    expect(n[0]!.title.en).toBe('[DRILL] Evacuation notice · INC-1');
    expect(n[0]!.body.en).toBe('120 people notified; muster at MP-1, MP-2');
    expect(newNotices(s1, { ...s1, seq: 9 }, lead, { wall: false })).toEqual([]);
    expect(newNotices(s0, s1, { ...lead, evacuation: false }, { wall: false }).map((x) => x.key)).toEqual(['alarm:X:HH:10']);
  });

  it('a flood is summed up after a few notices', () => {
    const s0 = base();
    const many = Array.from({ length: 30 }, (_, i) => alarm(`T${i}:HH`, 2, 10));
    const n = newNotices(s0, withAlarms(s0, ...many), lead, { wall: false });
    expect(n).toHaveLength(NOTICE_BURST);
    expect(n[NOTICE_BURST - 1]!.title.en).toBe(`${30 - NOTICE_BURST + 1} more alarms`);
  });
});
