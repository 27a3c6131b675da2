import { describe, expect, it } from 'vitest';
import type { HazardRecord } from '../hazard/model';
import type { IncidentRecord } from '../incident/model';
import type { DispatchRecord } from '../incident/resources';
import { stableHash } from '../util/hash';
import { journalEventSchema, type JournalEvent } from './events';
import { CLOSED_INCIDENT_LIMIT, initialState, reduce, reduceAll, type CommandState } from './reducer';

let seq = 0;
function ev(body: Omit<JournalEvent, 'seq' | 'time' | 'actor'>, actor = 'system'): JournalEvent {
  seq += 1;
  return journalEventSchema.parse({ seq, time: 1_000 * seq, actor, ...body });
}

function incident(id: string, over: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    id,
    type: 'toxic_release',
    level: 'II',
    title: { zh: '氯气泄漏', en: 'Chlorine release' },
    state: 'open',
    openedAt: 1000,
    openedBy: 'system',
    trigger: { kind: 'alarm', ref: 'GRP-CL-1:CONFIRMED' },
    area: 'CL2',
    source: { position: [10, 20, 1], chemical: 'chlorine', rateKgS: 1, rateEstimated: true, heightM: 1, equipment: null },
    levelReasons: [],
    ics: { commander: null, operations: null, planning: null, logistics: null, safety: null },
    plan: { id: 'toxic-release', steps: [{ step: 's1', state: 'pending', dueAt: 61_000, late: false, by: null, at: null }] },
    agencies: [],
    firstReportDueAt: 3_601_000,
    evacuation: null,
    containedAt: null,
    closedAt: null,
    drill: false,
    ...over,
  };
}

function dispatch(id: string, incidentId: string): DispatchRecord {
  return {
    id,
    incidentId,
    unit: 'T-HAZMAT',
    unitKind: 'team',
    need: 'hazmat',
    members: ['P-0001'],
    materials: [],
    target: [10, 20, 0],
    route: [
      [0, 0],
      [10, 20],
    ],
    routeTimesS: [0, 30],
    departedAt: 2000,
    etaAt: 32_000,
    arrivedAt: null,
    state: 'en_route',
    reason: { zh: '上风向最近', en: 'nearest from upwind' },
    by: 'cmdr',
  };
}

describe('reducer: incident command', () => {
  it('keeps incidents, zones, muster, dispatches and a significant-events log per incident', () => {
    seq = 0;
    const s = reduceAll(initialState(), [
      ev({ type: 'incident.changed', payload: { incident: incident('INC-1'), action: 'open' } }),
      ev({
        type: 'incident.zones.changed',
        payload: {
          incidentId: 'INC-1',
          wind: { speedMS: 3, fromDeg: 90 },
          stability: 'D',
          sigma: 'briggs-rural',
          source: { position: [10, 20, 1], chemical: 'chlorine', rateKgS: 1, heightM: 1 },
          zones: [{ band: 'red', level: 'AEGL-3', ppm: 20, downwindM: 400, halfWidthM: 20, polygon: [[10, 20], [410, 20]] }],
          warnings: [],
        },
      }),
      ev({ type: 'incident.notice.sent', payload: { incidentId: 'INC-1', recipients: [{ person: 'P-0001', musterPoint: 'MP-1' }], musterPoints: ['MP-1'], text: { zh: '撤离', en: 'Evacuate' } } }, 'cmdr'),
      ev({ type: 'muster.changed', payload: { incidentId: 'INC-1', expected: 10, accounted: 9, byPoint: { 'MP-1': 9 }, missing: [], startedAt: 3000, t90At: 5000, t100At: null } }),
      ev({ type: 'dispatch.changed', payload: { dispatch: dispatch('DSP-1', 'INC-1') } }, 'cmdr'),
      ev({ type: 'resource.stock.changed', payload: { point: 'SP-1', kind: 'scba', quantity: 4, expires: null, reason: 'dispatch DSP-1' } }),
      ev({ type: 'resource.alert', payload: { point: 'SP-1', kind: 'scba', alert: 'below_min', cleared: false, quantity: 4, expires: null } }),
    ]);
    const em = s.emergency;
    expect(Object.keys(em.incidents)).toEqual(['INC-1']);
    expect(em.zones['INC-1']?.zones[0]?.band).toBe('red');
    expect(em.notices['INC-1']).toEqual({ time: 3000, recipients: 1, musterPoints: ['MP-1'] });
    expect(em.muster['INC-1']?.t90At).toBe(5000);
    expect(em.dispatches['DSP-1']?.state).toBe('en_route');
    expect(em.stock['SP-1/scba']).toEqual({ quantity: 4, expires: null });
    expect(em.alerts['SP-1/scba']).toEqual([{ alert: 'below_min', since: 7000 }]);
    expect(em.logs['INC-1']?.map((l) => l.action)).toEqual(['open', 'zones', 'notice', 'muster_90', 'dispatch_en_route']);
    const cleared = reduce(s, ev({ type: 'resource.alert', payload: { point: 'SP-1', kind: 'scba', alert: 'below_min', cleared: true, quantity: 6, expires: null } }));
    expect(cleared.emergency.alerts).toEqual({});
    expect(s.emergency.alerts['SP-1/scba']).toHaveLength(1);
  });

  it('forgets the oldest closed incidents and all that hangs on them', () => {
    seq = 0;
    const events: JournalEvent[] = [];
    for (let i = 0; i <= CLOSED_INCIDENT_LIMIT; i++) {
      events.push(ev({ type: 'incident.changed', payload: { incident: incident(`INC-${i}`), action: 'open' } }));
      events.push(ev({ type: 'dispatch.changed', payload: { dispatch: dispatch(`DSP-${i}`, `INC-${i}`) } }));
      events.push(ev({ type: 'incident.changed', payload: { incident: incident(`INC-${i}`, { state: 'closed', closedAt: 9 }), action: 'close' } }));
    }
    events.push(ev({ type: 'incident.changed', payload: { incident: incident('INC-open'), action: 'open' } }));
    const s = reduceAll(initialState(), events);
    expect(s.emergency.incidents['INC-0']).toBeUndefined();
    expect(s.emergency.dispatches['DSP-0']).toBeUndefined();
    expect(s.emergency.logs['INC-0']).toBeUndefined();
    expect(s.emergency.incidents['INC-1']?.state).toBe('closed');
    expect(s.emergency.closedIncidents).toHaveLength(CLOSED_INCIDENT_LIMIT);
    expect(s.emergency.incidents['INC-open']?.state).toBe('open');
  });

  it('never mutates its input, batch or not, and fills in state missing from old snapshots', () => {
    seq = 0;
    const a = reduce(initialState(), ev({ type: 'incident.changed', payload: { incident: incident('INC-1'), action: 'open' } }));
    const hash = stableHash(a);
    const e2 = ev({ type: 'incident.changed', payload: { incident: incident('INC-1', { level: 'I' }), action: 'level', note: 'people exposed' } }, 'cmdr');
    const b = reduce(a, e2);
    expect(stableHash(a)).toBe(hash);
    expect(b.emergency.incidents['INC-1']?.level).toBe('I');
    expect(a.emergency.logs['INC-1']).toHaveLength(1);
    expect(b.emergency.logs['INC-1']).toHaveLength(2);
    const old = { ...a } as Partial<CommandState>;
    delete old.emergency;
    delete old.work;
    const c = reduce(old as CommandState, e2);
    expect(c.emergency.incidents['INC-1']?.level).toBe('I');
    expect(c.work).toBeUndefined();
  });
});

describe('reducer: field work', () => {
  it('keeps open hazards and the newest closed ones, robots and due tasks', () => {
    seq = 0;
    const h: HazardRecord = {
      id: 'HZ-1', source: 'robot', sourceRef: 'RF-1', title: { zh: '泵过热', en: 'Pump hot' }, description: '', category: 'equipment', grade: null, state: 'reported',
      area: 'TF1', equipment: 'P-101', position: [0, 0, 0], evidence: [], nearMiss: null, plan: null, assignee: null, deadline: null, reportedBy: 'system',
      reportedAt: 1, updatedAt: 1, closedAt: null, rectifiedBy: null, verifiedBy: null, overdue: false, escalation: 0, drill: false, history: [],
    };
    const s = reduceAll(initialState(), [
      ev({ type: 'robot.state.changed', payload: { robot: 'RB-1', from: 'patrolling', to: 'measuring', batteryPct: 80, position: [0, 0, 0] } }),
      ev({ type: 'hazard.changed', payload: { hazard: { ...h, history: [] }, action: 'report' } }),
      ev({ type: 'hazard.changed', payload: { hazard: { ...h, state: 'closed', closedAt: 5, history: [] }, action: 'verify_pass' } }),
      ev({ type: 'inspection.task.changed', payload: { task: { id: 'T@1', plan: 'T', area: 'TF1', dueAt: 1, lateAt: 2, state: 'due', doneBy: null, doneAt: null, results: [] } } }),
    ]);
    expect(s.work.robots['RB-1']?.state).toBe('measuring');
    expect(s.work.hazards['HZ-1']?.state).toBe('closed');
    expect(s.work.closedHazards).toEqual(['HZ-1']);
    expect(Object.keys(s.work.tasks)).toEqual(['T@1']);
    const reopened = reduce(s, ev({ type: 'inspection.task.changed', payload: { task: { id: 'T@1', plan: 'T', area: 'TF1', dueAt: 1, lateAt: 2, state: 'done', doneBy: 'op', doneAt: 2, results: [] } } }));
    expect(reopened.work.tasks).toEqual({});
  });
});
