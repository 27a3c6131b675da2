import type { InspectionPlan, InspectionTask } from './inspection';

const HOUR_MS = 3_600_000;
/**
 * Periods start on plant-local Monday 1970-01-05 08:00 (the day-shift handover) plus whole
 * periods: 12 h plans fall due at 08:00 and 20:00 (each shift), 8 h ones at 00:00, 08:00 and
 * 16:00, daily ones at 08:00 and weekly ones on Monday 08:00; hourly ones on the hour.
 */
const ANCHOR_MS = 4 * 86_400_000 + 8 * HOUR_MS;

/**
 * Start of the period of `plan` that holds `now` (epoch ms), in the plant's local calendar
 * (`tzOffsetMs` = its offset from UTC). A task falls due at the start of its period and is
 * missed `graceHours` later (docs/hazards.md §Inspection plans).
 */
export function periodStart(plan: Pick<InspectionPlan, 'everyHours'>, now: number, tzOffsetMs: number): number {
  const every = plan.everyHours * HOUR_MS;
  const local = now + tzOffsetMs - ANCHOR_MS;
  return Math.floor(local / every) * every + ANCHOR_MS - tzOffsetMs;
}

export function taskId(planId: string, dueAt: number): string {
  return `${planId}@${dueAt}`;
}

/** A new `due` task of `plan` for the period starting at `dueAt`. */
export function dueTask(plan: InspectionPlan, dueAt: number): InspectionTask {
  return { id: taskId(plan.id, dueAt), plan: plan.id, area: plan.area, dueAt, lateAt: dueAt + plan.graceHours * HOUR_MS, state: 'due', doneBy: null, doneAt: null, results: [] };
}
