import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail } from '../../shared/protocol/messages';
import type { ServerContext } from '../context';
import { requireUser, sendAck } from '../http/ack';
import { describeZodError } from '../util/describeZodError';
import type { EmergencyService } from './EmergencyService';
import { knownNeeds } from './ResourceBook';

export const emergencyRoutes = {
  resources: '/api/v1/resources',
  candidates: '/api/v1/incidents/:id/dispatch/candidates',
} as const;

const candidatesQuery = z.object({ need: z.string().min(1).max(40).optional() }).strict();

/**
 * Emergency resources and dispatch recommendations (docs/incidents.md), any signed-in user.
 * Dispatching, cancelling and restocking are commands (`dispatch.create`, `dispatch.cancel`,
 * `resource.restock`, POST /api/v1/commands or the socket).
 */
export function registerEmergencyRoutes(app: FastifyInstance, ctx: ServerContext, svc: EmergencyService): void {
  app.get(emergencyRoutes.resources, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    return sendAck(ctx, reply, svc.resources());
  });
  app.get<{ Params: { id: string } }>(emergencyRoutes.candidates, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = candidatesQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    if (q.data.need !== undefined && !knownNeeds.includes(q.data.need)) return sendAck(ctx, reply, fail('bad_request', `unknown need "${q.data.need}" (known: ${knownNeeds.join(', ')})`));
    return sendAck(ctx, reply, svc.candidates(req.params.id, q.data.need));
  });
}
