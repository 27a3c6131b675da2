import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail, ok } from '../../shared/protocol/messages';
import { API_PREFIX } from '../../shared/protocol/rest';
import type { ServerContext } from '../context';
import { requireUser, sendAck } from '../http/ack';
import { describeZodError } from '../util/describeZodError';
import type { PeopleService } from './PeopleService';

/** GET ?x&y&radius[&from&to&floor] → who came within `radius` m of (x, y), each with their closest approach. */
export const POSITIONS_NEAR_ROUTE = `${API_PREFIX}/positions/near`;
/** Largest radius, m, and longest time range, ms, one `near` query may ask for. */
export const NEAR_MAX_RADIUS_M = 1000;
export const NEAR_MAX_RANGE_MS = 31 * 86_400_000;

const num = z.coerce.number().finite();
const nearQuery = z
  .object({
    x: num,
    y: num,
    radius: num.positive().max(NEAR_MAX_RADIUS_M),
    from: num.optional(),
    to: num.optional(),
    floor: z.coerce.number().int().min(0).max(255).optional(),
  })
  .strict();

const round2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * Traceability from the persisted position history (docs/people.md "Position history"): who
 * was near a point between two instants — an incident's place, a leak — each person with the
 * closest fix, and their first and last fix inside the radius. Any signed-in user (the same
 * audience as a person's positions). Needs the data folder's store; without one the answer is
 * `unavailable`.
 */
export function registerPositionRoutes(app: FastifyInstance, ctx: ServerContext, people: PeopleService): void {
  app.get(POSITIONS_NEAR_ROUTE, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = nearQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const to = q.data.to ?? ctx.clock.now();
    const from = q.data.from ?? to - 3_600_000;
    if (!(from <= to)) return sendAck(ctx, reply, fail('bad_request', 'invalid query: from must not be after to'));
    if (to - from > NEAR_MAX_RANGE_MS) return sendAck(ctx, reply, fail('bad_request', `invalid query: at most ${NEAR_MAX_RANGE_MS / 86_400_000} days at once`));
    if (!people.store) return sendAck(ctx, reply, fail('not_found', 'position history is not persisted on this server / 本服务器未保存位置历史'));
    const { x, y, radius } = q.data;
    const floor = q.data.floor ?? null;
    const hits = people.store.near(x, y, radius, from, to, floor);
    const list = hits.map((h) => {
      const i = people.registry.indexOf(h.person);
      const p = i === undefined ? undefined : people.registry.people[i];
      return { ...h, distance: round2(h.distance), name: p?.name ?? null, role: p?.role ?? null, team: p?.team ?? null };
    });
    return sendAck(ctx, reply, ok({ x, y, radius, from, to, floor, count: list.length, people: list }));
  });
}
