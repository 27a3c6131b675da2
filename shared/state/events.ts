import { z } from 'zod';
import { injectionSchema } from '../protocol/injection';
import { alarmCauseSchema, alarmRecordSchema } from '../alarm/model';
import { riskGradeSchema } from '../plant/alarmConfig';
import { localText, vec3 } from '../plant/primitives';
import { hazardActions, hazardRecordSchema } from '../hazard/model';
import { inspectionTaskSchema } from '../hazard/inspection';
import { robotFindingSchema, robotStateSchema } from '../robots/model';
import { incidentActions, incidentRecordSchema } from '../incident/model';
import { dispatchRecordSchema, materialKindSchema } from '../incident/resources';
import { drillRecordSchema, drillScoreSchema } from '../drill/scenario';
import { evacuationNoticeSchema, incidentZonesSchema, musterStatusSchema, peopleAtRiskSchema } from '../incident/threat';

/**
 * Journal events: every change to command state is one of these, appended by the server with
 * a sequence number, a time and an actor, and reduced by `reduce` everywhere (server, live
 * console, replay). Later capabilities add variants here; a variant's payload never changes
 * meaning once released — add a new type instead.
 */

/** A consolidated notice of a flood names this many alarms, not all ten thousand. */
export const NOTICE_ID_LIMIT = 100;

const bandEnum = z.enum(['normal', 'h', 'hh', 'l', 'll', 'bad']);

export const eventBodySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('system.started'),
    payload: z.object({ version: z.string(), plantId: z.string(), plantHash: z.string(), seed: z.number(), mode: z.enum(['simulator', 'live']) }),
  }),
  z.object({
    type: z.literal('tag.band.changed'),
    payload: z.object({ tag: z.string(), from: bandEnum, to: bandEnum, value: z.number().nullable() }),
  }),
  z.object({
    type: z.literal('sim.injection.started'),
    payload: z.object({ injectionId: z.string(), injection: injectionSchema, until: z.number().nullable() }),
  }),
  z.object({
    type: z.literal('sim.injection.ended'),
    payload: z.object({ injectionId: z.string(), reason: z.enum(['cleared', 'expired']) }),
  }),
  z.object({
    /** One alarm transition; `alarm` is the whole record after it. */
    type: z.literal('alarm.changed'),
    payload: z.object({ alarm: alarmRecordSchema, cause: alarmCauseSchema, note: z.string().max(500).optional() }),
  }),
  z.object({
    /** A graded push delivered (or failed) to one recipient on one channel; `step` 0 = first notice, ≥1 = escalation. */
    type: z.literal('alarm.notified'),
    payload: z.object({
      /** At most NOTICE_ID_LIMIT ids; `alarmCount` says how many alarms the notice covers in all. */
      alarmIds: z.array(z.string()).min(1).max(NOTICE_ID_LIMIT),
      alarmCount: z.number().int().positive().optional(),
      recipient: z.string(),
      channel: z.enum(['console', 'webhook']),
      step: z.number().int().nonnegative(),
      consolidated: z.boolean(),
      delivered: z.boolean(),
      error: z.string().optional(),
    }),
  }),
  z.object({
    type: z.literal('interlock.tripped'),
    payload: z.object({ interlockId: z.string(), equipment: z.string(), area: z.string(), tag: z.string(), value: z.number().nullable() }),
  }),
  z.object({
    type: z.literal('interlock.reset'),
    payload: z.object({ interlockId: z.string() }),
  }),
  z.object({
    type: z.literal('interlock.bypass.changed'),
    payload: z.object({ interlockId: z.string(), bypassed: z.boolean(), reason: z.string().max(500).optional() }),
  }),
  z.object({
    /** A risk unit's current four-colour grade moved away from (or back to) its inherent grade. */
    type: z.literal('risk.grade.changed'),
    payload: z.object({ riskId: z.string(), area: z.string(), inherent: riskGradeSchema, current: riskGradeSchema, reasons: z.array(localText) }),
  }),
  z.object({
    /** Alarm flood (ISA-18.2: > 10 alarms in 10 min per console) started or ended. */
    type: z.literal('alarm.flood.changed'),
    payload: z.object({ flooding: z.boolean(), ratePer10Min: z.number().nonnegative() }),
  }),
  z.object({
    /**
     * Someone entered or left a restricted zone or a confined space (docs/people.md). Positions
     * themselves never enter the journal: they travel on the positions lane.
     */
    type: z.literal('people.zone.changed'),
    payload: z.object({
      zone: z.string(),
      zoneKind: z.enum(['restricted', 'confined']),
      person: z.string(),
      entered: z.boolean(),
      /** Whether the person may be there (role, name or a valid qualification). */
      authorised: z.boolean(),
      area: z.string().nullable(),
      position: vec3,
      /** Time of the fix that showed it. */
      fixTime: z.number(),
    }),
  }),
  z.object({
    /** People on site per area, when it changed, at most every `occupancyJournalS` (live counts travel in positions frames). */
    type: z.literal('people.occupancy.changed'),
    payload: z.object({
      areas: z.record(z.string(), z.number().int().nonnegative()),
      /** On site in no area (roads, gates). */
      roads: z.number().int().nonnegative(),
      onSite: z.number().int().nonnegative(),
    }),
  }),
  z.object({
    /** A certificate or course of a person expires within the reminder window, or has expired; once per record and state. */
    type: z.literal('people.qualification.reminder'),
    payload: z.object({
      person: z.string(),
      qualification: z.string(),
      expires: z.string(),
      daysLeft: z.number().int(),
      state: z.enum(['expiring', 'expired']),
    }),
  }),
  z.object({
    /** The personnel registry took an import from the training system. */
    type: z.literal('people.registry.imported'),
    payload: z.object({
      format: z.enum(['csv', 'json']),
      people: z.number().int().nonnegative(),
      qualifications: z.number().int().nonnegative(),
      registryVersion: z.number().int().nonnegative(),
    }),
  }),
  z.object({
    /** An inspection robot changed state (patrolling, measuring, returning, charging, investigating, fault, offline); positions travel in `robots` messages. */
    type: z.literal('robot.state.changed'),
    payload: z.object({ robot: z.string(), from: robotStateSchema, to: robotStateSchema, batteryPct: z.number().min(0).max(100), position: vec3, reason: z.string().max(300).optional() }),
  }),
  z.object({
    /** A robot's reading broke its standard (docs/robots.md); a hazard work order follows as `hazard.changed`. */
    type: z.literal('robot.finding'),
    payload: z.object({ finding: robotFindingSchema }),
  }),
  z.object({
    /** One hidden-hazard work order transition (docs/hazards.md); `hazard` is the whole record after it. */
    type: z.literal('hazard.changed'),
    payload: z.object({ hazard: hazardRecordSchema, action: z.enum(hazardActions), note: z.string().max(2000).optional() }),
  }),
  z.object({
    /** A scheduled inspection task fell due, was done or was missed; `task` is the whole record after it. */
    type: z.literal('inspection.task.changed'),
    payload: z.object({ task: inspectionTaskSchema }),
  }),
  z.object({
    /** One incident transition (docs/incidents.md); `incident` is the whole record after it. */
    type: z.literal('incident.changed'),
    payload: z.object({ incident: incidentRecordSchema, action: z.enum(incidentActions), note: z.string().max(2000).optional() }),
  }),
  z.object({
    /** The incident's threat zones were (re)computed: new source, or the wind changed. */
    type: z.literal('incident.zones.changed'),
    payload: incidentZonesSchema,
  }),
  z.object({
    /** Who is inside the threat zones changed. */
    type: z.literal('incident.risk.changed'),
    payload: peopleAtRiskSchema,
  }),
  z.object({
    /** Evacuation notices pushed to people, each with their muster point. */
    type: z.literal('incident.notice.sent'),
    payload: evacuationNoticeSchema,
  }),
  z.object({
    /** Muster board: counts changed, or 90 % / 100 % reached. */
    type: z.literal('muster.changed'),
    payload: musterStatusSchema,
  }),
  z.object({
    /** A dispatch was created, arrived, was cancelled …; `dispatch` is the whole record after it. */
    type: z.literal('dispatch.changed'),
    payload: z.object({ dispatch: dispatchRecordSchema }),
  }),
  z.object({
    /** Stock of one material at one stock point changed (dispatch took it, restocked). */
    type: z.literal('resource.stock.changed'),
    payload: z.object({ point: z.string(), kind: materialKindSchema, quantity: z.number().int().nonnegative(), expires: z.string().nullable(), reason: z.string().max(300) }),
  }),
  z.object({
    /** A stock item fell below its minimum, expires within the warning window, or expired; `cleared` when it no longer does. */
    type: z.literal('resource.alert'),
    payload: z.object({ point: z.string(), kind: materialKindSchema, alert: z.enum(['below_min', 'expiring', 'expired']), cleared: z.boolean(), quantity: z.number().int().nonnegative(), expires: z.string().nullable() }),
  }),
  z.object({
    /** A drill started, paused, resumed, announced, completed or was stopped; `drill` is the whole record after it. */
    type: z.literal('drill.changed'),
    payload: z.object({ drill: drillRecordSchema, action: z.enum(['start', 'pause', 'resume', 'step', 'announce', 'complete', 'stop']), note: z.string().max(2000).optional() }),
  }),
  z.object({
    /** The score card of a finished drill, computed from its recording. */
    type: z.literal('drill.scored'),
    payload: drillScoreSchema,
  }),
  z.object({
    type: z.literal('user.signed_in'),
    payload: z.object({ user: z.string(), role: z.string(), via: z.enum(['password', 'token', 'local']) }),
  }),
]);

export const journalEventSchema = z.intersection(
  z.object({
    seq: z.number().int().positive(),
    time: z.number(),
    /** User name, or "system". */
    actor: z.string().min(1),
  }),
  eventBodySchema,
);

export type EventBody = z.infer<typeof eventBodySchema>;
export type JournalEvent = z.infer<typeof journalEventSchema>;
export type EventType = EventBody['type'];
