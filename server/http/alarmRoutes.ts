import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { displayState } from '../../shared/alarm/lifecycle';
import type { AlarmDisplayState, AlarmRecord } from '../../shared/alarm/model';
import { fail, ok } from '../../shared/protocol/messages';
import { routes } from '../../shared/protocol/rest';
import { KPI_MAX_WINDOW_S } from '../alarm/AlarmKpiService';
import type { ServerContext } from '../context';
import { StateNotAvailableError } from '../replay/stateAt';
import { describeZodError } from '../util/describeZodError';
import { requireUser, sendAck } from './ack';

export const ALARM_LIST_MAX = 10_000;
export const ALARM_JOURNAL_PAGE_MAX = 5000;
const DAY_MS = 86_400_000;

const displayStates = ['normal', 'unacked', 'acked', 'rtn_unacked', 'latched', 'shelved', 'suppressed', 'out_of_service'] as const satisfies readonly AlarmDisplayState[];

/** `a,b,c` → ['a','b','c'] (empty items dropped). */
const csv = z
  .string()
  .max(4000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''));

const listQuery = z
  .object({
    area: csv.pipe(z.array(z.string().min(1).max(64)).min(1)).optional(),
    state: csv.pipe(z.array(z.enum(displayStates)).min(1)).optional(),
    priority: csv.pipe(z.array(z.enum(['1', '2', '3', '4'])).min(1)).optional(),
    limit: z.coerce.number().int().min(1).max(ALARM_LIST_MAX).default(ALARM_LIST_MAX),
  })
  .strict();

const kpiQuery = z
  .object({
    window: z.coerce.number().int().min(60).max(KPI_MAX_WINDOW_S).default(86_400),
    /** The window's end, ms epoch (replay); absent: now. */
    at: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

const journalQuery = z
  .object({
    from: z.coerce.number().finite().optional(),
    to: z.coerce.number().finite().optional(),
    after: z.coerce.number().int().nonnegative().default(0),
    limit: z.coerce.number().int().min(1).max(ALARM_JOURNAL_PAGE_MAX).default(500),
  })
  .strict();

/** Highest priority (1) first, then the newest activation (or change) first, then id for a stable order. */
export function compareAlarms(a: AlarmRecord, b: AlarmRecord): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  const ta = a.activatedAt ?? a.lastChange;
  const tb = b.activatedAt ?? b.lastChange;
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Alarm REST routes; any signed-in user (Bearer). The list is the command state's alarms (every
 * alarm that is not plainly normal), so it is exactly what consoles hold; the journal and KPIs
 * read the event journal.
 */
export function registerAlarmRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(routes.alarms, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = listQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const areas = q.data.area ? new Set(q.data.area) : null;
    const states = q.data.state ? new Set<AlarmDisplayState>(q.data.state) : null;
    const prios = q.data.priority ? new Set<number>(q.data.priority.map(Number)) : null;
    const picked: AlarmRecord[] = [];
    for (const a of Object.values(ctx.engine.state.alarms)) {
      if (areas && !areas.has(a.area)) continue;
      if (prios && !prios.has(a.priority)) continue;
      if (states && !states.has(displayState(a.lifecycle))) continue;
      picked.push(a);
    }
    picked.sort(compareAlarms);
    return sendAck(ctx, reply, ok({ alarms: picked.slice(0, q.data.limit), total: picked.length }));
  });

  app.get(routes.alarmJournal, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = journalQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const now = ctx.clock.now();
    const to = q.data.to ?? now + 1;
    const from = q.data.from ?? to - DAY_MS;
    if (!(from < to)) return sendAck(ctx, reply, fail('bad_request', 'invalid query: from must be before to'));
    // One more than asked tells whether another page follows.
    const events = ctx.engine.eventsInTime('alarm.changed', from, to, q.data.after, q.data.limit + 1);
    const more = events.length > q.data.limit;
    if (more) events.length = q.data.limit;
    return sendAck(ctx, reply, ok({ events, next: more ? events[events.length - 1]!.seq : null, from, to }));
  });

  app.get(routes.alarmKpi, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = kpiQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const { window, at } = q.data;
    if (at === undefined) return sendAck(ctx, reply, ok(ctx.alarmKpi.report(window)));
    if (at > ctx.clock.now()) return sendAck(ctx, reply, fail('bad_request', 'invalid query: at is in the future / 时刻不能晚于当前时间'));
    try {
      return sendAck(ctx, reply, ok(ctx.alarmKpi.report(window, at)));
    } catch (err) {
      if (err instanceof StateNotAvailableError) return sendAck(ctx, reply, fail('not_found', `no alarm KPIs at ${new Date(at).toISOString()}: ${err.message}`));
      throw err;
    }
  });
}
