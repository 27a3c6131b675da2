import { z } from 'zod';
import { localText, plantId, sourced } from '../plant/primitives';

/**
 * Inspection plans (排查计划, plant file `inspection-plans.json`): checks per area with a
 * frequency; the server generates one scheduled task per plan and period. A task is completed
 * with a result per check; a failed check reports a hidden hazard with source `inspection`.
 */

export const inspectionCheckSchema = z
  .object({
    id: plantId,
    text: localText,
    /** Category given to a hazard reported from this check. */
    category: z.enum(['equipment', 'process', 'electrical', 'fire', 'gas_detection', 'behaviour', 'housekeeping', 'management', 'other']).default('other'),
  })
  .strict();

export const inspectionPlanSchema = z
  .object({
    id: plantId,
    name: localText,
    area: plantId,
    /** Period between tasks, hours (e.g. 8 = every shift, 24 = daily, 168 = weekly). */
    everyHours: z.number().positive().max(24 * 366),
    /** Hours after a task falls due that it counts as missed. */
    graceHours: z.number().positive().max(24 * 31).default(2),
    /** Registry person role expected to do it (operator, hse, maintenance …). */
    performerRole: z.string().min(1).max(40),
    checks: z.array(inspectionCheckSchema).min(1).max(100),
    source: sourced.optional(),
  })
  .strict();
export type InspectionPlan = z.infer<typeof inspectionPlanSchema>;

export const inspectionPlansFileSchema = z
  .object({ version: z.literal(1), plans: z.array(inspectionPlanSchema).max(10_000) })
  .strict();
export type InspectionPlansFile = z.infer<typeof inspectionPlansFileSchema>;

export const inspectionTaskStates = ['due', 'done', 'missed'] as const;
export const inspectionTaskSchema = z.object({
  /** `<planId>@<dueAt>`. */
  id: z.string().min(1).max(200),
  plan: plantId,
  area: plantId,
  dueAt: z.number(),
  /** dueAt + grace: after this a `due` task becomes `missed`. */
  lateAt: z.number(),
  state: z.enum(inspectionTaskStates),
  doneBy: z.string().nullable(),
  doneAt: z.number().nullable(),
  /** Per check: passed, or the hazard id reported from it. */
  results: z.array(z.object({ check: plantId, ok: z.boolean(), hazardId: z.string().nullable(), note: z.string().max(1000).optional() })),
});
export type InspectionTask = z.infer<typeof inspectionTaskSchema>;
