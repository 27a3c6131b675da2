import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { drillRoutes, type DrillDetail } from '../../shared/drill/drillApi';
import { fail, ok } from '../../shared/protocol/messages';
import type { CommandName } from '../../shared/protocol/commands';
import type { ServerContext } from '../context';
import { requireUser, sendAck } from '../http/ack';
import { describeZodError } from '../util/describeZodError';
import type { DrillService } from './DrillService';
import { drillReview, drillReviewCsv, drillReviewHtml } from './drillReview';

const reviewQuery = z
  .object({ format: z.enum(['json', 'csv', 'html']).default('json'), limit: z.coerce.number().int().min(1).max(100_000).default(5000) })
  .strict();

function requestId(req: FastifyRequest): string {
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && /^[\w.:-]{8,64}$/.test(key)) return key;
  return randomUUID();
}

/**
 * Drill REST routes (docs/drills.md §REST): scenarios, drills, one drill with its (live) score,
 * the score card, the after-action review (JSON, CSV, HTML), and POST forms of the drill
 * commands through the CommandService (role check: drill_coordinator or admin).
 */
export function registerDrillRoutes(app: FastifyInstance, ctx: ServerContext, svc: DrillService): void {
  app.get(drillRoutes.scenarios, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    return sendAck(ctx, reply, ok({ scenarios: svc.d.catalog.entries }));
  });

  app.get(drillRoutes.drills, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    return sendAck(ctx, reply, ok({ active: svc.active, drills: svc.list() }));
  });

  const command = (path: string, name: CommandName, okStatus: number): void => {
    app.post(path, async (req, reply) => {
      const user = requireUser(ctx, req, reply);
      if (!user) return reply;
      return sendAck(ctx, reply, ctx.commands.run(user, { id: requestId(req), name, payload: req.body ?? {} }), okStatus);
    });
  };
  command(drillRoutes.drills, 'drill.start', 201);
  command(drillRoutes.pause, 'drill.pause', 200);
  command(drillRoutes.resume, 'drill.resume', 200);
  command(drillRoutes.stop, 'drill.stop', 200);

  const unknown = (id: string) => fail('not_found', `unknown drill "${id.slice(0, 80)}" / 未知演练`);

  app.get<{ Params: { id: string } }>(`${drillRoutes.drills}/:id`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const dr = svc.find(req.params.id);
    if (!dr) return sendAck(ctx, reply, unknown(req.params.id));
    const body: DrillDetail = { drill: dr, scenario: svc.scenarioOf(dr), drillS: svc.drillSeconds(dr, ctx.clock.now()), score: svc.score(dr.id) };
    return sendAck(ctx, reply, ok(body));
  });

  app.get<{ Params: { id: string } }>(`${drillRoutes.drills}/:id/score`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const dr = svc.find(req.params.id);
    if (!dr) return sendAck(ctx, reply, unknown(req.params.id));
    const score = svc.score(dr.id);
    if (!score) return sendAck(ctx, reply, fail('not_found', `scenario "${dr.scenario}" of drill ${dr.id} is no longer available / 演练脚本已不存在`));
    return sendAck(ctx, reply, ok(score));
  });

  app.get<{ Params: { id: string } }>(`${drillRoutes.drills}/:id/review`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = reviewQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const dr = svc.find(req.params.id);
    if (!dr) return sendAck(ctx, reply, unknown(req.params.id));
    const review = drillReview(svc, dr, q.data.limit);
    if (!review) return sendAck(ctx, reply, fail('not_found', `scenario "${dr.scenario}" of drill ${dr.id} is no longer available / 演练脚本已不存在`));
    if (q.data.format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${dr.id}-review.csv"`)
        .send('\ufeff' + drillReviewCsv(review));
    }
    if (q.data.format === 'html') return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(drillReviewHtml(review));
    return sendAck(ctx, reply, ok(review));
  });
}
