import type { FastifyInstance } from 'fastify';
import { fail, ok } from '../../shared/protocol/messages';
import { robotFindingsQuerySchema, robotRoutes } from '../../shared/robots/rest';
import type { RobotFinding } from '../../shared/robots/model';
import type { ServerContext } from '../context';
import { requireUser, sendAck } from '../http/ack';
import { describeZodError } from '../util/describeZodError';
import type { RobotService } from './RobotService';

const DAY_MS = 86_400_000;

/**
 * Robots REST (docs/robots.md §REST), any signed-in user: every robot's definition and live
 * status with the standards, one robot, and the findings journaled in a time window.
 */
export function registerRobotRoutes(app: FastifyInstance, ctx: ServerContext, robots: RobotService): void {
  app.get(robotRoutes.robots, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const now = ctx.clock.now();
    return sendAck(ctx, reply, ok({ time: now, robots: robots.views(now), standards: robots.file.standards }));
  });

  // Registered before `/robots/:id`; fastify also prefers the static path.
  app.get(robotRoutes.findings, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = robotFindingsQuerySchema.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const to = q.data.to ?? ctx.clock.now() + 1;
    const from = q.data.from ?? to - DAY_MS;
    if (!(from < to)) return sendAck(ctx, reply, fail('bad_request', 'invalid query: from must be before to'));
    const events = ctx.engine.eventsInTime('robot.finding', from, to, 0, q.data.limit + 1);
    const findings: RobotFinding[] = [];
    for (const e of events.slice(0, q.data.limit)) if (e.type === 'robot.finding') findings.push(e.payload.finding);
    return sendAck(ctx, reply, ok({ from, to, findings, truncated: events.length > q.data.limit }));
  });

  app.get<{ Params: { id: string } }>(`${robotRoutes.robots}/:id`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const v = robots.view(req.params.id);
    if (!v) return sendAck(ctx, reply, fail('not_found', `unknown robot "${req.params.id.slice(0, 80)}" / 未知机器人`));
    return sendAck(ctx, reply, ok(v));
  });
}
