import type { Vec3 } from '../plant/primitives';
import type { LocalText } from '../plant/primitives';
import {
  allowedHazardActions,
  HAZARD_HISTORY_LIMIT,
  type Evidence,
  type HazardAction,
  type HazardActor,
  type HazardCategory,
  type HazardGrade,
  type HazardRecord,
  type HazardSource,
  type HazardState,
  type NearMiss,
  type RectificationPlan,
} from './model';

/**
 * The hidden-hazard state machine, pure: the server runs every command through it and tests
 * exercise it directly, so there is exactly one set of rules (docs/hazards.md §Lifecycle).
 * It checks state, who acts (allowedHazardActions), deadlines and the major-hazard plan; what it
 * cannot know (whether an assignee exists in the registry) the caller checks first.
 */

export type HazardErrorCode = 'bad_request' | 'forbidden' | 'conflict';
export type HazardStep = { ok: true; record: HazardRecord } | { ok: false; code: HazardErrorCode; message: string };

/** What a new report carries (the server has located it and given it an id). */
export interface HazardReport {
  id: string;
  source: HazardSource;
  sourceRef: string | null;
  title: LocalText;
  description: string;
  category: HazardCategory;
  area: string | null;
  equipment: string | null;
  position: Vec3;
  evidence: Evidence[];
  nearMiss: NearMiss | null;
  /** A grade the source proposes (a robot finding past its major limit); the assessor decides. */
  proposedGrade?: HazardGrade | null;
  drill?: boolean;
  note?: string;
}

export type HazardPayload =
  | { action: 'report'; report: HazardReport }
  | { action: 'assess'; grade: HazardGrade; category?: HazardCategory | undefined; plan?: RectificationPlan | undefined; note?: string | undefined }
  | { action: 'assign' | 'reassign'; assignee: string; deadline: number; note?: string | undefined }
  | { action: 'start'; note?: string | undefined }
  | { action: 'submit'; note: string }
  | { action: 'verify_pass' | 'verify_fail'; note: string }
  | { action: 'dismiss'; reason: string }
  | { action: 'overdue'; note?: string | undefined }
  | { action: 'escalate'; level: 1 | 2 | 3; note?: string | undefined };

/** States in which an action makes sense at all (for anyone). */
const VALID_IN: Readonly<Record<HazardAction, readonly HazardState[]>> = {
  report: [],
  assess: ['reported', 'assessed'],
  assign: ['assessed'],
  reassign: ['assigned', 'rectifying'],
  start: ['assigned'],
  submit: ['rectifying'],
  verify_pass: ['verification'],
  verify_fail: ['verification'],
  dismiss: ['reported', 'assessed'],
  overdue: ['assigned', 'rectifying', 'verification'],
  escalate: ['assigned', 'rectifying', 'verification'],
};

const SYSTEM_ACTIONS: ReadonlySet<HazardAction> = new Set(['overdue', 'escalate']);

const stateText: Readonly<Record<HazardState, string>> = {
  reported: '已上报',
  assessed: '已评估',
  assigned: '已指派',
  rectifying: '整改中',
  verification: '待验收',
  closed: '已销号',
  dismissed: '已驳回',
};

function refuse(code: HazardErrorCode, en: string, zh: string): HazardStep {
  return { ok: false, code, message: `${en} / ${zh}` };
}

/** Appends a history entry, keeping the first (the report) and the newest ones within the limit. */
function withHistory(h: HazardRecord, action: string, actor: string, time: number, note: string | undefined): HazardRecord['history'] {
  const entry = { action, actor, time, ...(note !== undefined && note !== '' ? { note } : {}) };
  const next = [...h.history, entry];
  if (next.length > HAZARD_HISTORY_LIMIT) next.splice(1, next.length - HAZARD_HISTORY_LIMIT);
  return next;
}

/** When the current assignment was made (the last assign or reassign), or null. */
export function assignedAt(h: HazardRecord): number | null {
  for (let i = h.history.length - 1; i >= 0; i--) {
    const e = h.history[i]!;
    if (e.action === 'assign' || e.action === 'reassign') return e.time;
  }
  return null;
}

/** A fresh record for a report (state `reported`). */
function reported(r: HazardReport, actor: HazardActor, now: number): HazardRecord {
  return {
    id: r.id,
    source: r.source,
    sourceRef: r.sourceRef,
    title: r.title,
    description: r.description,
    category: r.category,
    grade: r.proposedGrade ?? null,
    state: 'reported',
    area: r.area,
    equipment: r.equipment,
    position: r.position,
    evidence: r.evidence.slice(0, 20),
    nearMiss: r.nearMiss,
    plan: null,
    assignee: null,
    deadline: null,
    reportedBy: actor.name,
    reportedAt: now,
    updatedAt: now,
    closedAt: null,
    rectifiedBy: null,
    verifiedBy: null,
    overdue: false,
    escalation: 0,
    drill: r.drill ?? false,
    history: [{ action: 'report', actor: actor.name, time: now, ...(r.note ? { note: r.note } : {}) }],
  };
}

/**
 * Applies one action by `actor` at `now`. `record` is null only for `report`. The result is a
 * new record (the input is never mutated) or a refusal with a bilingual message:
 * conflict = the order's state does not allow it; forbidden = not this actor; bad_request = the
 * payload is wrong (a deadline not in the future, a major hazard without its plan at assignment).
 * `overdue` and `escalate` are the server's own (actor "system"): no person check.
 */
export function applyHazardAction(record: HazardRecord | null, action: HazardAction, payload: HazardPayload, actor: HazardActor, now: number): HazardStep {
  if (payload.action !== action) return refuse('bad_request', `payload is for ${payload.action}, not ${action}`, `载荷与动作不符`);
  if (payload.action === 'report') {
    if (record) return refuse('conflict', `hazard ${record.id} already exists`, `隐患 ${record.id} 已存在`);
    return { ok: true, record: reported(payload.report, actor, now) };
  }
  if (!record) return refuse('bad_request', `${action} needs an existing hazard`, `该操作需要已存在的隐患`);
  const h = record;
  if (!VALID_IN[action].includes(h.state)) {
    return refuse('conflict', `hazard ${h.id} is ${h.state}; ${action} is not possible now`, `隐患 ${h.id} 当前为“${stateText[h.state]}”，不能执行此操作`);
  }
  if (!SYSTEM_ACTIONS.has(action) && !allowedHazardActions(h, actor).includes(action)) {
    if ((action === 'verify_pass' || action === 'verify_fail') && h.rectifiedBy === actor.name) {
      return refuse('forbidden', `${actor.name} did the rectification and may not verify it (four eyes)`, `整改人不得验收自己的整改（双人原则）`);
    }
    if (action === 'start' || action === 'submit') {
      return refuse('forbidden', `only the assignee's linked account (${h.assignee ?? 'none'}) or a shift lead may ${action} this order`, `只有责任人本人（${h.assignee ?? '无'}）或值班长可执行此操作`);
    }
    return refuse('forbidden', `role ${actor.role} may not ${action} a hazard`, `角色 ${actor.role} 无权执行此操作`);
  }
  const base = { ...h, updatedAt: now };
  const hist = (note: string | undefined): HazardRecord['history'] => withHistory(h, action, actor.name, now, note);
  switch (payload.action) {
    case 'assess':
      return {
        ok: true,
        record: { ...base, state: 'assessed', grade: payload.grade, category: payload.category ?? h.category, plan: payload.plan ?? h.plan, history: hist(payload.note ?? `grade ${payload.grade}`) },
      };
    case 'assign':
    case 'reassign': {
      if (!Number.isFinite(payload.deadline) || payload.deadline <= now) {
        return refuse('bad_request', `the deadline must be in the future (got ${String(payload.deadline)})`, `整改期限必须晚于当前时间`);
      }
      if (h.grade === null) return refuse('conflict', `hazard ${h.id} has no grade; assess it first`, `隐患 ${h.id} 尚未定级，请先评估`);
      if (h.grade === 'major' && h.plan === null) {
        return refuse('conflict', `hazard ${h.id} is major: its rectification plan (goal, method, funds, owner, deadline, safety measures) must be given at assessment before it can be assigned`, `重大隐患须先制定治理方案（目标、方法、经费、负责人、时限、安全措施）才能指派`);
      }
      return {
        ok: true,
        record: { ...base, state: 'assigned', assignee: payload.assignee, deadline: payload.deadline, overdue: false, escalation: 0, history: hist(payload.note ?? `${payload.assignee} by ${new Date(payload.deadline).toISOString()}`) },
      };
    }
    case 'start':
      return { ok: true, record: { ...base, state: 'rectifying', history: hist(payload.note) } };
    case 'submit':
      return { ok: true, record: { ...base, state: 'verification', rectifiedBy: actor.name, history: hist(payload.note) } };
    case 'verify_pass':
      return { ok: true, record: { ...base, state: 'closed', verifiedBy: actor.name, closedAt: now, history: hist(payload.note) } };
    case 'verify_fail':
      return { ok: true, record: { ...base, state: 'rectifying', history: hist(payload.note) } };
    case 'dismiss':
      return { ok: true, record: { ...base, state: 'dismissed', closedAt: now, history: hist(payload.reason) } };
    case 'overdue':
      if (h.overdue) return refuse('conflict', `hazard ${h.id} is already overdue`, `隐患 ${h.id} 已逾期`);
      return { ok: true, record: { ...base, overdue: true, history: hist(payload.note) } };
    case 'escalate':
      if (payload.level <= h.escalation) return refuse('conflict', `hazard ${h.id} is already at escalation level ${h.escalation}`, `隐患 ${h.id} 已升级至 ${h.escalation} 级`);
      return { ok: true, record: { ...base, escalation: payload.level, history: hist(payload.note) } };
  }
}

/**
 * What the clock says should happen to an open order at `now`: `overdue` once past its deadline,
 * then escalation levels as the time since assignment passes `multiples` × the granted time.
 * Returns at most one step; the server applies it and asks again (so a long outage catches up
 * one journaled step at a time, each with its reason).
 */
export function dueTimeStep(h: HazardRecord, now: number, multiples: readonly [number, number, number]): { action: 'overdue' } | { action: 'escalate'; level: 1 | 2 | 3 } | null {
  if (h.deadline === null || !VALID_IN.overdue.includes(h.state)) return null;
  if (now < h.deadline) return null;
  if (!h.overdue) return { action: 'overdue' };
  const from = assignedAt(h);
  if (from === null) return null;
  const granted = h.deadline - from;
  if (granted <= 0) return null;
  const next = (h.escalation + 1) as 1 | 2 | 3;
  if (h.escalation >= 3) return null;
  return now >= from + multiples[next - 1]! * granted ? { action: 'escalate', level: next } : null;
}
