import { z } from 'zod';
import { injectionSchema } from '../protocol/injection';
import { incidentTypeSchema } from '../incident/model';
import { localText, plantId } from '../plant/primitives';

/**
 * Drill scenarios (应急演练, docs/drills.md): YAML files in `resources/scenarios/`, validated by
 * this schema. A scenario is a timeline of what happens (injections into the simulator, wind
 * changes, robot findings, people's movements, a system outage) and the response it expects
 * (milestones and plan steps with target times), against which the recording is scored.
 */

export const scenarioActionSchema = z.discriminatedUnion('do', [
  /** Any simulator injection (gas_release, overpressure, detector_failure, io_outage, person_down, person_move, hot_spot, robot_fault). */
  z.object({ do: z.literal('inject'), id: plantId.optional(), injection: injectionSchema }).strict(),
  /** End an injection this scenario started (by its `id`), or all of them. */
  z.object({ do: z.literal('clear'), id: plantId.optional() }).strict(),
  /** Set the wind the threat model uses (speed at 10 m, direction it blows FROM); null returns to the met station. */
  z.object({ do: z.literal('wind'), wind: z.object({ speedMS: z.number().min(0).max(60), fromDeg: z.number().min(0).max(360) }).strict().nullable() }).strict(),
  /** A message shown to every console in the drill banner (e.g. "the site fire alarm panel is out of service"). */
  z.object({ do: z.literal('announce'), text: localText }).strict(),
]);
export type ScenarioAction = z.infer<typeof scenarioActionSchema>;

export const scenarioStepSchema = z
  .object({
    /** Seconds after the drill starts (pauses excluded). */
    atS: z.number().min(0).max(24 * 3600),
    action: scenarioActionSchema,
  })
  .strict();

/** What the scoring measures: milestones found in the recording, with target times from drill start. */
export const drillMilestones = ['first_ack', 'incident_open', 'plan_activated', 'evacuation_ordered', 'first_dispatch', 'first_arrival', 'muster_90', 'muster_100', 'agency_notified'] as const;
export const drillMilestoneSchema = z.enum(drillMilestones);
export type DrillMilestone = z.infer<typeof drillMilestoneSchema>;

export const scenarioExpectationSchema = z.union([
  z.object({ milestone: drillMilestoneSchema, targetS: z.number().positive(), weight: z.number().positive().default(1) }).strict(),
  /** A plan step of the incident's plan, done by the target (skipped or late loses points). */
  z.object({ planStep: plantId, targetS: z.number().positive(), weight: z.number().positive().default(1) }).strict(),
]);
export type ScenarioExpectation = z.infer<typeof scenarioExpectationSchema>;

export const scenarioSchema = z
  .object({
    version: z.literal(1),
    id: plantId,
    name: localText,
    description: localText,
    /** Plant id the scenario is written for (its equipment, tags, people and positions). */
    plant: z.string().min(1),
    incidentType: incidentTypeSchema,
    /** Drill length, s: the drill completes by itself after this (the coordinator may stop it earlier). */
    durationS: z.number().positive().max(24 * 3600),
    timeline: z.array(scenarioStepSchema).min(1).max(1000),
    expect: z.array(scenarioExpectationSchema).min(1).max(200),
    source: z.string().min(3).optional(),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;

export const drillStates = ['running', 'paused', 'completed', 'stopped'] as const;

/** One drill run (the journal's `drill.changed` carries the whole record after each change). */
export const drillRecordSchema = z.object({
  /** `DR-<yyyymmdd>-<nn>`. */
  id: z.string().min(1).max(64),
  scenario: plantId,
  name: localText,
  state: z.enum(drillStates),
  startedAt: z.number(),
  startedBy: z.string(),
  /** First journal seq of the drill (its `drill.changed` start event). */
  startSeq: z.number().int().nonnegative(),
  /** Total ms spent paused so far; drill time = now − startedAt − pausedMs (− the current pause). */
  pausedMs: z.number().nonnegative(),
  pausedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  /** Index of the next timeline step to run. */
  nextStep: z.number().int().nonnegative(),
  /** Latest announcement for the banner. */
  announcement: localText.nullable(),
});
export type DrillRecord = z.infer<typeof drillRecordSchema>;

/** Score card (GET /api/v1/drills/:id/score; journaled as `drill.scored` when a drill ends). */
export const drillScoreSchema = z.object({
  drillId: z.string(),
  scenario: z.string(),
  /** 0–100. */
  score: z.number().min(0).max(100),
  items: z.array(
    z.object({
      /** Milestone name or `step:<id>`. */
      key: z.string(),
      label: localText,
      targetS: z.number(),
      /** Drill seconds when it happened; null = never. */
      actualS: z.number().nullable(),
      outcome: z.enum(['on_time', 'late', 'missed', 'skipped']),
      weight: z.number(),
      points: z.number(),
      /** Who did it, and the journal seq, when known. */
      actor: z.string().nullable(),
      seq: z.number().int().nullable(),
    }),
  ),
});
export type DrillScore = z.infer<typeof drillScoreSchema>;
