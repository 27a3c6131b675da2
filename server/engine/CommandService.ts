import type { z } from 'zod';
import { commandDefs, mayRun, type CommandName } from '../../shared/protocol/commands';
import { commandRequestSchema, fail, type Ack } from '../../shared/protocol/messages';
import type { AuthUser } from '../auth/authService';
import { describeZodError } from '../util/describeZodError';
import { LruMap } from './LruMap';

export type CommandPayload<N extends CommandName> = z.output<(typeof commandDefs)[N]['payload']>;
/** Handlers by command; a command without one is refused as not available on this server. */
export type CommandHandlers = { [N in CommandName]?: (payload: CommandPayload<N>, user: AuthUser) => Ack<unknown> };

export const IDEMPOTENCY_CAPACITY = 4096;

/**
 * Runs operator commands (socket `command` and the REST equivalents): validates the request
 * and payload against `commandDefs`, checks the role, and makes them idempotent by request id.
 * A repeat of an id that reached its handler returns the first result and does nothing; a
 * repeat under another command name is a `conflict`. Refusals before the handler (bad shape,
 * unknown command, forbidden) did nothing and are not remembered.
 */
export class CommandService {
  private readonly done: LruMap<string, { name: string; ack: Ack<unknown> }>;

  constructor(
    private readonly handlers: CommandHandlers,
    capacity = IDEMPOTENCY_CAPACITY,
  ) {
    this.done = new LruMap(capacity);
  }

  run(user: AuthUser, request: unknown): Ack<unknown> {
    const req = commandRequestSchema.safeParse(request);
    if (!req.success) return fail('bad_request', `malformed command: ${describeZodError(req.error)}`);
    const { id, name, payload } = req.data;
    if (!Object.hasOwn(commandDefs, name)) return fail('unknown_command', `unknown command "${name}"`);
    const cmd = name as CommandName;
    const key = `${user.name}\u0000${id}`;
    const prior = this.done.get(key);
    if (prior) {
      return prior.name === cmd ? prior.ack : fail('conflict', `request id ${id} was already used for ${prior.name}`);
    }
    if (!mayRun(user.role, cmd)) {
      return fail('forbidden', `role ${user.role} may not run ${cmd} (allowed: ${commandDefs[cmd].roles.join(', ')})`);
    }
    const parsed = commandDefs[cmd].payload.safeParse(payload);
    if (!parsed.success) return fail('bad_request', `invalid ${cmd} payload: ${describeZodError(parsed.error)}`);
    const handler = this.handlers[cmd] as ((p: unknown, u: AuthUser) => Ack<unknown>) | undefined;
    if (!handler) return fail('unknown_command', `${cmd} is not available on this server`);
    const ack = handler(parsed.data, user);
    this.done.set(key, { name: cmd, ack });
    return ack;
  }
}
