import { describe, expect, it } from 'vitest';
import { newIncident, nextIncident, type IncidentChange } from '../incident/incidentRecord';
import type { IncidentRecord } from '../incident/model';
import type { EmergencyPlan } from '../incident/plan';
import type { JournalEvent } from '../state/events';
import { drillFacts, drillSeconds, pointsFor, scoreDrill } from './scoreDrill';
import { scenarioSchema, type DrillRecord, type Scenario } from './scenario';

const T0 = Date.UTC(2026, 5, 1, 8, 0, 0);
const s = (sec: number): number => T0 + sec * 1000;

const plan: EmergencyPlan = {
  version: 1,
  id: 'toxic',
  name: { zh: '毒', en: 'toxic' },
  types: ['toxic_release'],
  isolation: [],
  steps: [
    { id: 'activate', text: { zh: '启动', en: 'Activate' }, owner: 'commander', targetMin: 0, resources: [], auto: 'plan_activated' },
    { id: 'isolate', text: { zh: '隔离', en: 'Isolate' }, owner: 'operations', targetMin: 5, resources: [] },
    { id: 'cordon', text: { zh: '警戒', en: 'Cordon' }, owner: 'safety', targetMin: 10, resources: [] },
    { id: 'seal', text: { zh: '封堵', en: 'Seal' }, owner: 'operations', targetMin: 30, resources: [] },
  ],
  source: 'test plan',
};

const scenario: Scenario = scenarioSchema.parse({
  version: 1,
  id: 'toxic-test',
  name: { zh: '测试', en: 'test' },
  description: { zh: '测试', en: 'test' },
  plant: 'mini',
  incidentType: 'toxic_release',
  durationS: 900,
  timeline: [{ atS: 0, action: { do: 'announce', text: { zh: '开始', en: 'start' } } }],
  expect: [
    { milestone: 'first_ack', targetS: 60 },
    { milestone: 'incident_open', targetS: 120, weight: 2 },
    { milestone: 'evacuation_ordered', targetS: 300 },
    { milestone: 'muster_100', targetS: 600 },
    { planStep: 'isolate', targetS: 300 },
    { planStep: 'cordon', targetS: 400 },
    { planStep: 'seal', targetS: 800 },
  ],
});

const drill: DrillRecord = { id: 'DR-20260601-01', scenario: 'toxic-test', name: scenario.name, state: 'completed', startedAt: T0, startedBy: 'coord', startSeq: 10, pausedMs: 0, pausedAt: null, endedAt: s(900), nextStep: 1, announcement: null };

let seq = 10;
const ev = (time: number, actor: string, body: Omit<JournalEvent, 'seq' | 'time' | 'actor'>): JournalEvent => ({ seq: seq++, time, actor, ...body }) as JournalEvent;
const drillEv = (time: number, action: 'start' | 'pause' | 'resume' | 'complete'): JournalEvent => ev(time, 'coord', { type: 'drill.changed', payload: { drill, action } });
const ack = (time: number, actor: string): JournalEvent => ev(time, actor, { type: 'alarm.changed', payload: { alarm: {} as never, cause: 'ack' } } as never);
const incEv = (time: number, inc: IncidentRecord, action: string, actor = 'system'): JournalEvent => ev(time, actor, { type: 'incident.changed', payload: { incident: inc, action } } as never);

function opened(drillFlag = true): IncidentRecord {
  return newIncident({
    id: 'INC-1',
    type: 'toxic_release',
    level: 'III',
    levelReasons: [],
    title: { zh: '氯', en: 'Cl2' },
    openedAt: s(100),
    openedBy: 'system',
    trigger: { kind: 'alarm', ref: 'X' },
    area: 'A',
    source: { position: [0, 0, 0], chemical: 'chlorine', rateKgS: null, rateEstimated: false, heightM: 1, equipment: null },
    plan,
    drill: drillFlag,
  });
}
const next = (r: IncidentRecord, c: IncidentChange, at: number, by = 'cmdr'): IncidentRecord => {
  const n = nextIncident(r, c, at, by);
  if (!n.ok) throw new Error(n.message);
  return n.record;
};

describe('pointsFor', () => {
  it('gives full weight on time, decays linearly over one grace period when late, nothing when missed', () => {
    expect(pointsFor(60, 60, 2)).toEqual({ outcome: 'on_time', points: 2 });
    // grace = max(60, 120) = 120 s: 60 s late = half.
    expect(pointsFor(60, 120, 2)).toEqual({ outcome: 'late', points: 1 });
    // grace = target when it is longer: 300 s target, 150 s late = half.
    expect(pointsFor(300, 450, 1).points).toBeCloseTo(0.5, 9);
    expect(pointsFor(300, 900, 1)).toEqual({ outcome: 'late', points: 0 });
    expect(pointsFor(60, null, 1)).toEqual({ outcome: 'missed', points: 0 });
  });
});

describe('scoreDrill', () => {
  it('scores milestones and plan steps from a hand-built recording, with pauses excluded from drill time', () => {
    seq = 10;
    let inc = opened();
    const events: JournalEvent[] = [drillEv(T0, 'start'), ack(s(20), 'system'), ack(s(50), 'op-1'), ack(s(55), 'op-2'), incEv(s(100), inc, 'open')];
    // Paused 200 s → 300 s: the 100 s do not count.
    events.push(drillEv(s(200), 'pause'), drillEv(s(300), 'resume'));
    inc = next(inc, { kind: 'step', step: 'isolate', state: 'done' }, s(350), 'op-1'); // 250 s of drill time: on time (300)
    events.push(incEv(s(350), inc, 'step', 'op-1'));
    inc = next(inc, { kind: 'evacuate', areas: '*' }, s(500), 'cmdr'); // 400 s: 100 s late on 300 → grace 300 → 2/3
    events.push(incEv(s(500), inc, 'evacuate', 'cmdr'));
    inc = next(inc, { kind: 'step', step: 'cordon', state: 'skipped', note: 'n/a' }, s(520), 'cmdr');
    events.push(incEv(s(520), inc, 'step', 'cmdr'));
    // A real (non-drill) incident's evacuation must not count.
    events.push(incEv(s(30), next(opened(false), { kind: 'evacuate', areas: '*' }, s(30)), 'evacuate'));
    events.push(drillEv(s(900), 'complete'));

    const card = scoreDrill(scenario, drill, events, new Map([['isolate', { zh: '隔离', en: 'Isolate' }]]));
    const by = new Map(card.items.map((i) => [i.key, i]));
    expect(by.get('first_ack')).toMatchObject({ actualS: 50, outcome: 'on_time', points: 1, actor: 'op-1' });
    expect(by.get('incident_open')).toMatchObject({ actualS: 100, outcome: 'on_time', points: 2 });
    expect(by.get('evacuation_ordered')).toMatchObject({ actualS: 400, outcome: 'late', actor: 'cmdr' });
    expect(by.get('evacuation_ordered')!.points).toBeCloseTo(2 / 3, 3);
    expect(by.get('muster_100')).toMatchObject({ actualS: null, outcome: 'missed', points: 0 });
    expect(by.get('step:isolate')).toMatchObject({ actualS: 250, outcome: 'on_time', points: 1, actor: 'op-1', label: { en: 'Isolate' } });
    expect(by.get('step:cordon')).toMatchObject({ outcome: 'skipped', points: 0 });
    expect(by.get('step:seal')).toMatchObject({ outcome: 'missed', actualS: null });
    // (1 + 2 + 2/3 + 0 + 1 + 0 + 0) / 8
    expect(card.score).toBeCloseTo((100 * (1 + 2 + 2 / 3 + 1)) / 8, 1);
  });

  it('ignores what happened before the drill started and counts an open pause to the end', () => {
    seq = 10;
    const before = { ...ack(T0 - 5000, 'op-0'), seq: 5 };
    const events = [before, drillEv(T0, 'start'), drillEv(s(10), 'pause')];
    const ended = { ...drill, state: 'stopped' as const, endedAt: s(100) };
    const facts = drillFacts(ended, events);
    expect(facts.milestones.first_ack).toBeUndefined();
    expect(facts.pauses).toEqual([{ from: s(10), to: s(100) }]);
    expect(drillSeconds(ended, facts.pauses, s(100))).toBe(10);
    expect(scoreDrill(scenario, ended, events).score).toBe(0);
  });
});
