import { z } from 'zod';
import { localText, plantId, sourced, vec3 } from '../plant/primitives';

/**
 * Incident command (docs/incidents.md, issue 5). One record per incident; every change is one
 * `incident.changed` journal event carrying the whole record after it. Threat zones, people at
 * risk, muster and dispatches are separate events (they change at their own pace and are large).
 *
 * Response levels are the enterprise's own (GB/T 29639-2020 §6.1.2): I (most severe) … IV,
 * shown red / orange / yellow / blue like the warning levels (DOMAIN.md §4).
 */

export const incidentTypes = ['toxic_release', 'flammable_release', 'fire', 'explosion', 'equipment_failure', 'control_system_failure', 'injury'] as const;
export const incidentTypeSchema = z.enum(incidentTypes);
export type IncidentType = z.infer<typeof incidentTypeSchema>;

export const responseLevels = ['I', 'II', 'III', 'IV'] as const;
export const responseLevelSchema = z.enum(responseLevels);
export type ResponseLevel = z.infer<typeof responseLevelSchema>;
export const responseLevelColour: Readonly<Record<ResponseLevel, 'red' | 'orange' | 'yellow' | 'blue'>> = { I: 'red', II: 'orange', III: 'yellow', IV: 'blue' };

/** ICS positions (现场指挥部). */
export const icsRoles = ['commander', 'operations', 'planning', 'logistics', 'safety'] as const;
export const icsRoleSchema = z.enum(icsRoles);
export type IcsRole = z.infer<typeof icsRoleSchema>;

export const agencies = ['fire', 'medical', 'emergency_management', 'environment', 'police'] as const;
export const agencySchema = z.enum(agencies);
export type Agency = z.infer<typeof agencySchema>;
/** First report to the authority is due within one hour (事故报告和调查处理条例 Art. 9, DOMAIN.md §4). */
export const FIRST_REPORT_DUE_MS = 3600_000;

export const incidentStates = ['open', 'contained', 'closed'] as const;

/** The release being modelled: where, how fast, how high, what. */
export const releaseSourceSchema = z
  .object({
    position: vec3,
    chemical: plantId.nullable(),
    rateKgS: z.number().positive().max(1e4).nullable(),
    /** True when the rate is the server's estimate (from inventory and hole size), not entered. */
    rateEstimated: z.boolean(),
    heightM: z.number().min(0).max(500),
    /** Equipment leaking, when known. */
    equipment: plantId.nullable(),
  })
  .strict();
export type ReleaseSource = z.infer<typeof releaseSourceSchema>;

export const stepStates = ['pending', 'done', 'skipped'] as const;
export const planStepStatusSchema = z.object({
  step: plantId,
  state: z.enum(stepStates),
  /** Due at incident open + target minutes. */
  dueAt: z.number(),
  late: z.boolean(),
  by: z.string().nullable(),
  at: z.number().nullable(),
  note: z.string().max(2000).optional(),
});
export type PlanStepStatus = z.infer<typeof planStepStatusSchema>;

export const incidentRecordSchema = z.object({
  /** `INC-<yyyymmdd>-<nn>`. */
  id: z.string().min(1).max(64),
  type: incidentTypeSchema,
  level: responseLevelSchema,
  title: localText,
  state: z.enum(incidentStates),
  openedAt: z.number(),
  openedBy: z.string(),
  /** What opened it. */
  trigger: z.object({ kind: z.enum(['alarm', 'interlock', 'manual', 'drill']), ref: z.string().nullable() }),
  area: plantId.nullable(),
  source: releaseSourceSchema,
  /** Why the level is what it is (rules that matched, or the commander's reason). */
  levelReasons: z.array(localText).max(20),
  /** ICS role → registry person id (or null). */
  ics: z.record(icsRoleSchema, plantId.nullable()),
  /** The activated emergency plan (resources/plans) and its live checklist. */
  plan: z.object({ id: z.string(), steps: z.array(planStepStatusSchema) }).nullable(),
  /** External agencies notified, oldest first. */
  agencies: z.array(z.object({ agency: agencySchema, at: z.number(), by: z.string(), channel: z.string().max(60), note: z.string().max(1000).optional() })),
  /** First authority report due (openedAt + 1 h) and whether it is late. */
  firstReportDueAt: z.number(),
  evacuation: z.object({ orderedAt: z.number(), by: z.string(), areas: z.union([z.literal('*'), z.array(plantId)]) }).nullable(),
  containedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  /** Drill incidents never enter real lists or KPIs (issue 6). */
  drill: z.boolean(),
});
export type IncidentRecord = z.infer<typeof incidentRecordSchema>;

/** `escalate`: another confirmed gas group or trip joined the incident (its ref in the note); counted by the level rules. */
export const incidentActions = ['open', 'level', 'role', 'step', 'step_late', 'source', 'evacuate', 'agency', 'contain', 'close', 'log', 'escalate'] as const;
export type IncidentAction = (typeof incidentActions)[number];

/**
 * Classification rules (plant file `incident-rules.json`): how an alarm or trip opens an incident
 * and at which level. Rules are tried in order; the first whose `when` all hold sets the type;
 * the level is the most severe of the matching `level` rules.
 */
export const openRuleSchema = z
  .object({
    id: plantId,
    when: z
      .object({
        /** Alarm kinds that open it, e.g. CONFIRMED (a 2oo3 gas group), TRIP (an interlock). */
        alarmKinds: z.array(z.string().min(1)).min(1).optional(),
        /** Hazard class of the source's chemical. */
        chemicalHazard: z.enum(['toxic', 'flammable']).optional(),
        tagKinds: z.array(z.string()).optional(),
      })
      .strict(),
    type: incidentTypeSchema,
    source: sourced,
  })
  .strict();
export const levelRuleSchema = z
  .object({
    id: plantId,
    level: responseLevelSchema,
    /** All given conditions must hold. */
    when: z
      .object({
        types: z.array(incidentTypeSchema).optional(),
        /** Inventory at risk ÷ GB 18218 threshold quantity Q of its chemical, at least. */
        inventoryRatioMin: z.number().nonnegative().optional(),
        /** People inside the red or orange zone, at least. */
        peopleExposedMin: z.number().int().nonnegative().optional(),
        /** Confirmed gas groups or tripped interlocks in the incident's area, at least (escalation). */
        escalationMin: z.number().int().nonnegative().optional(),
        chemicals: z.array(plantId).optional(),
      })
      .strict(),
    text: localText,
    source: sourced,
  })
  .strict();
export const incidentRulesFileSchema = z
  .object({
    version: z.literal(1),
    open: z.array(openRuleSchema).min(1),
    levels: z.array(levelRuleSchema).min(1),
    /** Level when no level rule matches. */
    defaultLevel: responseLevelSchema,
    /** GB 18218-2018 table 1/2 threshold quantities, t, by chemical id (⚠ secondary, DOMAIN.md §4). */
    thresholdT: z.record(z.string(), z.number().positive()),
  })
  .strict();
export type IncidentRulesFile = z.infer<typeof incidentRulesFileSchema>;
