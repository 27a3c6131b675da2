import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { IncidentTrace, ReplayMarker } from '../../shared/drill/drillApi';
import { isOperatorAction } from '../../shared/drill/eventSummary';
import { fail, ok, type Ack } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import type { ServerContext } from '../context';
import { queryHistory } from '../historian/queryHistory';
import { requireUser, sendAck } from '../http/ack';
import { csvRow } from '../drill/drillReview';
import { describeZodError } from '../util/describeZodError';
import { eventsInRange } from './journalRange';
import { toMarker } from './markers';
import type { ReplayDeps } from './replayRoutes';

const traceQuery = z
  .object({
    beforeS: z.coerce.number().int().min(0).max(86_400).default(600),
    afterS: z.coerce.number().int().min(0).max(86_400).default(1800),
    radiusM: z.coerce.number().min(1).max(2000).default(60),
    history: z.enum(['true', 'false']).default('false'),
    format: z.enum(['json', 'csv']).default('json'),
    limit: z.coerce.number().int().min(1).max(50_000).default(5000),
  })
  .strict();
type TraceQuery = z.infer<typeof traceQuery>;

const MAX_TRENDS = 20;
const MAX_SCAN = 2_000_000;

type Subject = IncidentTrace['subject'] & { position: [number, number, number] | null };

/**
 * Incident traceability (事故追溯, docs/historian.md §Traceability):
 * `GET /api/v1/incidents/:id/trace` and `GET /api/v1/hazards/:id/trace` (a near miss, or any
 * hazard) rebuild what happened around it from `beforeS` before to `afterS` after: the events
 * of the incident, of its area and of alarms within `radiusM` of its source (activations,
 * operator actions), interlock trips, injections; the trends of the nearest tags (history URLs,
 * or the data with `history=true`); and the people who came within `radiusM`. JSON or CSV.
 */
export function registerTraceRoutes(app: FastifyInstance, ctx: ServerContext, d: ReplayDeps): void {
  const plant = ctx.loaded.plant;
  const interlockArea = new Map((plant.interlocks ?? []).map((i) => [i.id, i.area] as const));

  const handle = (subject: Ack<Subject>, query: unknown): Ack<IncidentTrace> => {
    if (!subject.ok) return subject;
    const q = traceQuery.safeParse(query);
    if (!q.success) return fail('bad_request', `invalid query: ${describeZodError(q.error)}`);
    return ok(trace(subject.data, q.data));
  };

  const trace = (s: Subject, q: TraceQuery): IncidentTrace => {
    const now = ctx.clock.now();
    const from = s.at - q.beforeS * 1000;
    const to = Math.min(now, s.at + q.afterS * 1000);
    const pos = s.position;
    const r2 = q.radiusM * q.radiusM;
    const near = (p: readonly number[]): boolean => pos !== null && (p[0]! - pos[0]) ** 2 + (p[1]! - pos[1]) ** 2 <= r2;
    const inArea = (area: string | null | undefined): boolean => s.area !== null && area === s.area;
    const keep = (e: JournalEvent): boolean => {
      switch (e.type) {
        case 'alarm.changed': {
          const a = e.payload.alarm;
          return (inArea(a.area) || near(a.position)) && (e.payload.cause === 'activate' || isOperatorAction(e));
        }
        case 'interlock.tripped':
          return inArea(e.payload.area);
        case 'interlock.reset':
        case 'interlock.bypass.changed':
          return inArea(interlockArea.get(e.payload.interlockId));
        case 'incident.changed':
          return e.payload.incident.id === s.id || (s.kind === 'near_miss' && inArea(e.payload.incident.area));
        case 'dispatch.changed':
          return e.payload.dispatch.incidentId === s.id;
        case 'muster.changed':
        case 'incident.notice.sent':
          return e.payload.incidentId === s.id;
        case 'hazard.changed':
          return e.payload.hazard.id === s.id || inArea(e.payload.hazard.area);
        case 'sim.injection.started':
        case 'sim.injection.ended':
          return true;
        default:
          return false;
      }
    };
    const r = eventsInRange(d.store.journal, { from, to, limit: q.limit, keep, maxScan: MAX_SCAN });
    const timeline: ReplayMarker[] = r.events.map(toMarker);
    const trends = pos
      ? plant.tags
          .map((t) => ({ t, d: Math.hypot(t.position[0] - pos[0], t.position[1] - pos[1]) }))
          .filter((x) => x.d <= q.radiusM)
          .sort((a, b) => a.d - b.d)
          .slice(0, MAX_TRENDS)
          .map(({ t, d: dist }) => {
            const historyUrl = `/api/v1/tags/${encodeURIComponent(t.id)}/history?from=${from}&to=${to}&maxPoints=600`;
            const base = { tag: t.id, distanceM: Math.round(dist * 10) / 10, historyUrl };
            return q.history === 'true' ? { ...base, history: queryHistory(d.historian, { tag: t.id, index: ctx.tagIndex.get(t.id)!, from, to, maxPoints: 600 }, now) } : base;
          })
      : [];
    const people = pos && d.positions.store ? d.positions.store.near(pos[0], pos[1], q.radiusM, from, to) : [];
    return {
      subject: { kind: s.kind, id: s.id, at: s.at, area: s.area, position: s.position, title: s.title, drill: s.drill },
      window: { from, to, beforeS: q.beforeS, radiusM: q.radiusM },
      timeline,
      alarms: timeline.filter((m) => m.kind === 'alarm'),
      trips: timeline.filter((m) => m.kind === 'interlock'),
      actions: timeline.filter((m) => m.kind === 'action'),
      trends,
      people: people.map((p) => ({ person: p.person, distanceM: Math.round(p.distance * 10) / 10, t: p.t, x: p.x, y: p.y, area: p.area, firstInside: p.firstInside, lastInside: p.lastInside })),
      truncated: r.next !== null,
    };
  };

  const send = async (ctxReply: Parameters<typeof sendAck>[1], ack: Ack<IncidentTrace>, format: unknown) => {
    if (!ack.ok || format !== 'csv') return sendAck(ctx, ctxReply, ack);
    return ctxReply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${ack.data.subject.id}-trace.csv"`)
      .send('\ufeff' + traceCsv(ack.data));
  };

  app.get<{ Params: { id: string } }>('/api/v1/incidents/:id/trace', async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const inc = d.incidents.record(req.params.id);
    const subject: Ack<Subject> = inc
      ? ok({ kind: 'incident', id: inc.id, at: inc.openedAt, area: inc.area, position: [...inc.source.position] as [number, number, number], title: inc.title, drill: inc.drill })
      : fail('not_found', `unknown incident "${req.params.id.slice(0, 80)}" / 未知事件`);
    return send(reply, handle(subject, req.query), (req.query as { format?: unknown }).format);
  });

  app.get<{ Params: { id: string } }>('/api/v1/hazards/:id/trace', async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const h = d.hazards.index.records.get(req.params.id);
    const subject: Ack<Subject> = h
      ? ok({ kind: h.nearMiss ? 'near_miss' : 'incident', id: h.id, at: h.nearMiss?.occurredAt ?? h.reportedAt, area: h.area, position: [...h.position] as [number, number, number], title: h.title, drill: h.drill })
      : fail('not_found', `unknown hazard "${req.params.id.slice(0, 80)}" / 未知隐患`);
    return send(reply, handle(subject, req.query), (req.query as { format?: unknown }).format);
  });
}

/** The reconstruction as CSV: the timeline, then the nearby tags, then the people (a `section` column). */
export function traceCsv(t: IncidentTrace): string {
  const lines = [csvRow(['section', 'seq', 'time_iso', 'kind', 'ref', 'actor', 'text'])];
  for (const m of t.timeline) lines.push(csvRow(['timeline', m.seq, new Date(m.time).toISOString(), m.kind, m.ref, m.actor, m.text]));
  lines.push(csvRow(['section', 'tag', 'distance_m', 'history_url']));
  for (const x of t.trends) lines.push(csvRow(['trend', x.tag, x.distanceM, x.historyUrl]));
  lines.push(csvRow(['section', 'person', 'distance_m', 'closest_iso', 'x', 'y', 'area', 'first_inside_iso', 'last_inside_iso']));
  for (const p of t.people) lines.push(csvRow(['person', p.person, p.distanceM, new Date(p.t).toISOString(), p.x, p.y, p.area, new Date(p.firstInside).toISOString(), new Date(p.lastInside).toISOString()]));
  return lines.join('\r\n') + '\r\n';
}
