import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail, ok } from '../../shared/protocol/messages';
import type { ServerContext } from '../context';
import { stateAt, StateNotAvailableError } from '../replay/stateAt';
import type { JournalRepo, SnapshotRepo } from '../store/types';
import { describeZodError } from '../util/describeZodError';
import { requireUser, sendAck } from './ack';

export const STATE_ROUTE = '/api/v1/state';

const stateQuery = z
  .object({
    at: z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
    seq: z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict()
  .refine((q) => q.at !== undefined || q.seq !== undefined, { message: 'give at=<epoch ms> and/or seq=<n>' });

/**
 * `GET /api/v1/state?at=<ms>[&seq=<n>]`: the reducer state at an instant, rebuilt from the
 * nearest snapshot and the journal (all events with time ≤ at and seq ≤ seq). Any signed-in user.
 */
export function registerStateRoutes(app: FastifyInstance, ctx: ServerContext, repos: { journal: JournalRepo; snapshots: SnapshotRepo }): void {
  app.get(STATE_ROUTE, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = stateQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    try {
      const { at, seq } = q.data;
      return sendAck(ctx, reply, ok(stateAt(repos, { ...(at !== undefined ? { at } : {}), ...(seq !== undefined ? { seq } : {}) })));
    } catch (err) {
      if (err instanceof StateNotAvailableError) return sendAck(ctx, reply, fail('not_found', err.message));
      throw err;
    }
  });
}
