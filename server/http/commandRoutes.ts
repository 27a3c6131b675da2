import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CommandName } from '../../shared/protocol/commands';
import { routes } from '../../shared/protocol/rest';
import type { ServerContext } from '../context';
import { requireUser, sendAck } from './ack';

/**
 * REST forms of commands. They run through the same CommandService as socket commands (same
 * validation, role check and idempotency); an `Idempotency-Key` header plays the request id.
 */
export function registerCommandRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const command = (path: string, name: CommandName, okStatus: number, bodyDefault?: unknown): void => {
    app.post(path, async (req, reply) => {
      const user = requireUser(ctx, req, reply);
      if (!user) return reply;
      const payload = req.body === undefined || req.body === null ? bodyDefault : req.body;
      const ack = ctx.commands.run(user, { id: requestId(req), name, payload });
      return sendAck(ctx, reply, ack, okStatus);
    });
  };
  command(routes.simInject, 'sim.inject', 201);
  command(routes.simClear, 'sim.clear', 200, {});
  command(routes.alarmAck, 'alarm.ack', 200);
  command(routes.alarmShelve, 'alarm.shelve', 200);
  command(routes.alarmUnshelve, 'alarm.unshelve', 200);
  command(routes.alarmReset, 'alarm.reset', 200);
  command(routes.alarmRemoveFromService, 'alarm.removeFromService', 200);
  command(routes.alarmReturnToService, 'alarm.returnToService', 200);
}

function requestId(req: FastifyRequest): string {
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && /^[\w.:-]{8,64}$/.test(key)) return key;
  return randomUUID();
}
