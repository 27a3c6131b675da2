import { z } from 'zod';
import { injectionSchema } from './injection';
import type { Role } from './roles';
import { hazardCategorySchema, hazardGradeSchema, nearMissSchema, rectificationPlanSchema } from '../hazard/model';
import { localText, plantId, vec3 } from '../plant/primitives';
import { agencySchema, icsRoleSchema, incidentTypeSchema, responseLevelSchema } from '../incident/model';
import { materialKindSchema } from '../incident/resources';

const incidentId = z.string().min(1).max(64);
const COMMAND = ['commander', 'admin'] as const;
const INCIDENT_STAFF = ['shift_lead', 'commander', 'drill_coordinator', 'admin'] as const;

const hazardId = z.string().min(1).max(64);
const LEADS = ['shift_lead', 'commander', 'admin'] as const;
/** Hazard rectification: the assignee's linked account (any of these roles), or a lead on their behalf (checked by the server). */
const RECTIFIERS = ['operator', 'shift_lead', 'commander', 'admin'] as const;

/**
 * Operator commands: name → payload schema and who may run it. The server checks every
 * command against this table; consoles use it to disable what the user can't do.
 */
export const commandDefs = {
  'sim.inject': {
    payload: injectionSchema,
    roles: ['drill_coordinator', 'admin'],
  },
  'sim.clear': {
    payload: z.object({ injectionId: z.string().min(1).optional() }).strict(),
    roles: ['drill_coordinator', 'admin'],
  },
  /** Acknowledge one alarm or a page of them (≤ 500), with an optional note. */
  'alarm.ack': {
    payload: z.object({ alarmIds: z.array(z.string().min(1).max(200)).min(1).max(500), note: z.string().max(500).optional() }).strict(),
    roles: ['operator', 'shift_lead', 'commander', 'drill_coordinator', 'admin'],
  },
  /** Shelve for a time with a reason; the per-role maximum duration and count come from alarm settings. */
  'alarm.shelve': {
    payload: z.object({ alarmId: z.string().min(1).max(200), durationS: z.number().int().positive().max(7 * 86_400), reason: z.string().trim().min(3).max(500) }).strict(),
    roles: ['operator', 'shift_lead', 'commander', 'admin'],
  },
  'alarm.unshelve': {
    payload: z.object({ alarmId: z.string().min(1).max(200) }).strict(),
    roles: ['operator', 'shift_lead', 'commander', 'admin'],
  },
  /** Reset a latched alarm whose condition has cleared. */
  'alarm.reset': {
    payload: z.object({ alarmId: z.string().min(1).max(200), note: z.string().max(500).optional() }).strict(),
    roles: ['operator', 'shift_lead', 'commander', 'admin'],
  },
  /** Out of service for maintenance (ISA-18.2 state H), and back. */
  'alarm.removeFromService': {
    payload: z.object({ alarmId: z.string().min(1).max(200), reason: z.string().trim().min(3).max(500) }).strict(),
    roles: ['shift_lead', 'admin'],
  },
  'alarm.returnToService': {
    payload: z.object({ alarmId: z.string().min(1).max(200) }).strict(),
    roles: ['shift_lead', 'admin'],
  },
  /** Bypass (or restore) an interlock; a bypass raises the unit's risk grade while it lasts. */
  'interlock.bypass': {
    payload: z.object({ interlockId: z.string().min(1).max(200), bypassed: z.boolean(), reason: z.string().trim().min(3).max(500).optional() }).strict(),
    roles: ['shift_lead', 'admin'],
  },
  /** Reset a tripped interlock once its trigger has cleared. */
  'interlock.reset': {
    payload: z.object({ interlockId: z.string().min(1).max(200) }).strict(),
    roles: ['operator', 'shift_lead', 'commander', 'admin'],
  },
  /**
   * Report a hidden hazard by hand, or a near miss (未遂事故, `nearMiss` given). Position, area or
   * equipment locate it; the server fills in what it can (area from position, position from equipment).
   */
  'hazard.report': {
    payload: z
      .object({
        title: z.union([z.string().trim().min(3).max(200), localText]),
        description: z.string().max(4000).default(''),
        category: hazardCategorySchema.default('other'),
        area: plantId.optional(),
        equipment: plantId.optional(),
        position: vec3.optional(),
        nearMiss: nearMissSchema.optional(),
      })
      .strict(),
    roles: ['operator', 'shift_lead', 'commander', 'drill_coordinator', 'admin'],
  },
  /** Grade it (一般/重大); a major hazard needs its rectification plan before it can be assigned. */
  'hazard.assess': {
    payload: z.object({ hazardId, grade: hazardGradeSchema, category: hazardCategorySchema.optional(), plan: rectificationPlanSchema.optional(), note: z.string().max(2000).optional() }).strict(),
    roles: LEADS,
  },
  /** Assign (or reassign) the responsible person (registry id) and the deadline (epoch ms, in the future). */
  'hazard.assign': {
    payload: z.object({ hazardId, assignee: plantId, deadline: z.number().int().positive(), note: z.string().max(2000).optional() }).strict(),
    roles: LEADS,
  },
  /** The assignee starts rectifying. */
  'hazard.start': {
    payload: z.object({ hazardId, note: z.string().max(2000).optional() }).strict(),
    roles: RECTIFIERS,
  },
  /** The assignee reports the rectification done: it goes to verification. */
  'hazard.submit': {
    payload: z.object({ hazardId, note: z.string().trim().min(3).max(2000) }).strict(),
    roles: RECTIFIERS,
  },
  /** Verification (验收): passed closes it (销号), failed sends it back to rectifying. Never by the rectifier. */
  'hazard.verify': {
    payload: z.object({ hazardId, passed: z.boolean(), note: z.string().trim().min(3).max(2000) }).strict(),
    roles: LEADS,
  },
  /** Not a hazard (duplicate, false finding): closed with a reason. */
  'hazard.dismiss': {
    payload: z.object({ hazardId, reason: z.string().trim().min(3).max(2000) }).strict(),
    roles: LEADS,
  },
  /** Complete a scheduled inspection task: a failed check reports a hazard (source `inspection`). */
  'inspection.complete': {
    payload: z
      .object({
        taskId: z.string().min(1).max(200),
        results: z.array(z.object({ check: plantId, ok: z.boolean(), note: z.string().max(1000).optional() }).strict()).min(1).max(100),
      })
      .strict(),
    roles: RECTIFIERS,
  },
  /** Send a robot to one of its route's checkpoints now (state `investigating`), then it resumes its patrol. */
  'robot.goto': {
    payload: z.object({ robotId: plantId, checkpoint: plantId }).strict(),
    roles: LEADS,
  },
  /** Open an incident by hand (alarms and trips open them by themselves). */
  'incident.open': {
    payload: z
      .object({
        type: incidentTypeSchema,
        level: responseLevelSchema.optional(),
        title: z.union([z.string().trim().min(3).max(200), localText]),
        position: vec3.optional(),
        area: plantId.optional(),
        equipment: plantId.optional(),
        chemical: plantId.optional(),
        rateKgS: z.number().positive().max(1e4).optional(),
        heightM: z.number().min(0).max(500).optional(),
        note: z.string().max(2000).optional(),
      })
      .strict(),
    roles: ['operator', 'shift_lead', 'commander', 'drill_coordinator', 'admin'],
  },
  /** Raise or lower the response level, with the reason. */
  'incident.setLevel': {
    payload: z.object({ incidentId, level: responseLevelSchema, reason: z.string().trim().min(3).max(1000) }).strict(),
    roles: COMMAND,
  },
  /** Assign an ICS role to a registry person (null clears it). */
  'incident.assignRole': {
    payload: z.object({ incidentId, role: icsRoleSchema, person: plantId.nullable() }).strict(),
    roles: COMMAND,
  },
  /** Mark a plan step done or skipped. */
  'incident.step': {
    payload: z.object({ incidentId, step: plantId, state: z.enum(['done', 'skipped']), note: z.string().max(2000).optional() }).strict(),
    roles: INCIDENT_STAFF,
  },
  /** Record a decision or observation in the significant-events log. */
  'incident.log': {
    payload: z.object({ incidentId, note: z.string().trim().min(1).max(2000) }).strict(),
    roles: INCIDENT_STAFF,
  },
  /** Correct the release being modelled: position, rate, height, chemical. */
  'incident.setSource': {
    payload: z.object({ incidentId, position: vec3.optional(), chemical: plantId.optional(), rateKgS: z.number().positive().max(1e4).optional(), heightM: z.number().min(0).max(500).optional() }).strict(),
    roles: COMMAND,
  },
  /** Order evacuation: notices go to the people in the zones (or the areas), each with an upwind/crosswind muster point; the muster board starts. */
  'incident.evacuate': {
    payload: z.object({ incidentId, areas: z.union([z.literal('*'), z.literal('zones'), z.array(plantId).min(1)]).default('zones'), note: z.string().max(2000).optional() }).strict(),
    roles: COMMAND,
  },
  /** Log a notification to an external agency. */
  'incident.notifyAgency': {
    payload: z.object({ incidentId, agency: agencySchema, channel: z.string().trim().min(2).max(60), note: z.string().max(1000).optional() }).strict(),
    roles: INCIDENT_STAFF,
  },
  'incident.contain': {
    payload: z.object({ incidentId, note: z.string().trim().min(3).max(2000) }).strict(),
    roles: COMMAND,
  },
  'incident.close': {
    payload: z.object({ incidentId, note: z.string().trim().min(3).max(2000) }).strict(),
    roles: COMMAND,
  },
  /** Dispatch a team or vehicle (the commander confirms a recommendation, or picks another unit). */
  'dispatch.create': {
    payload: z.object({ incidentId, unit: plantId, need: z.string().min(1).max(40), target: vec3.optional() }).strict(),
    roles: COMMAND,
  },
  'dispatch.cancel': {
    payload: z.object({ dispatchId: z.string().min(1).max(64), reason: z.string().trim().min(3).max(500) }).strict(),
    roles: COMMAND,
  },
  /** Restock (or correct) a material at a stock point. */
  'resource.restock': {
    payload: z.object({ point: plantId, kind: materialKindSchema, quantity: z.number().int().nonnegative().max(100_000), expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(),
    roles: ['shift_lead', 'commander', 'admin'],
  },
  /** Start a drill from a scenario in resources/scenarios (docs/drills.md); every console shows the DRILL banner. */
  'drill.start': {
    payload: z.object({ scenario: plantId, note: z.string().max(2000).optional() }).strict(),
    roles: ['drill_coordinator', 'admin'],
  },
  'drill.pause': {
    payload: z.object({ note: z.string().max(2000).optional() }).strict(),
    roles: ['drill_coordinator', 'admin'],
  },
  'drill.resume': {
    payload: z.object({}).strict(),
    roles: ['drill_coordinator', 'admin'],
  },
  /** Stop the running drill early: its injections are cleared and it is scored as it stands. */
  'drill.stop': {
    payload: z.object({ note: z.string().max(2000).optional() }).strict(),
    roles: ['drill_coordinator', 'admin'],
  },
} as const satisfies Record<string, { payload: z.ZodType; roles: readonly Role[] }>;

export type CommandName = keyof typeof commandDefs;
export const commandNames = Object.keys(commandDefs) as CommandName[];

export function mayRun(role: Role, name: CommandName): boolean {
  return (commandDefs[name].roles as readonly Role[]).includes(role);
}
