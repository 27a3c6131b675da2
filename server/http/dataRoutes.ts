import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail, ok } from '../../shared/protocol/messages';
import { routes, type Recent } from '../../shared/protocol/rest';
import type { ServerContext } from '../context';
import { describeZodError } from '../util/describeZodError';
import { requireUser, sendAck } from './ack';

export const JOURNAL_PAGE_MAX = 5000;

const journalQuery = z
  .object({
    after: z.coerce.number().int().nonnegative().default(0),
    limit: z.coerce.number().int().min(1).max(JOURNAL_PAGE_MAX).default(500),
  })
  .strict();
const recentQuery = z.object({ seconds: z.coerce.number().int().min(1).max(600).default(600) }).strict();

/** Journal pages and the recent window of a tag; any signed-in user. */
export function registerDataRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(routes.journal, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = journalQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const events = ctx.engine.eventsPage(q.data.after, q.data.limit);
    return sendAck(ctx, reply, ok({ events, lastSeq: ctx.engine.seq }));
  });

  app.get<{ Params: { id: string } }>(`${routes.tagRecent(':id').replace('%3Aid', ':id')}`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = recentQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const index = ctx.tagIndex.get(req.params.id);
    if (index === undefined) return sendAck(ctx, reply, fail('not_found', `unknown tag "${req.params.id.slice(0, 80)}"`));
    const series = ctx.recent.read(index, q.data.seconds, ctx.clock.now());
    const body: Recent = { tag: req.params.id, index, ...series };
    return sendAck(ctx, reply, ok(body));
  });
}
