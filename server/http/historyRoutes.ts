import type { FastifyInstance } from 'fastify';
import { HISTORY_DEFAULT_POINTS, HISTORY_DEFAULT_RANGE_MS, HISTORY_MAX_POINTS, HISTORY_MAX_RANGE_MS, historyQuerySchema } from '../../shared/historian/historySchema';
import { fail, ok } from '../../shared/protocol/messages';
import { API_PREFIX } from '../../shared/protocol/rest';
import type { ServerContext } from '../context';
import type { Historian } from '../historian/Historian';
import { queryHistory } from '../historian/queryHistory';
import { describeZodError } from '../util/describeZodError';
import { requireUser, sendAck } from './ack';

/**
 * `GET /api/v1/tags/:id/history?from&to&maxPoints` — a tag's history from the historian, at most
 * maxPoints points (docs/protocol.md, "Tag history"); any signed-in user. `to` defaults to now,
 * `from` to an hour before `to`, maxPoints to 1,000 (larger values are clamped to 10,000).
 */
export function registerHistoryRoutes(app: FastifyInstance, ctx: ServerContext, historian: Historian): void {
  app.get<{ Params: { id: string } }>(`${API_PREFIX}/tags/:id/history`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = historyQuerySchema.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const to = q.data.to ?? ctx.clock.now();
    const from = q.data.from ?? Math.max(0, to - HISTORY_DEFAULT_RANGE_MS);
    if (from > to) return sendAck(ctx, reply, fail('bad_request', `from (${from}) is after to (${to})`));
    if (to - from > HISTORY_MAX_RANGE_MS) return sendAck(ctx, reply, fail('bad_request', `range longer than ${HISTORY_MAX_RANGE_MS} ms`));
    const index = ctx.tagIndex.get(req.params.id);
    if (index === undefined) return sendAck(ctx, reply, fail('not_found', `unknown tag "${req.params.id.slice(0, 80)}"`));
    const maxPoints = Math.min(q.data.maxPoints ?? HISTORY_DEFAULT_POINTS, HISTORY_MAX_POINTS);
    return sendAck(ctx, reply, ok(queryHistory(historian, { tag: req.params.id, index, from, to, maxPoints }, ctx.clock.now())));
  });
}
