import type { InspectionPlan, InspectionTask } from '../../shared/hazard/inspection';
import { applyHazardAction, type HazardPayload, type HazardReport } from '../../shared/hazard/lifecycle';
import { locateHazard, type LocateContext } from '../../shared/hazard/locate';
import type { HazardActor, HazardRecord, NearMiss } from '../../shared/hazard/model';
import { plantDateKey } from '../../shared/hazard/hazardId';
import type { HazardSettings } from '../../shared/hazard/settings';
import type { HazardCommandResult, InspectionCompleteResult } from '../../shared/hazard/api';
import type { Plant } from '../../shared/plant/schema';
import type { LocalText } from '../../shared/plant/primitives';
import { fail, ok, type Ack } from '../../shared/protocol/messages';
import type { CommandPayload } from '../engine/CommandService';
import type { Clock } from '../../shared/util/clock';
import type { AuthUser } from '../auth/authService';
import type { CommandEngine, PendingEvent } from '../engine/CommandEngine';
import { tzOffsetMs } from '../sim/timezone';
import { HazardIndex } from './HazardIndex';

/** What the service needs from the personnel registry (server/people/PeopleRegistry). */
export interface PersonLookup {
  indexOf(id: string): number | undefined;
}

export interface HazardServiceDeps {
  plant: Plant;
  engine: CommandEngine;
  clock: Clock;
  people: PersonLookup;
  settings: HazardSettings;
}

/** A near miss may be reported this long after the clock says it happened, not earlier (clock skew of a handheld). */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Hidden-hazard work orders on the server (docs/hazards.md): the command handlers of the
 * lifecycle, run through the shared state machine (shared/hazard/lifecycle.ts), journaled as one
 * `hazard.changed` per transition with the user as actor. The tick-driven sources and timers
 * (overdue, robot findings, gas detectors, inspection tasks) live in HazardStage and use
 * `report` / `transition` from here.
 */
export class HazardService {
  readonly index: HazardIndex;
  readonly locate: LocateContext;
  readonly plans: readonly InspectionPlan[];
  readonly planById: ReadonlyMap<string, InspectionPlan>;

  constructor(readonly d: HazardServiceDeps) {
    this.index = new HazardIndex(d.engine);
    this.locate = { areas: d.plant.areas, equipment: new Map(d.plant.equipment.map((e) => [e.id, { area: e.area, position: e.position }])) };
    this.plans = d.plant.inspectionPlans?.plans ?? [];
    this.planById = new Map(this.plans.map((p) => [p.id, p]));
  }

  /**
   * The plant's offset from UTC at an instant, cached per hour (zone changes fall on whole
   * hours; asking Intl costs far more than a tick's worth of work, and statistics ask per order).
   */
  tzOffset(at: number): number {
    const hour = Math.floor(at / 3_600_000);
    let off = this.tzCache.get(hour);
    if (off === undefined) {
      if (this.tzCache.size >= 50_000) this.tzCache.clear();
      off = tzOffsetMs(this.d.plant.meta.timezone, hour * 3_600_000);
      this.tzCache.set(hour, off);
    }
    return off;
  }
  private readonly tzCache = new Map<number, number>();

  actor(user: AuthUser): HazardActor {
    return { name: user.name, role: user.role, ...(user.person !== undefined ? { person: user.person } : {}) };
  }

  nextId(now: number): string {
    return this.index.counter.next(plantDateKey(now, this.tzOffset(now)));
  }

  /** A new order's record and its event (not yet appended); the id is taken from the counter. */
  reportEvent(r: Omit<HazardReport, 'id'>, actor: HazardActor, journalActor: string, now: number): { record: HazardRecord; event: PendingEvent } {
    // A drill running tags every order it causes (docs/drills.md): out of real lists and statistics.
    const step = applyHazardAction(null, 'report', { action: 'report', report: { ...r, id: this.nextId(now), drill: r.drill ?? this.d.engine.state.drill.active !== null } }, actor, now);
    if (!step.ok) throw new Error(`report refused: ${step.message}`);
    return { record: step.record, event: { body: { type: 'hazard.changed', payload: { hazard: step.record, action: 'report', ...noteOf(r.note) } }, actor: journalActor } };
  }

  /** One transition of an existing order: the record after it and its event, or the refusal. */
  transition(h: HazardRecord, payload: Exclude<HazardPayload, { action: 'report' }>, actor: HazardActor, journalActor: string, now: number): Ack<{ record: HazardRecord; event: PendingEvent }> {
    const step = applyHazardAction(h, payload.action, payload, actor, now);
    if (!step.ok) return fail(step.code, step.message);
    const note = step.record.history[step.record.history.length - 1]?.note;
    return ok({ record: step.record, event: { body: { type: 'hazard.changed', payload: { hazard: step.record, action: payload.action, ...noteOf(note) } }, actor: journalActor } });
  }

  // ── command handlers (roles are checked by CommandService before these run) ──

  report(p: CommandPayload<'hazard.report'>, user: AuthUser): Ack<HazardCommandResult> {
    const now = this.d.clock.now();
    const where = locateHazard(this.locate, p);
    if (!where.ok) return fail('bad_request', where.message);
    if (p.nearMiss && p.nearMiss.occurredAt > now + FUTURE_SKEW_MS) return fail('bad_request', 'the near miss cannot have happened in the future / 未遂事故发生时间不能晚于当前时间');
    const nearMiss: NearMiss | null = p.nearMiss ?? null;
    const title: LocalText = typeof p.title === 'string' ? { zh: p.title, en: p.title } : p.title;
    const { record, event } = this.reportEvent(
      { source: nearMiss ? 'near_miss' : 'manual', sourceRef: null, title, description: p.description, category: p.category, area: where.area, equipment: where.equipment, position: where.position, evidence: [], nearMiss },
      this.actor(user),
      user.name,
      now,
    );
    this.d.engine.appendBatch([event]);
    return ok({ hazardId: record.id, state: record.state });
  }

  assess(p: CommandPayload<'hazard.assess'>, user: AuthUser): Ack<HazardCommandResult> {
    if (p.plan && this.d.people.indexOf(p.plan.owner) === undefined) return fail('bad_request', `the plan's owner "${p.plan.owner.slice(0, 80)}" is not in the personnel registry / 治理方案负责人不在人员名册中`);
    if (p.plan && p.plan.deadline <= this.d.clock.now()) return fail('bad_request', 'the plan deadline must be in the future / 治理方案时限必须晚于当前时间');
    return this.act(p.hazardId, { action: 'assess', grade: p.grade, category: p.category, plan: p.plan, note: p.note }, user);
  }

  assign(p: CommandPayload<'hazard.assign'>, user: AuthUser): Ack<HazardCommandResult> {
    const h = this.index.records.get(p.hazardId);
    if (!h) return unknownHazard(p.hazardId);
    if (this.d.people.indexOf(p.assignee) === undefined) return fail('bad_request', `assignee "${p.assignee.slice(0, 80)}" is not in the personnel registry / 责任人不在人员名册中`);
    const action = h.state === 'assigned' || h.state === 'rectifying' ? 'reassign' : 'assign';
    return this.act(p.hazardId, { action, assignee: p.assignee, deadline: p.deadline, note: p.note }, user);
  }

  start(p: CommandPayload<'hazard.start'>, user: AuthUser): Ack<HazardCommandResult> {
    return this.act(p.hazardId, { action: 'start', note: p.note }, user);
  }

  submit(p: CommandPayload<'hazard.submit'>, user: AuthUser): Ack<HazardCommandResult> {
    return this.act(p.hazardId, { action: 'submit', note: p.note }, user);
  }

  verify(p: CommandPayload<'hazard.verify'>, user: AuthUser): Ack<HazardCommandResult> {
    return this.act(p.hazardId, { action: p.passed ? 'verify_pass' : 'verify_fail', note: p.note }, user);
  }

  dismiss(p: CommandPayload<'hazard.dismiss'>, user: AuthUser): Ack<HazardCommandResult> {
    return this.act(p.hazardId, { action: 'dismiss', reason: p.reason }, user);
  }

  /**
   * Completes a due (or missed: late) inspection task with a result for every check of its plan;
   * each failed check reports a hazard (source `inspection`) unless the same check of the same
   * plan already has an open order, which the result then names. One journal batch.
   */
  complete(p: CommandPayload<'inspection.complete'>, user: AuthUser): Ack<InspectionCompleteResult> {
    const now = this.d.clock.now();
    const task = this.index.tasks.get(p.taskId);
    if (!task) return fail('not_found', `unknown inspection task "${p.taskId.slice(0, 120)}" / 未知排查任务`);
    if (task.state === 'done') return fail('conflict', `inspection task ${task.id} is already done / 排查任务已完成`);
    const plan = this.planById.get(task.plan);
    if (!plan) return fail('conflict', `the plan of task ${task.id} is no longer in the plant model / 该任务的排查计划已不存在`);
    const given = new Map<string, (typeof p.results)[number]>();
    for (const r of p.results) {
      if (given.has(r.check)) return fail('bad_request', `check ${r.check} is given twice / 检查项重复`);
      if (!plan.checks.some((c) => c.id === r.check)) return fail('bad_request', `check "${r.check.slice(0, 80)}" is not in plan ${plan.id} / 检查项不属于该计划`);
      given.set(r.check, r);
    }
    const missing = plan.checks.filter((c) => !given.has(c.id)).map((c) => c.id);
    if (missing.length > 0) return fail('bad_request', `every check needs a result; missing: ${missing.join(', ')} / 每个检查项都须填写结果`);
    const events: PendingEvent[] = [];
    const hazardIds: string[] = [];
    const results: InspectionTask['results'] = plan.checks.map((c) => {
      const r = given.get(c.id)!;
      let hazardId: string | null = null;
      if (!r.ok) {
        const sourceRef = `${task.id}#${c.id}`.slice(0, 200);
        const open = this.index.openFor(`inspection:${plan.id}#${c.id}`);
        if (open) hazardId = open.id;
        else {
          const where = locateHazard(this.locate, { area: plan.area });
          const position = where.ok ? where.position : ([0, 0, 0] as [number, number, number]);
          const rep = this.reportEvent(
            {
              source: 'inspection',
              sourceRef,
              title: { zh: `${plan.name.zh}：${c.text.zh}`.slice(0, 200), en: `${plan.name.en}: ${c.text.en}`.slice(0, 200) },
              description: r.note ?? '',
              category: c.category,
              area: plan.area,
              equipment: null,
              position,
              evidence: [],
              nearMiss: null,
              note: `inspection task ${task.id}`,
            },
            this.actor(user),
            user.name,
            now,
          );
          events.push(rep.event);
          hazardId = rep.record.id;
        }
        hazardIds.push(hazardId);
      }
      return { check: c.id, ok: r.ok, hazardId, ...(r.note !== undefined ? { note: r.note } : {}) };
    });
    const done: InspectionTask = { ...task, state: 'done', doneBy: user.name, doneAt: now, results };
    events.push({ body: { type: 'inspection.task.changed', payload: { task: done } }, actor: user.name });
    this.d.engine.appendBatch(events);
    return ok({ task: done, hazardIds });
  }

  private act(id: string, payload: Exclude<HazardPayload, { action: 'report' }>, user: AuthUser): Ack<HazardCommandResult> {
    const h = this.index.records.get(id);
    if (!h) return unknownHazard(id);
    const r = this.transition(h, payload, this.actor(user), user.name, this.d.clock.now());
    if (!r.ok) return r;
    this.d.engine.appendBatch([r.data.event]);
    return ok({ hazardId: r.data.record.id, state: r.data.record.state });
  }
}

function unknownHazard(id: string): Ack<never> {
  return fail('not_found', `unknown hazard "${id.slice(0, 80)}" / 未知隐患“${id.slice(0, 80)}”`);
}

function noteOf(note: string | undefined): { note?: string } {
  return note !== undefined && note !== '' ? { note: note.slice(0, 2000) } : {};
}
