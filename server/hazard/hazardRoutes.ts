import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hazardRoutes, type HazardList, type InspectionTaskList } from '../../shared/hazard/api';
import { inspectionTaskStates } from '../../shared/hazard/inspection';
import { hazardGrades, hazardSources, hazardStates, isOpenHazard, type HazardRecord } from '../../shared/hazard/model';
import { hazardStats } from '../../shared/hazard/stats';
import type { CommandName } from '../../shared/protocol/commands';
import { fail, ok } from '../../shared/protocol/messages';
import type { ServerContext } from '../context';
import { requireUser, sendAck } from '../http/ack';
import { describeZodError } from '../util/describeZodError';
import type { HazardService } from './HazardService';

export const LIST_LIMIT_DEFAULT = 500;
export const LIST_LIMIT_MAX = 5000;
const DAY_MS = 86_400_000;
/** Longest statistics window (ten years). */
export const STATS_MAX_SPAN_MS = 3660 * DAY_MS;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(z.enum(values)));
const ids = z
  .string()
  .max(4000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''));
const bool = z.enum(['true', 'false']).transform((s) => s === 'true');
const listQuery = z
  .object({
    state: csv(hazardStates).optional(),
    open: bool.optional(),
    grade: csv([...hazardGrades, 'none']).optional(),
    source: csv(hazardSources).optional(),
    area: ids.optional(),
    overdue: bool.optional(),
    nearMiss: bool.optional(),
    /** Drill records only (true) or real ones only (false, the default): drills never mix into real lists. */
    drill: bool.optional(),
    limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
  })
  .strict();
type ListQuery = z.infer<typeof listQuery>;
const statsQuery = z.object({ from: z.coerce.number().finite().optional(), to: z.coerce.number().finite().optional(), drill: bool.optional() }).strict();
const taskQuery = z
  .object({ state: csv(inspectionTaskStates).optional(), plan: ids.optional(), area: ids.optional(), limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT) })
  .strict();

function matches(h: HazardRecord, q: ListQuery): boolean {
  if (q.state && !q.state.includes(h.state)) return false;
  if (q.open !== undefined && isOpenHazard(h) !== q.open) return false;
  if (q.grade && !q.grade.includes(h.grade ?? 'none')) return false;
  if (q.source && !q.source.includes(h.source)) return false;
  if (q.area && !(h.area !== null && q.area.includes(h.area))) return false;
  if (q.overdue !== undefined && h.overdue !== q.overdue) return false;
  if (q.nearMiss !== undefined && (h.nearMiss !== null) !== q.nearMiss) return false;
  if (h.drill !== (q.drill ?? false)) return false;
  return true;
}

function list(svc: HazardService, q: ListQuery): HazardList {
  const all = [...svc.index.records.values()].filter((h) => matches(h, q));
  all.sort((a, b) => b.reportedAt - a.reportedAt || (a.id < b.id ? 1 : -1));
  return { hazards: all.slice(0, q.limit), total: all.length };
}

function requestId(req: FastifyRequest): string {
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && /^[\w.:-]{8,64}$/.test(key)) return key;
  return randomUUID();
}

/**
 * Hazard, near-miss and inspection REST routes (docs/hazards.md §REST), any signed-in user for
 * reads. The POST forms run the commands through the same CommandService as the socket (same
 * validation, role check and idempotency by `Idempotency-Key`).
 */
export function registerHazardRoutes(app: FastifyInstance, ctx: ServerContext, svc: HazardService): void {
  app.get(hazardRoutes.hazards, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = listQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    return sendAck(ctx, reply, ok(list(svc, q.data)));
  });

  app.get(hazardRoutes.stats, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = statsQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const to = q.data.to ?? ctx.clock.now() + 1;
    const from = q.data.from ?? to - 30 * DAY_MS;
    if (!(from < to)) return sendAck(ctx, reply, fail('bad_request', 'invalid query: from must be before to / 起始时间须早于结束时间'));
    if (to - from > STATS_MAX_SPAN_MS) return sendAck(ctx, reply, fail('bad_request', 'invalid query: the window is longer than ten years / 统计区间不能超过十年'));
    // Real orders only; `drill=true`: the drill records' own statistics (hazardStats skips drill records, so they go in untagged).
    const records = q.data.drill ? [...svc.index.records.values()].filter((h) => h.drill).map((h) => ({ ...h, drill: false })) : svc.index.records.values();
    return sendAck(ctx, reply, ok(hazardStats(records, from, to, (at) => svc.tzOffset(at))));
  });

  app.get<{ Params: { id: string } }>(`${hazardRoutes.hazards}/:id`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const h = svc.index.records.get(req.params.id);
    if (!h) return sendAck(ctx, reply, fail('not_found', `unknown hazard "${req.params.id.slice(0, 80)}" / 未知隐患`));
    return sendAck(ctx, reply, ok(h));
  });

  app.get(hazardRoutes.nearMisses, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = listQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    return sendAck(ctx, reply, ok(list(svc, { ...q.data, nearMiss: true })));
  });

  app.get(hazardRoutes.inspectionPlans, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    return sendAck(ctx, reply, ok({ plans: svc.plans }));
  });

  app.get(hazardRoutes.inspectionTasks, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = taskQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const { state, plan, area, limit } = q.data;
    const all = [...svc.index.tasks.values()].filter((t) => (!state || state.includes(t.state)) && (!plan || plan.includes(t.plan)) && (!area || area.includes(t.area)));
    all.sort((a, b) => b.dueAt - a.dueAt || (a.id < b.id ? -1 : 1));
    const body: InspectionTaskList = { tasks: all.slice(0, limit), total: all.length };
    return sendAck(ctx, reply, ok(body));
  });

  // ── POST forms of the commands ──
  const command = (path: string, name: CommandName, payloadOf: (body: Record<string, unknown>, params: Record<string, string>) => unknown, okStatus = 200): void => {
    app.post<{ Params: Record<string, string> }>(path, async (req, reply) => {
      const user = requireUser(ctx, req, reply);
      if (!user) return reply;
      const body = req.body === undefined || req.body === null ? {} : typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : null;
      if (!body) return sendAck(ctx, reply, fail('bad_request', 'send a JSON object body / 请求体须为 JSON 对象'));
      return sendAck(ctx, reply, ctx.commands.run(user, { id: requestId(req), name, payload: payloadOf(body, req.params) }), okStatus);
    });
  };
  command(hazardRoutes.hazards, 'hazard.report', (b) => b, 201);
  command(
    hazardRoutes.nearMisses,
    'hazard.report',
    // A near miss without its details is refused by the payload schema of nearMiss.
    (b) => ({ ...b, nearMiss: b.nearMiss ?? null }),
    201,
  );
  const byId = (action: string, name: CommandName): void => command(`${hazardRoutes.hazards}/:id/${action}`, name, (b, p) => ({ ...b, hazardId: p.id }));
  byId('assess', 'hazard.assess');
  byId('assign', 'hazard.assign');
  byId('start', 'hazard.start');
  byId('submit', 'hazard.submit');
  byId('verify', 'hazard.verify');
  byId('dismiss', 'hazard.dismiss');
  command(`${hazardRoutes.inspectionTasks}/:id/complete`, 'inspection.complete', (b, p) => ({ ...b, taskId: p.id }));
}
