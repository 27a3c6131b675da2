import type { IncidentRecord, PlanStepStatus } from './model';
import type { EmergencyPlan, PlanStep } from './plan';

export type Milestone = NonNullable<PlanStep['auto']>;

/**
 * The live checklist of a plan activated at `openedAt`: every step pending and due at open +
 * its target minutes, except `plan_activated` steps, done by `system` at once.
 */
export function activatePlan(plan: EmergencyPlan, openedAt: number): { id: string; steps: PlanStepStatus[] } {
  return {
    id: plan.id,
    steps: plan.steps.map((s) => {
      const dueAt = openedAt + Math.round(s.targetMin * 60_000);
      return s.auto === 'plan_activated' ? { step: s.id, state: 'done', dueAt, late: false, by: 'system', at: openedAt } : { step: s.id, state: 'pending', dueAt, late: false, by: null, at: null };
    }),
  };
}

/** The plan for an incident type: the first plan that lists it. */
export function planFor(plans: readonly EmergencyPlan[], type: IncidentRecord['type']): EmergencyPlan | null {
  return plans.find((p) => p.types.includes(type)) ?? null;
}

/** Steps still pending past their due time and not yet flagged: the tick stage journals them once as `step_late`. */
export function lateSteps(record: IncidentRecord, now: number): string[] {
  if (!record.plan || record.state === 'closed') return [];
  return record.plan.steps.filter((s) => s.state === 'pending' && !s.late && now > s.dueAt).map((s) => s.step);
}

/** When each milestone happened, null when it has not (yet). */
export type MilestoneTimes = Record<Milestone, number | null>;

/** What the server knows of an incident's milestones (from its record and the emergency state). */
export interface MilestoneSources {
  dispatches: readonly { incidentId: string; departedAt: number; arrivedAt: number | null; state: string }[];
  muster: { t90At: number | null; t100At: number | null } | undefined;
}

export function milestoneTimes(record: IncidentRecord, src: MilestoneSources): MilestoneTimes {
  let firstDispatch: number | null = null;
  let firstArrival: number | null = null;
  for (const d of src.dispatches) {
    if (d.incidentId !== record.id) continue;
    if (firstDispatch === null || d.departedAt < firstDispatch) firstDispatch = d.departedAt;
    if (d.arrivedAt !== null && (firstArrival === null || d.arrivedAt < firstArrival)) firstArrival = d.arrivedAt;
  }
  return {
    plan_activated: record.openedAt,
    evacuation_ordered: record.evacuation?.orderedAt ?? null,
    first_dispatch: firstDispatch,
    first_arrival: firstArrival,
    muster_90: src.muster?.t90At ?? null,
    muster_100: src.muster?.t100At ?? null,
    agency_notified: record.agencies[0]?.at ?? null,
  };
}

/**
 * Pending `auto` steps whose milestone has happened, with the milestone's time: the server marks
 * them done by `system` at that time (late when it is past the step's due time).
 */
export function dueMilestones(record: IncidentRecord, plan: EmergencyPlan | null, times: MilestoneTimes): { step: string; at: number }[] {
  if (!plan || !record.plan || record.state === 'closed') return [];
  const autoOf = new Map(plan.steps.map((s) => [s.id, s.auto] as const));
  const out: { step: string; at: number }[] = [];
  for (const s of record.plan.steps) {
    const m = autoOf.get(s.step);
    if (s.state !== 'pending' || m === undefined) continue;
    const at = times[m];
    if (at !== null) out.push({ step: s.step, at });
  }
  return out;
}

/** Step timing for reports and lists: done on time, late, skipped, still pending, or pending past due. */
export type StepTiming = 'on_time' | 'late' | 'skipped' | 'pending' | 'overdue';

export function stepTiming(s: PlanStepStatus, now: number): StepTiming {
  if (s.state === 'skipped') return 'skipped';
  if (s.state === 'done') return s.late || (s.at !== null && s.at > s.dueAt) ? 'late' : 'on_time';
  return now > s.dueAt ? 'overdue' : 'pending';
}
