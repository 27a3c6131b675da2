import { z } from 'zod';
import { localText, sourced, tagKinds } from './primitives';
import { alarmKindSchema, prioritySchema } from '../alarm/model';
import { roleSchema } from '../protocol/roles';

/**
 * Plant data for alarm management, interlocks, notifications and the risk register — the
 * optional files of a plant folder. Numbers from standards carry a `source`.
 */

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);

/** Deadband and delays per measurement type (ISA-TR18.2.3 / EEMUA starting values, DOMAIN.md §1). */
export const measurementSettingsSchema = z
  .object({
    /** Deadband as % of the tag's range: the value must come back inside the limit by this much to clear. */
    deadbandPct: z.number().min(0).max(50),
    /** The condition must hold this long before the alarm activates. */
    onDelayS: z.number().min(0).max(3600),
    /** The condition must be gone this long before the alarm clears. */
    offDelayS: z.number().min(0).max(3600),
    /** Rate-of-change alarm when |Δ| per minute exceeds this % of range; absent = no ROC alarm. */
    rocPctPerMin: z.number().positive().optional(),
    /** Time constant (s) of the filter the rate of change is taken through, so noise alone never trips ROC; default 30 s. */
    rocFilterS: z.number().positive().max(3600).optional(),
    source: sourced,
  })
  .strict();

export const alarmSettingsSchema = z
  .object({
    measurement: z.partialRecord(z.enum(tagKinds), measurementSettingsSchema),
    /** Fallback for a measurement type without its own entry. */
    defaultMeasurement: measurementSettingsSchema,
    /** Priority per alarm kind, by measurement type, with a default row. */
    priorities: z
      .object({
        default: z.partialRecord(alarmKindSchema, prioritySchema),
        byKind: z.partialRecord(z.enum(tagKinds), z.partialRecord(alarmKindSchema, prioritySchema)),
        source: sourced,
      })
      .strict(),
    /** Alarm kinds that latch until reset. */
    latching: z.array(alarmKindSchema),
    /** A value older than this many sample periods is stale (BAD diagnostic alarm). */
    staleAfterPeriods: z.number().positive(),
    voting: z.object({ m: z.number().int().positive(), n: z.number().int().positive(), source: sourced }).strict(),
    shelving: z
      .object({
        byRole: z.partialRecord(roleSchema, z.object({ maxDurationS: z.number().positive(), maxCount: z.number().int().nonnegative() }).strict()),
        source: sourced,
      })
      .strict(),
    kpi: z
      .object({
        floodWindowS: z.number().positive(),
        floodEnter: z.number().int().positive(),
        floodExit: z.number().int().nonnegative(),
        chatterWindowS: z.number().positive(),
        chatterCycles: z.number().int().positive(),
        staleHours: z.number().positive(),
        source: sourced,
        /**
         * EEMUA 191 bands of the average annunciated rate per 10 min, as inclusive upper edges:
         * ≤ acceptable "very likely acceptable", ≤ manageable, ≤ overDemanding, above it unacceptable.
         */
        rateBands: z
          .object({ acceptable: z.number().nonnegative(), manageable: z.number().positive(), overDemanding: z.number().positive(), source: sourced })
          .strict()
          .refine((b) => b.acceptable < b.manageable && b.manageable < b.overDemanding, { message: 'band edges must rise' })
          .optional(),
        /** Target share (%) of annunciated alarms per group of priorities (ISA-18.2 ~80/15/5). */
        priorityMixTarget: z
          .object({ groups: z.array(z.object({ priorities: z.array(prioritySchema).min(1), pct: z.number().min(0).max(100) }).strict()).min(1), source: sourced })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict();
export type AlarmSettings = z.infer<typeof alarmSettingsSchema>;

/** SIS trip: when the trigger tag reaches its limit, the actions drive the plant to a safe state. */
export const interlockSchema = z
  .object({
    id,
    name: localText,
    area: id,
    equipment: id,
    /** SIL from the LOPA, when known. */
    sil: z.number().int().min(0).max(4).optional(),
    trigger: z.object({ tag: id, limit: z.enum(['HH', 'LL']) }).strict(),
    actions: z
      .array(
        z
          .object({
            /** The final element's position/speed tag (valve position %, agitator rpm). */
            tag: id,
            /** Safe-state value the simulator drives the tag to. */
            value: z.number().finite(),
            description: localText,
          })
          .strict(),
      )
      .min(1),
    source: sourced,
  })
  .strict();
export type Interlock = z.infer<typeof interlockSchema>;

export const riskGrades = ['blue', 'yellow', 'orange', 'red'] as const;
export const riskGradeSchema = z.enum(riskGrades);
/** 低 blue < 一般 yellow < 较大 orange < 重大 red. */
export type RiskGrade = z.infer<typeof riskGradeSchema>;

export const riskPointSchema = z
  .object({
    id,
    name: localText,
    area: id,
    /** Equipment in the risk unit; the unit's footprint on the map is the area's. */
    equipment: z.array(id),
    inherentGrade: riskGradeSchema,
    /** How the grade was set: e.g. LEC score, L×S, HAZOP node, LOPA scenario. */
    assessment: z.object({ method: z.enum(['LEC', 'LS', 'HAZOP', 'LOPA']), reference: z.string().min(1), score: z.number().optional() }).strict(),
    hazards: localText,
    controls: z.array(localText).min(1),
    source: sourced,
  })
  .strict();
export type RiskPoint = z.infer<typeof riskPointSchema>;

/** Roles of people who receive graded pushes; `maintenance` (instrument technicians) takes diagnostics. */
export const recipientRoles = ['field_operator', 'shift_lead', 'hse_manager', 'plant_manager', 'maintenance'] as const;
export const recipientRoleSchema = z.enum(recipientRoles);
export type RecipientRole = z.infer<typeof recipientRoleSchema>;

/** Who is told what and when (分级预警). Recipients are people by role and area. */
export const notificationPolicySchema = z
  .object({
    recipients: z
      .array(
        z
          .object({
            id,
            name: localText,
            role: recipientRoleSchema,
            /** Areas this person is responsible for; '*' for all. */
            areas: z.union([z.literal('*'), z.array(id)]),
            channels: z.array(z.enum(['console', 'webhook'])).min(1),
          })
          .strict(),
      )
      .min(1),
    rules: z
      .array(
        z
          .object({
            priorities: z.array(prioritySchema).min(1),
            /** Told at once. */
            notify: z.array(recipientRoleSchema).min(1),
            /** Told when the alarm is still unacknowledged after `afterS`. */
            escalate: z.array(z.object({ afterS: z.number().positive(), to: recipientRoleSchema }).strict()),
          })
          .strict(),
      )
      .min(1),
    /** Bursts to one recipient inside the window are sent as one consolidated message. */
    consolidation: z.object({ windowS: z.number().positive(), maxSingles: z.number().int().positive() }).strict(),
    source: sourced,
  })
  .strict();
export type NotificationPolicy = z.infer<typeof notificationPolicySchema>;
