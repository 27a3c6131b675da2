import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { incidentRoutes, SNAPSHOT_MAX_BYTES, type IncidentDetail, type IncidentFlags, type IncidentList } from '../../shared/incident/incidentApi';
import { firstReport } from '../../shared/incident/incidentRecord';
import { incidentStates, type IncidentRecord } from '../../shared/incident/model';
import { buildIncidentReport, incidentOf, reportEventTypes } from '../../shared/incident/reportModel';
import type { CommandName } from '../../shared/protocol/commands';
import { fail, ok } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import type { IncidentLogEntry } from '../../shared/state/reducer';
import type { ServerContext } from '../context';
import { requireUser, sendAck } from '../http/ack';
import { describeZodError } from '../util/describeZodError';
import type { IncidentService } from './IncidentService';
import { reportHtml } from './reportHtml';
import type { SnapshotStore } from './SnapshotStore';

const PAGE = 5000;
const csvStates = z
  .string()
  .max(200)
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
  .pipe(z.array(z.enum(incidentStates)));
const listQuery = z
  .object({ state: csvStates.optional(), drill: z.enum(['true', 'false']).transform((s) => s === 'true').optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) })
  .strict();
const reportQuery = z.object({ format: z.enum(['html', 'json']).default('html') }).strict();
const snapshotQuery = z.object({ caption: z.string().max(200).default('') }).strict();

function flags(svc: IncidentService, r: IncidentRecord, now: number): IncidentFlags {
  return { firstReport: firstReport(r, now), overdueSteps: r.state === 'closed' ? [] : (r.plan?.steps.filter((s) => s.state === 'pending' && now > s.dueAt).map((s) => s.step) ?? []), escalation: svc.index.escalation(r.id) };
}

/** Every journal event about one incident, oldest first (the reducer keeps only the newest closed incidents' logs). */
function incidentEvents(ctx: ServerContext, r: IncidentRecord): JournalEvent[] {
  const out: JournalEvent[] = [];
  for (const type of reportEventTypes) {
    for (let after = 0; ; ) {
      const page = ctx.engine.eventsInTime(type, r.openedAt, Number.MAX_SAFE_INTEGER, after, PAGE);
      for (const e of page) if (incidentOf(e) === r.id) out.push(e);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.seq;
    }
  }
  return out.sort((a, b) => a.seq - b.seq);
}

function logOf(ctx: ServerContext, r: IncidentRecord): IncidentLogEntry[] {
  const live = ctx.engine.state.emergency?.logs[r.id];
  if (live) return live;
  return incidentEvents(ctx, r)
    .filter((e) => e.type !== 'incident.risk.changed')
    .map((e) => ({ seq: e.seq, time: e.time, actor: e.actor, type: e.type, action: e.type === 'incident.changed' ? e.payload.action : e.type, ...(e.type === 'incident.changed' && e.payload.note !== undefined ? { note: e.payload.note } : {}) }));
}

function requestId(req: FastifyRequest): string {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && /^[\w.:-]{8,64}$/.test(key) ? key : randomUUID();
}

/**
 * Incident REST routes (docs/incidents.md §REST), any signed-in user: the list, one incident with
 * its log, the plans, the after-action report (HTML or JSON), map snapshots for it, and POST forms
 * of the incident commands through the same CommandService as the socket.
 */
export function registerIncidentRoutes(app: FastifyInstance, ctx: ServerContext, svc: IncidentService, snapshots: SnapshotStore): void {
  const base = incidentRoutes.incidents;
  app.get(base, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = listQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const now = ctx.clock.now();
    const all = [...svc.index.records.values()].map((r) => svc.record(r.id) ?? r).filter((r) => (!q.data.state || q.data.state.includes(r.state)) && r.drill === (q.data.drill ?? false));
    all.sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? 1 : -1));
    const body: IncidentList = { incidents: all.slice(0, q.data.limit).map((r) => ({ incident: r, flags: flags(svc, r, now) })), total: all.length };
    return sendAck(ctx, reply, ok(body));
  });

  app.get(incidentRoutes.plans, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    return sendAck(ctx, reply, ok({ plans: svc.d.plans }));
  });

  const find = (id: string): IncidentRecord | undefined => svc.record(id);
  const unknown = (id: string) => fail('not_found', `unknown incident "${id.slice(0, 80)}" / 未知事件`);

  app.get<{ Params: { id: string } }>(`${base}/:id`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const r = find(req.params.id);
    if (!r) return sendAck(ctx, reply, unknown(req.params.id));
    const body: IncidentDetail = { incident: r, flags: flags(svc, r, ctx.clock.now()), log: logOf(ctx, r), plan: svc.plan(r.plan?.id), snapshots: snapshots.list(r.id) };
    return sendAck(ctx, reply, ok(body));
  });

  app.get<{ Params: { id: string } }>(`${base}/:id/report`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = reportQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const r = find(req.params.id);
    if (!r) return sendAck(ctx, reply, unknown(req.params.id));
    const now = ctx.clock.now();
    const report = buildIncidentReport(r, svc.plan(r.plan?.id), incidentEvents(ctx, r), snapshots.list(r.id), now);
    if (q.data.format === 'json') return sendAck(ctx, reply, ok(report));
    const plant = ctx.loaded.plant;
    const html = reportHtml(report, {
      time: (at) => new Date(at + svc.tzOffset(at)).toISOString().slice(0, 19).replace('T', ' '),
      image: (id) => snapshots.read(r.id, id),
      plantName: plant.meta.name,
    });
    return reply
      .code(200)
      .type('text/html; charset=utf-8')
      .header('content-disposition', `inline; filename="${r.id}-report.html"`)
      .send(html);
  });

  app.addContentTypeParser('image/png', { parseAs: 'buffer', bodyLimit: SNAPSHOT_MAX_BYTES }, (_req, body, done) => done(null, body));
  app.post<{ Params: { id: string } }>(`${base}/:id/snapshots`, { bodyLimit: SNAPSHOT_MAX_BYTES }, async (req, reply) => {
    const user = requireUser(ctx, req, reply);
    if (!user) return reply;
    const q = snapshotQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const r = find(req.params.id);
    if (!r) return sendAck(ctx, reply, unknown(req.params.id));
    if (!Buffer.isBuffer(req.body)) return sendAck(ctx, reply, fail('bad_request', 'send the PNG as the body with Content-Type: image/png / 以 image/png 上传'));
    const res = snapshots.add(r.id, req.body, user.name, q.data.caption, ctx.clock.now());
    return sendAck(ctx, reply, res.ok ? ok(res.info) : fail(res.code, res.message), 201);
  });

  // ── POST forms of the commands (body = the payload without incidentId) ──
  const command = (path: string, name: CommandName, withId: boolean, okStatus = 200): void => {
    app.post<{ Params: { id?: string } }>(path, async (req, reply) => {
      const user = requireUser(ctx, req, reply);
      if (!user) return reply;
      const body = req.body === undefined || req.body === null ? {} : typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : null;
      if (!body) return sendAck(ctx, reply, fail('bad_request', 'send a JSON object body / 请求体须为 JSON 对象'));
      const payload = withId ? { ...body, incidentId: req.params.id } : body;
      return sendAck(ctx, reply, ctx.commands.run(user, { id: requestId(req), name, payload }), okStatus);
    });
  };
  command(base, 'incident.open', false, 201);
  command(`${base}/:id/level`, 'incident.setLevel', true);
  command(`${base}/:id/role`, 'incident.assignRole', true);
  command(`${base}/:id/step`, 'incident.step', true);
  command(`${base}/:id/log`, 'incident.log', true);
  command(`${base}/:id/source`, 'incident.setSource', true);
  command(`${base}/:id/agency`, 'incident.notifyAgency', true);
  command(`${base}/:id/contain`, 'incident.contain', true);
  command(`${base}/:id/close`, 'incident.close', true);
}
