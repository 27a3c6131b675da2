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
} as const satisfies Record<string, { payload: z.ZodType; roles: readonly Role[] }>;

export type CommandName = keyof typeof commandDefs;
export const commandNames = Object.keys(commandDefs) as CommandName[];

export function mayRun(role: Role, name: CommandName): boolean {
  return (commandDefs[name].roles as readonly Role[]).includes(role);
}
