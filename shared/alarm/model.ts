import { z } from 'zod';
import { localText, vec3 } from '../plant/primitives';

/**
 * Alarm model (ISA-18.2 / IEC 62682). An alarm is one condition of one source: a limit of a
 * tag (HH/H/L/LL), its rate of change (ROC), its quality (BAD: bad or stale — a diagnostic),
 * a detector group's 2-out-of-3 vote (CONFIRMED) or an interlock trip (TRIP).
 * People safety (docs/people.md) adds alarms about a person (source = the person's id):
 * MAN_DOWN (no movement, or SOS), RESTRICTED (in a restricted zone unauthorised),
 * LONE_WORKER, SIGNAL_LOST and LOW_BATTERY (the badge); and about a place: CROWDING (source
 * `CROWD.<area>`) and CONFINED (source = the confined space's id).
 * Alarm id: `<source>:<kind>`, e.g. `R-104.PI-01:HH`, `GRP-TK-204-A:CONFIRMED`, `SIS-R-104-P:TRIP`,
 * `P-0042:MAN_DOWN`.
 */

/** 1 is the highest. Each has one reserved colour AND a shape, so colour is never the only cue. */
export const priorities = [1, 2, 3, 4] as const;
export const prioritySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Priority = z.infer<typeof prioritySchema>;

export const alarmKinds = ['HH', 'H', 'L', 'LL', 'ROC', 'BAD', 'CONFIRMED', 'TRIP', 'MAN_DOWN', 'RESTRICTED', 'CROWDING', 'LONE_WORKER', 'SIGNAL_LOST', 'LOW_BATTERY', 'CONFINED'] as const;
export const alarmKindSchema = z.enum(alarmKinds);
export type AlarmKind = z.infer<typeof alarmKindSchema>;

/**
 * Lifecycle flags (DOMAIN.md §1). The condition (`active`) keeps being evaluated whatever the
 * shelving, suppression or service state: those only hide the alarm and silence it.
 */
export const alarmLifecycleSchema = z
  .object({
    /** The alarm condition is present now. */
    active: z.boolean(),
    acked: z.boolean(),
    /** Latching alarms stay latched after they clear until reset. */
    latched: z.boolean(),
    shelved: z.object({ until: z.number(), reason: z.string().min(1), by: z.string(), at: z.number() }).strict().nullable(),
    /** Suppressed by design: logic, e.g. the unit is shut down. */
    suppressed: z.boolean(),
    outOfService: z.object({ reason: z.string().min(1), by: z.string(), at: z.number() }).strict().nullable(),
  })
  .strict();
export type AlarmLifecycle = z.infer<typeof alarmLifecycleSchema>;

/** ISA-18.2 states A–H, derived from the flags (never stored). */
export type AlarmDisplayState = 'normal' | 'unacked' | 'acked' | 'rtn_unacked' | 'latched' | 'shelved' | 'suppressed' | 'out_of_service';

export const normalLifecycle: AlarmLifecycle = Object.freeze({
  active: false,
  acked: true,
  latched: false,
  shelved: null,
  suppressed: false,
  outOfService: null,
}) as AlarmLifecycle;

/** One alarm as consoles see it. Static fields repeat in every event so each event stands alone. */
export const alarmRecordSchema = z
  .object({
    id: z.string().min(1),
    kind: alarmKindSchema,
    /** The tag, detector group or interlock this alarm belongs to. */
    source: z.string().min(1),
    area: z.string(),
    equipment: z.string().nullable(),
    priority: prioritySchema,
    position: vec3,
    message: localText,
    lifecycle: alarmLifecycleSchema,
    /** Value and limit at the last transition (null for diagnostics and trips). */
    value: z.number().nullable(),
    limit: z.number().nullable(),
    unit: z.string().nullable(),
    /** When the condition last became active. */
    activatedAt: z.number().nullable(),
    lastChange: z.number(),
  })
  .strict();
export type AlarmRecord = z.infer<typeof alarmRecordSchema>;

export const alarmCauses = [
  'activate',
  'clear',
  'ack',
  'reset',
  'shelve',
  'unshelve',
  'shelve_expired',
  'suppress',
  'unsuppress',
  'remove_from_service',
  'return_to_service',
] as const;
export const alarmCauseSchema = z.enum(alarmCauses);
export type AlarmCause = z.infer<typeof alarmCauseSchema>;
