import { z } from 'zod';
import { localText, plantId, sourced } from '../plant/primitives';
import { icsRoleSchema, incidentTypeSchema } from './model';

/**
 * Emergency plans (应急预案), one JSON file per incident type in `resources/plans/`. Opening an
 * incident activates the plan for its type as a live checklist: each step's due time is the
 * incident's start plus `targetMin`; a step not done by then is flagged late (journaled).
 */
export const planStepSchema = z
  .object({
    id: plantId,
    text: localText,
    /** ICS role that owns it. */
    owner: icsRoleSchema,
    /** Minutes from incident start. */
    targetMin: z.number().nonnegative().max(24 * 60),
    /** Resource kinds it needs (team or material kinds of emergency-resources.json). */
    resources: z.array(z.string().min(1)).default([]),
    /** Marks the step an automatic milestone the server ticks itself (e.g. plan activated, first dispatch, muster 100 %). */
    auto: z.enum(['plan_activated', 'evacuation_ordered', 'first_dispatch', 'first_arrival', 'muster_90', 'muster_100', 'agency_notified']).optional(),
  })
  .strict();
export type PlanStep = z.infer<typeof planStepSchema>;

export const emergencyPlanSchema = z
  .object({
    version: z.literal(1),
    id: plantId,
    name: localText,
    types: z.array(incidentTypeSchema).min(1),
    /** Initial isolation and protective-action distances, m (ERG-style; per chemical where given). */
    isolation: z.array(z.object({ chemical: plantId.or(z.literal('*')), isolateM: z.number().positive(), protectDayM: z.number().positive(), protectNightM: z.number().positive(), source: sourced }).strict()).default([]),
    steps: z.array(planStepSchema).min(1).max(100),
    source: sourced,
  })
  .strict();
export type EmergencyPlan = z.infer<typeof emergencyPlanSchema>;
