import { describe, expect, it } from 'vitest';
import { ManualClock } from '../util/clock';
import type { Role } from '../protocol/roles';
import { applyHazardAction, assignedAt, dueTimeStep, type HazardPayload, type HazardReport } from './lifecycle';
import { allowedHazardActions, hazardRecordSchema, HAZARD_HISTORY_LIMIT, type HazardActor, type HazardRecord, type RectificationPlan } from './model';

const T0 = Date.UTC(2026, 5, 1, 2, 0, 0);
const H = 3_600_000;
const lead: HazardActor = { name: 'lin', role: 'shift_lead' };
const lead2: HazardActor = { name: 'gao', role: 'commander' };
const assignee: HazardActor = { name: 'wang', role: 'operator', person: 'P-001' };
const otherOp: HazardActor = { name: 'zhao', role: 'operator', person: 'P-002' };
const viewerAsAssignee: HazardActor = { name: 'v', role: 'viewer', person: 'P-001' };
const report: HazardReport = {
  id: 'HZ-20260601-0001',
  source: 'manual',
  sourceRef: null,
  title: { zh: '法兰渗漏', en: 'Flange weeping' },
  description: 'drips at the pump seal',
  category: 'equipment',
  area: 'RX',
  equipment: null,
  position: [1, 2, 0],
  evidence: [],
  nearMiss: null,
};
const plan: RectificationPlan = { goal: 'stop the leak', method: 'replace gasket under isolation', fundsCny: 20000, owner: 'P-009', deadline: T0 + 72 * H, safetyMeasures: 'isolate, purge, gas test' };

function must(h: HazardRecord | null, p: HazardPayload, actor: HazardActor, now: number): HazardRecord {
  const r = applyHazardAction(h, p.action, p, actor, now);
  if (!r.ok) throw new Error(r.message);
  expect(hazardRecordSchema.safeParse(r.record).success).toBe(true);
  return r.record;
}
function refused(h: HazardRecord | null, p: HazardPayload, actor: HazardActor, now: number): { code: string; message: string } {
  const r = applyHazardAction(h, p.action, p, actor, now);
  if (r.ok) throw new Error(`expected a refusal of ${p.action} by ${actor.name}`);
  return r;
}
/** A record driven to `state` by the ordinary path. */
function at(state: HazardRecord['state'], grade: 'general' | 'major' = 'general'): HazardRecord {
  let h = must(null, { action: 'report', report }, otherOp, T0);
  if (state === 'reported') return h;
  h = must(h, { action: 'assess', grade, ...(grade === 'major' ? { plan } : {}) }, lead, T0 + 1);
  if (state === 'assessed') return h;
  if (state === 'dismissed') return must(h, { action: 'dismiss', reason: 'duplicate' }, lead, T0 + 2);
  h = must(h, { action: 'assign', assignee: 'P-001', deadline: T0 + 24 * H }, lead, T0 + 2);
  if (state === 'assigned') return h;
  h = must(h, { action: 'start' }, assignee, T0 + 3);
  if (state === 'rectifying') return h;
  h = must(h, { action: 'submit', note: 'gasket replaced' }, assignee, T0 + 4);
  if (state === 'verification') return h;
  return must(h, { action: 'verify_pass', note: 'checked, dry' }, lead, T0 + 5);
}

describe('hazard lifecycle', () => {
  it('runs report → assess → assign → start → submit → verify and records every step with actor, time and note', () => {
    const h = at('closed');
    expect(h.state).toBe('closed');
    expect(h.closedAt).toBe(T0 + 5);
    expect(h.rectifiedBy).toBe('wang');
    expect(h.verifiedBy).toBe('lin');
    expect(h.history.map((e) => [e.action, e.actor, e.time])).toEqual([
      ['report', 'zhao', T0],
      ['assess', 'lin', T0 + 1],
      ['assign', 'lin', T0 + 2],
      ['start', 'wang', T0 + 3],
      ['submit', 'wang', T0 + 4],
      ['verify_pass', 'lin', T0 + 5],
    ]);
    expect(h.history[4]!.note).toBe('gasket replaced');
  });

  it('never mutates the record it is given', () => {
    const h = at('assigned');
    const copy = structuredClone(h);
    must(h, { action: 'start' }, assignee, T0 + 10);
    expect(h).toEqual(copy);
  });

  it('lets only leads assess, assign and dismiss; operators and viewers are forbidden', () => {
    const rep = at('reported');
    for (const role of ['operator', 'viewer', 'drill_coordinator'] as Role[]) {
      expect(refused(rep, { action: 'assess', grade: 'general' }, { name: 'x', role }, T0 + 1).code).toBe('forbidden');
      expect(refused(rep, { action: 'dismiss', reason: 'dup' }, { name: 'x', role }, T0 + 1).code).toBe('forbidden');
    }
    for (const role of ['shift_lead', 'commander', 'admin'] as Role[]) expect(applyHazardAction(rep, 'assess', { action: 'assess', grade: 'general' }, { name: 'x', role }, T0 + 1).ok).toBe(true);
    const ass = at('assessed');
    expect(refused(ass, { action: 'assign', assignee: 'P-001', deadline: T0 + H }, otherOp, T0 + 2).code).toBe('forbidden');
  });

  it('lets the linked assignee or a lead start and submit; another operator and a viewer linked to the assignee may not', () => {
    const h = at('assigned');
    expect(refused(h, { action: 'start' }, otherOp, T0 + 3)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('P-001') });
    expect(refused(h, { action: 'start' }, viewerAsAssignee, T0 + 3).code).toBe('forbidden');
    expect(refused(h, { action: 'start' }, { name: 'nolink', role: 'operator' }, T0 + 3).code).toBe('forbidden');
    expect(must(h, { action: 'start' }, assignee, T0 + 3).state).toBe('rectifying');
    const byLead = must(h, { action: 'start', note: 'for wang' }, lead, T0 + 3);
    expect(byLead.state).toBe('rectifying');
    expect(refused(byLead, { action: 'submit', note: 'done it' }, otherOp, T0 + 4).code).toBe('forbidden');
    expect(must(byLead, { action: 'submit', note: 'done it' }, lead, T0 + 4).rectifiedBy).toBe('lin');
  });

  it('refuses verification by whoever did the rectification (four eyes), even a lead', () => {
    const byLead = must(must(at('assigned'), { action: 'start' }, lead, T0 + 3), { action: 'submit', note: 'fixed' }, lead, T0 + 4);
    expect(refused(byLead, { action: 'verify_pass', note: 'ok' }, lead, T0 + 5)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('four eyes') });
    expect(allowedHazardActions(byLead, lead)).toEqual([]);
    expect(must(byLead, { action: 'verify_pass', note: 'ok' }, lead2, T0 + 5).state).toBe('closed');
    // The assignee who rectified is an operator: verification is a lead's anyway.
    expect(refused(at('verification'), { action: 'verify_pass', note: 'ok' }, assignee, T0 + 5).code).toBe('forbidden');
  });

  it('sends a failed verification back to rectifying and lets it come round again', () => {
    const failed = must(at('verification'), { action: 'verify_fail', note: 'still weeping' }, lead, T0 + 5);
    expect(failed.state).toBe('rectifying');
    const again = must(failed, { action: 'submit', note: 'second gasket' }, assignee, T0 + 6);
    expect(must(again, { action: 'verify_pass', note: 'dry now' }, lead, T0 + 7).state).toBe('closed');
  });

  it('refuses actions the state does not allow as conflicts, for every state', () => {
    const all = ['assess', 'assign', 'start', 'submit', 'verify_pass', 'verify_fail', 'dismiss'] as const;
    const validIn: Record<(typeof all)[number], string[]> = {
      assess: ['reported', 'assessed'],
      assign: ['assessed'],
      start: ['assigned'],
      submit: ['rectifying'],
      verify_pass: ['verification'],
      verify_fail: ['verification'],
      dismiss: ['reported', 'assessed'],
    };
    const payloads: Record<(typeof all)[number], HazardPayload> = {
      assess: { action: 'assess', grade: 'general' },
      assign: { action: 'assign', assignee: 'P-001', deadline: T0 + 48 * H },
      start: { action: 'start' },
      submit: { action: 'submit', note: 'done' },
      verify_pass: { action: 'verify_pass', note: 'ok' },
      verify_fail: { action: 'verify_fail', note: 'no' },
      dismiss: { action: 'dismiss', reason: 'dup' },
    };
    for (const state of ['reported', 'assessed', 'assigned', 'rectifying', 'verification', 'closed', 'dismissed'] as const) {
      const h = at(state);
      for (const a of all) {
        const r = applyHazardAction(h, a, payloads[a], lead2, T0 + 10);
        if (validIn[a].includes(state)) expect(r.ok, `${a} in ${state}`).toBe(true);
        else expect(r.ok ? 'ok' : r.code, `${a} in ${state}`).toBe('conflict');
      }
    }
  });

  it('refuses to assign a major hazard without its plan, and allows it once re-assessed with the plan', () => {
    const major = must(at('reported'), { action: 'assess', grade: 'major' }, lead, T0 + 1);
    expect(refused(major, { action: 'assign', assignee: 'P-001', deadline: T0 + H }, lead, T0 + 2)).toMatchObject({ code: 'conflict', message: expect.stringContaining('plan') });
    const withPlan = must(major, { action: 'assess', grade: 'major', plan }, lead, T0 + 3);
    expect(withPlan.plan).toEqual(plan);
    expect(must(withPlan, { action: 'assign', assignee: 'P-001', deadline: T0 + H }, lead, T0 + 4).state).toBe('assigned');
  });

  it('refuses a deadline that is not in the future', () => {
    const h = at('assessed');
    expect(refused(h, { action: 'assign', assignee: 'P-001', deadline: T0 + 2 }, lead, T0 + 2).code).toBe('bad_request');
    expect(refused(h, { action: 'assign', assignee: 'P-001', deadline: Number.NaN }, lead, T0 + 2).code).toBe('bad_request');
  });

  it('reassigns from assigned or rectifying back to assigned with a new deadline, clearing overdue and escalation', () => {
    let h = must(at('rectifying'), { action: 'overdue' }, { name: 'system', role: 'admin' }, T0 + 25 * H);
    h = must(h, { action: 'escalate', level: 1 }, { name: 'system', role: 'admin' }, T0 + 31 * H);
    const r = must(h, { action: 'reassign', assignee: 'P-002', deadline: T0 + 60 * H }, lead, T0 + 32 * H);
    expect(r).toMatchObject({ state: 'assigned', assignee: 'P-002', overdue: false, escalation: 0 });
    expect(assignedAt(r)).toBe(T0 + 32 * H);
    expect(refused(r, { action: 'start' }, assignee, T0 + 33 * H).code).toBe('forbidden');
    expect(must(r, { action: 'start' }, otherOp, T0 + 33 * H).state).toBe('rectifying');
  });

  it('keeps the report and the newest entries when the history is full', () => {
    let h = at('rectifying');
    for (let i = 0; i < HAZARD_HISTORY_LIMIT + 20; i++) {
      h = must(h, { action: 'submit', note: `try ${i}` }, assignee, T0 + 10 + 2 * i);
      h = must(h, { action: 'verify_fail', note: `no ${i}` }, lead, T0 + 11 + 2 * i);
    }
    expect(h.history.length).toBe(HAZARD_HISTORY_LIMIT);
    expect(h.history[0]!.action).toBe('report');
    expect(h.history.at(-1)!.note).toBe(`no ${HAZARD_HISTORY_LIMIT + 19}`);
  });

  it('carries a proposed grade from the report until the assessor decides', () => {
    const h = must(null, { action: 'report', report: { ...report, source: 'robot', proposedGrade: 'major' } }, { name: 'robot:R1', role: 'admin' }, T0);
    expect(h.grade).toBe('major');
    expect(must(h, { action: 'assess', grade: 'general' }, lead, T0 + 1).grade).toBe('general');
  });
});

describe('overdue and escalation timing', () => {
  const multiples = [1.25, 1.5, 2] as const;
  const sys: HazardActor = { name: 'system', role: 'admin' };

  it('marks overdue at the deadline and escalates at 1.25×, 1.5× and 2× the granted time, one step at a time', () => {
    const clock = new ManualClock(T0);
    let h = must(at('assessed'), { action: 'assign', assignee: 'P-001', deadline: T0 + 8 * H }, lead, clock.now());
    const seen: string[] = [];
    // Step the clock a minute at a time for 20 h and apply whatever the timer says.
    for (let m = 0; m <= 20 * 60; m++) {
      clock.set(T0 + m * 60_000);
      for (let step = dueTimeStep(h, clock.now(), multiples); step; step = dueTimeStep(h, clock.now(), multiples)) {
        h = must(h, step.action === 'overdue' ? { action: 'overdue' } : { action: 'escalate', level: step.level }, sys, clock.now());
        seen.push(`${step.action === 'overdue' ? 'overdue' : `L${step.level}`}@${(clock.now() - T0) / H}`);
      }
    }
    expect(seen).toEqual(['overdue@8', 'L1@10', 'L2@12', 'L3@16']);
    expect(h).toMatchObject({ overdue: true, escalation: 3 });
  });

  it('does nothing before the deadline, for closed orders, or without a deadline', () => {
    const h = must(at('assessed'), { action: 'assign', assignee: 'P-001', deadline: T0 + 8 * H }, lead, T0);
    expect(dueTimeStep(h, T0 + 8 * H - 1, multiples)).toBeNull();
    expect(dueTimeStep(at('closed'), T0 + 1000 * H, multiples)).toBeNull();
    expect(dueTimeStep(at('assessed'), T0 + 1000 * H, multiples)).toBeNull();
  });

  it('refuses a second overdue and an escalation that is not higher', () => {
    const h = must(at('assigned'), { action: 'overdue' }, sys, T0 + 25 * H);
    expect(refused(h, { action: 'overdue' }, sys, T0 + 26 * H).code).toBe('conflict');
    const e2 = must(h, { action: 'escalate', level: 2 }, sys, T0 + 26 * H);
    expect(refused(e2, { action: 'escalate', level: 1 }, sys, T0 + 27 * H).code).toBe('conflict');
  });
});
