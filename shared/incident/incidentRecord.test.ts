import { describe, expect, it } from 'vitest';
import { ManualClock } from '../util/clock';
import { formatIncidentId, IncidentIdCounter, parseIncidentId } from './incidentId';
import { firstReport, newIncident, nextIncident, type IncidentChange } from './incidentRecord';
import { incidentRecordSchema, type IncidentRecord } from './model';
import { emergencyPlanSchema } from './plan';
import { dueMilestones, lateSteps, milestoneTimes, stepTiming } from './planChecklist';

const T0 = Date.UTC(2026, 5, 1, 1, 0, 0);
const plan = emergencyPlanSchema.parse({
  version: 1,
  id: 'toxic-release',
  name: { zh: '有毒', en: 'Toxic' },
  types: ['toxic_release'],
  steps: [
    { id: 'activate', text: { zh: '启动', en: 'Activate' }, owner: 'commander', targetMin: 0, auto: 'plan_activated' },
    { id: 'isolate', text: { zh: '切断', en: 'Isolate' }, owner: 'operations', targetMin: 5 },
    { id: 'evacuate', text: { zh: '疏散', en: 'Evacuate' }, owner: 'commander', targetMin: 8, auto: 'evacuation_ordered' },
    { id: 'dispatch', text: { zh: '派遣', en: 'Dispatch' }, owner: 'logistics', targetMin: 10, auto: 'first_dispatch' },
    { id: 'notify', text: { zh: '报告', en: 'Notify' }, owner: 'planning', targetMin: 15, auto: 'agency_notified' },
    { id: 'muster', text: { zh: '清点', en: 'Muster' }, owner: 'safety', targetMin: 25, auto: 'muster_100' },
  ],
  source: 'test',
});

function opened(): IncidentRecord {
  return newIncident({
    id: 'INC-20260601-01',
    type: 'toxic_release',
    level: 'III',
    levelReasons: [{ zh: '氯', en: 'chlorine' }],
    title: { zh: '氯气泄漏', en: 'Chlorine release' },
    openedAt: T0,
    openedBy: 'system',
    trigger: { kind: 'alarm', ref: 'GRP-V-1-A:CONFIRMED' },
    area: 'A2',
    source: { position: [160, 28.8, 0.4], chemical: 'chlorine', rateKgS: 0.5, rateEstimated: true, heightM: 0.4, equipment: 'V-1' },
    plan,
    drill: false,
  });
}

const must = (r: IncidentRecord, c: IncidentChange, at: number, by = 'cmdr'): IncidentRecord => {
  const n = nextIncident(r, c, at, by);
  if (!n.ok) throw new Error(n.message);
  expect(incidentRecordSchema.safeParse(n.record).success).toBe(true);
  return n.record;
};

describe('newIncident', () => {
  it('activates the plan: due times from open, plan_activated done by system, first report due in 1 h, every ICS role empty', () => {
    const r = opened();
    expect(incidentRecordSchema.parse(r)).toEqual(r);
    expect(r.plan!.steps.map((s) => [s.step, s.state, s.dueAt - T0])).toEqual([
      ['activate', 'done', 0],
      ['isolate', 'pending', 300_000],
      ['evacuate', 'pending', 480_000],
      ['dispatch', 'pending', 600_000],
      ['notify', 'pending', 900_000],
      ['muster', 'pending', 1_500_000],
    ]);
    expect(r.plan!.steps[0]).toMatchObject({ by: 'system', at: T0 });
    expect(r.firstReportDueAt).toBe(T0 + 3_600_000);
    expect(Object.values(r.ics)).toEqual([null, null, null, null, null]);
  });
});

describe('nextIncident', () => {
  it('marks a step done with its actor, on time or late by the clock', () => {
    const clock = new ManualClock(T0);
    let r = opened();
    clock.advance(4 * 60_000);
    r = must(r, { kind: 'step', step: 'isolate', state: 'done', note: 'ESDV closed' }, clock.now(), 'wang');
    expect(r.plan!.steps[1]).toMatchObject({ state: 'done', by: 'wang', at: T0 + 240_000, late: false, note: 'ESDV closed' });
    expect(stepTiming(r.plan!.steps[1]!, clock.now())).toBe('on_time');
    clock.advance(7 * 60_000); // 11 min: evacuate (8) and dispatch (10) are past due
    expect(lateSteps(r, clock.now())).toEqual(['evacuate', 'dispatch']);
    const flagged = nextIncident(r, { kind: 'step_late', steps: lateSteps(r, clock.now()) }, clock.now(), 'system');
    expect(flagged).toMatchObject({ ok: true, action: 'step_late', note: 'evacuate, dispatch' });
    r = (flagged as { record: IncidentRecord }).record;
    expect(lateSteps(r, clock.now())).toEqual([]);
    r = must(r, { kind: 'step', step: 'dispatch', state: 'skipped', note: 'no team needed' }, clock.now(), 'li');
    expect(stepTiming(r.plan!.steps[3]!, clock.now())).toBe('skipped');
    expect(nextIncident(r, { kind: 'step', step: 'dispatch', state: 'done' }, clock.now(), 'li')).toMatchObject({ ok: false, code: 'conflict' });
    expect(nextIncident(r, { kind: 'step', step: 'nope', state: 'done' }, clock.now(), 'li')).toMatchObject({ ok: false, code: 'not_found' });
    // A step done after its due time is late even when the stage never flagged it.
    r = must(r, { kind: 'step', step: 'notify', state: 'done' }, T0 + 16 * 60_000);
    expect(stepTiming(r.plan!.steps[4]!, T0 + 16 * 60_000)).toBe('late');
  });

  it('automatic level changes only raise; the commander sets either way with a reason kept in levelReasons', () => {
    let r = opened();
    expect(nextIncident(r, { kind: 'level', level: 'IV', auto: true, reason: { zh: 'x', en: 'x' } }, T0, 'system')).toMatchObject({ ok: false, code: 'conflict' });
    r = must(r, { kind: 'level', level: 'II', auto: true, reason: { zh: '扩大', en: 'escalating' } }, T0, 'system');
    expect(r.level).toBe('II');
    r = must(r, { kind: 'level', level: 'IV', auto: false, reason: { zh: '已切断', en: 'isolated' } }, T0 + 1, 'zhang');
    expect(r.level).toBe('IV');
    expect(r.levelReasons.at(-1)).toEqual({ zh: 'zhang：已切断', en: 'zhang: isolated' });
    expect(nextIncident(r, { kind: 'level', level: 'IV', auto: false, reason: { zh: 'x', en: 'x' } }, T0, 'zhang')).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('roles, source, agencies, evacuation, contain and close; nothing changes a closed incident', () => {
    let r = opened();
    r = must(r, { kind: 'role', role: 'commander', person: 'P-009' }, T0);
    expect(r.ics.commander).toBe('P-009');
    r = must(r, { kind: 'source', rateKgS: 2 }, T0);
    expect(r.source).toMatchObject({ rateKgS: 2, rateEstimated: false, chemical: 'chlorine' });
    expect(nextIncident(r, { kind: 'source', rateKgS: 2 }, T0, 'x')).toMatchObject({ ok: false });
    r = must(r, { kind: 'evacuate', areas: ['A2'] }, T0 + 60_000);
    r = must(r, { kind: 'evacuate', areas: '*' }, T0 + 90_000, 'other');
    expect(r.evacuation).toEqual({ orderedAt: T0 + 60_000, by: 'cmdr', areas: '*' });
    expect(firstReport(r, T0 + 3_700_000)).toEqual({ dueAt: T0 + 3_600_000, at: null, late: true });
    r = must(r, { kind: 'agency', agency: 'emergency_management', channel: 'phone' }, T0 + 1_800_000);
    expect(firstReport(r, T0 + 3_700_000)).toEqual({ dueAt: T0 + 3_600_000, at: T0 + 1_800_000, late: false });
    r = must(r, { kind: 'contain', note: 'leak sealed' }, T0 + 2_000_000);
    expect(nextIncident(r, { kind: 'contain', note: 'again' }, T0, 'x')).toMatchObject({ ok: false, code: 'conflict' });
    r = must(r, { kind: 'close', note: 'all clear' }, T0 + 3_000_000);
    expect(r).toMatchObject({ state: 'closed', containedAt: T0 + 2_000_000, closedAt: T0 + 3_000_000 });
    expect(nextIncident(r, { kind: 'log', note: 'late note' }, T0, 'x')).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('auto milestones', () => {
  it('ticks pending auto steps at the milestone time, from the record and the emergency state', () => {
    let r = opened();
    const none = milestoneTimes(r, { dispatches: [], muster: undefined });
    expect(dueMilestones(r, plan, none)).toEqual([]);
    r = must(r, { kind: 'evacuate', areas: '*' }, T0 + 120_000);
    r = must(r, { kind: 'agency', agency: 'fire', channel: '119' }, T0 + 200_000);
    const times = milestoneTimes(r, {
      dispatches: [
        { incidentId: r.id, departedAt: T0 + 700_000, arrivedAt: null, state: 'en_route' },
        { incidentId: r.id, departedAt: T0 + 300_000, arrivedAt: T0 + 500_000, state: 'arrived' },
        { incidentId: 'OTHER', departedAt: T0 + 1, arrivedAt: T0 + 2, state: 'arrived' },
      ],
      muster: { t90At: T0 + 600_000, t100At: T0 + 1_600_000 },
    });
    expect(times).toMatchObject({ evacuation_ordered: T0 + 120_000, first_dispatch: T0 + 300_000, first_arrival: T0 + 500_000, muster_100: T0 + 1_600_000, agency_notified: T0 + 200_000 });
    const due = dueMilestones(r, plan, times);
    expect(due).toEqual([
      { step: 'evacuate', at: T0 + 120_000 },
      { step: 'dispatch', at: T0 + 300_000 },
      { step: 'notify', at: T0 + 200_000 },
      { step: 'muster', at: T0 + 1_600_000 },
    ]);
    for (const m of due) r = must(r, { kind: 'step', step: m.step, state: 'done' }, m.at, 'system');
    expect(r.plan!.steps.find((s) => s.step === 'muster')).toMatchObject({ by: 'system', late: true });
    expect(dueMilestones(r, plan, times)).toEqual([]);
  });
});

describe('incident ids', () => {
  it('continue from the highest id seen for the day and start again at 01 the next day', () => {
    const c = new IncidentIdCounter();
    for (const id of ['INC-20260601-01', 'INC-20260601-07', 'HZ-20260601-0009', 'INC-20260531-12']) c.see(id);
    expect(c.next('20260601')).toBe('INC-20260601-08');
    expect(c.next('20260601')).toBe('INC-20260601-09');
    expect(c.next('20260602')).toBe('INC-20260602-01');
    expect(formatIncidentId('20260601', 123)).toBe('INC-20260601-123');
    expect(parseIncidentId('INC-20260601-123')).toEqual({ dateKey: '20260601', n: 123 });
    expect(parseIncidentId('INC-2026-01')).toBeNull();
  });
});
