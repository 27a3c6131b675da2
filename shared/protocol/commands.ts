import { z } from 'zod';
import { injectionSchema } from './injection';
import type { Role } from './roles';

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
} as const satisfies Record<string, { payload: z.ZodType; roles: readonly Role[] }>;

export type CommandName = keyof typeof commandDefs;
export const commandNames = Object.keys(commandDefs) as CommandName[];

export function mayRun(role: Role, name: CommandName): boolean {
  return (commandDefs[name].roles as readonly Role[]).includes(role);
}
