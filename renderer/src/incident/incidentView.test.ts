import { describe, expect, it } from 'vitest';
import { initialEmergencyState } from '../../../shared/state/reducer';
import { activeIncidents, checklistCounts, checklistRows, firstReportView, formatRate, levelLook, sourceView, worstLevel } from './incidentView';
import { testIncident, testPlan } from './incidentFixtures';
import { clockTime, countdown, formatDuration, minutesFrom } from './incidentTime';

const T0 = 1_000_000;

describe('incident times', () => {
  it('formats elapsed time as m:ss under an hour and h:mm:ss above', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59_999)).toBe('0:59');
    expect(formatDuration(61_000)).toBe('1:01');
    expect(formatDuration(3_600_000 + 5 * 60_000 + 7_000)).toBe('1:05:07');
    expect(formatDuration(-5000)).toBe('0:00');
  });
  it('counts down to a due time and then counts how late, with a plus sign', () => {
    expect(countdown(T0 + 90_000, T0)).toEqual({ remainingMs: 90_000, late: false, text: '1:30' });
    expect(countdown(T0, T0).late).toBe(false);
    const late = countdown(T0, T0 + 12_000);
    expect(late.late).toBe(true);
    expect(late.text).toBe('+0:12');
  });
  it('writes minutes from an origin and 24-hour clock times', () => {
    expect(minutesFrom(T0, T0 + 12 * 60_000 + 20_000)).toBe('T+12');
    expect(clockTime(Date.UTC(2026, 10, 28, 13, 5, 9), 'en')).toMatch(/^\d\d:05:09$/);
  });
});

describe('incident board', () => {
  it('lists open before contained, the most severe level first, then the newest, and leaves closed ones out', () => {
    const em = initialEmergencyState();
    em.incidents = {
      a: testIncident({ id: 'a', level: 'III', openedAt: T0 }),
      b: testIncident({ id: 'b', level: 'I', openedAt: T0 - 1000 }),
      c: testIncident({ id: 'c', level: 'I', state: 'contained' }),
      d: testIncident({ id: 'd', level: 'III', openedAt: T0 + 5000 }),
      e: testIncident({ id: 'e', level: 'I', state: 'closed' }),
    };
    expect(activeIncidents(em).map((i) => i.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(worstLevel(activeIncidents(em))).toBe('I');
    expect(worstLevel([])).toBeNull();
    expect(activeIncidents(undefined)).toEqual([]);
  });
  it('colours levels red, orange, yellow, blue with readable text', () => {
    expect(levelLook('I').colour).toBe('red');
    expect(levelLook('II').colour).toBe('orange');
    expect(levelLook('III')).toMatchObject({ colour: 'yellow', fg: '#1f2327' });
    expect(levelLook('IV').colour).toBe('blue');
  });
  it('describes the source with an estimated rate to two significant figures', () => {
    const v = sourceView(testIncident(), (id) => (id === 'chlorine' ? '氯气' : id));
    expect(v).toEqual({ chemical: '氯气', rate: '0.13', estimated: true, heightM: 1.4, equipment: 'TK-301' });
    expect(formatRate(1.54)).toBe('1.5');
    expect(formatRate(0.0042)).toBe('0.0042');
    expect(formatRate(12.4)).toBe('12');
    expect(sourceView(testIncident({ source: { ...testIncident().source, rateKgS: null, chemical: null } }), (x) => x)).toMatchObject({ rate: null, chemical: null });
  });
});

describe('plan checklist', () => {
  it('runs each step against its due time: done at once, pending with a countdown, overdue once past', () => {
    const inc = testIncident({ openedAt: T0 });
    const at3 = checklistRows(inc, testPlan, T0 + 3 * 60_000, 'en');
    expect(at3.map((r) => [r.id, r.state, r.timing])).toEqual([
      ['activate', 'done', 'on_time'],
      ['isolate', 'pending', 'pending'],
      ['evacuate', 'pending', 'pending'],
    ]);
    expect(at3[1]!.countdown!.text).toBe('2:00');
    expect(at3[1]!.owner).toBe('operations');
    expect(at3[0]!.auto).toBe(true);
    const at6 = checklistRows(inc, testPlan, T0 + 6 * 60_000, 'zh');
    expect(at6[1]!.timing).toBe('overdue');
    expect(at6[1]!.countdown!.text).toBe('+1:00');
    expect(at6[1]!.text).toBe('关闭切断阀');
    expect(checklistCounts(at6)).toEqual({ done: 1, skipped: 0, pending: 2, overdue: 1, late: 0 });
  });
  it('shows a step done after its due time as late, with who did it', () => {
    const inc = testIncident({ openedAt: T0 });
    inc.plan!.steps[1] = { ...inc.plan!.steps[1]!, state: 'done', by: 'cmdr', at: T0 + 7 * 60_000, late: true };
    const rows = checklistRows(inc, testPlan, T0 + 8 * 60_000, 'en');
    expect(rows[1]).toMatchObject({ timing: 'late', by: 'cmdr', countdown: null });
    expect(checklistCounts(rows).late).toBe(1);
  });
  it('falls back to step ids until the plan is loaded', () => {
    const rows = checklistRows(testIncident(), null, T0, 'en');
    expect(rows.map((r) => r.text)).toEqual(['activate', 'isolate', 'evacuate']);
    expect(rows[1]!.targetMin).toBe(5);
  });
  it('counts the first report down for an hour, then flags it late; a report made stops the clock', () => {
    const inc = testIncident({ openedAt: T0 });
    expect(firstReportView(inc, T0 + 10 * 60_000).countdown!.text).toBe('50:00');
    const late = firstReportView(inc, T0 + 61 * 60_000);
    expect(late.late).toBe(true);
    expect(late.countdown!.text).toBe('+1:00');
    const made = firstReportView({ ...inc, agencies: [{ agency: 'emergency_management', at: T0 + 30 * 60_000, by: 'c', channel: 'phone' }] }, T0 + 61 * 60_000);
    expect(made).toMatchObject({ late: false, countdown: null, at: T0 + 30 * 60_000 });
  });
});
