import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { drillRoutes, type ReplayEventsPage, type ReplayFrame } from '../../shared/drill/drillApi';
import { fail, ok } from '../../shared/protocol/messages';
import type { ServerContext } from '../context';
import type { Historian } from '../historian/Historian';
import { requireUser, sendAck } from '../http/ack';
import type { IncidentService } from '../incident/IncidentService';
import type { HazardService } from '../hazard/HazardService';
import type { PeopleService } from '../people/PeopleService';
import type { RobotTrackStore } from '../robots/RobotTrackStore';
import type { JournalRepo, SnapshotRepo } from '../store/types';
import { describeZodError } from '../util/describeZodError';
import { eventsInRange } from './journalRange';
import { isMarker, toMarker } from './markers';
import { positionsAt } from './positionsAt';
import { stateAt, StateNotAvailableError } from './stateAt';
import { registerTraceRoutes } from './traceRoutes';
import { valuesAt } from './valuesAt';

const ms = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const frameQuery = z.object({ at: ms, positionWindowMs: z.coerce.number().int().min(1000).max(3_600_000).default(120_000), positions: z.enum(['true', 'false']).default('true'), robots: z.enum(['true', 'false']).default('true') }).strict();
const rangeQuery = z
  .object({ from: ms, to: ms, after: ms.optional(), limit: z.coerce.number().int().min(1).max(20_000).default(2000) })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to' });

export interface ReplayDeps {
  store: { journal: JournalRepo; snapshots: SnapshotRepo };
  historian: Historian;
  positions: PeopleService;
  /** Robots' recorded tracks; null where the server records none (the frame then has no `robots`). */
  robots?: Pick<RobotTrackStore, 'at'> | null;
  incidents: IncidentService;
  hazards: HazardService;
}

/** Most markers one request returns, and most events it reads to find them (a flood hour is ~100 k events). */
const MARKER_SCAN = 1_000_000;

/**
 * Replay data for the console (docs/historian.md §Replay): a whole frame at an instant (state,
 * latest values, people's positions, robots' recorded poses), the journal in a time range (paged by seq), the timeline's
 * markers, and incident traceability. Any signed-in user.
 */
export function registerReplayRoutes(app: FastifyInstance, ctx: ServerContext, d: ReplayDeps): void {
  app.get(drillRoutes.replayFrame, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = frameQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const { at, positionWindowMs } = q.data;
    const t0 = performance.now();
    let st;
    try {
      st = stateAt(d.store, { at });
    } catch (err) {
      if (err instanceof StateNotAvailableError) return sendAck(ctx, reply, fail('not_found', err.message));
      throw err;
    }
    const t1 = performance.now();
    const values = valuesAt(d.historian, at);
    const t2 = performance.now();
    const positions = q.data.positions === 'true' ? positionsAt(d.positions, at, positionWindowMs) : [];
    const t3 = performance.now();
    const robots = d.robots && q.data.robots === 'true' ? d.robots.at(at, positionWindowMs) : undefined;
    const t4 = performance.now();
    const body: ReplayFrame = {
      at,
      seq: st.seq,
      time: st.time,
      state: st.state,
      values,
      positions,
      positionWindowMs,
      ...(robots ? { robots } : {}),
      timing: { stateMs: round(t1 - t0), valuesMs: round(t2 - t1), positionsMs: round(t3 - t2), ...(robots ? { robotsMs: round(t4 - t3) } : {}) },
    };
    return sendAck(ctx, reply, ok(body));
  });

  app.get(drillRoutes.replayEvents, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = rangeQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const r = eventsInRange(d.store.journal, { from: q.data.from, to: q.data.to, limit: q.data.limit, ...(q.data.after !== undefined ? { after: q.data.after } : {}) });
    const body: ReplayEventsPage = { events: r.events, next: r.next };
    return sendAck(ctx, reply, ok(body));
  });

  app.get(drillRoutes.replayMarkers, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = rangeQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const r = eventsInRange(d.store.journal, { from: q.data.from, to: q.data.to, limit: q.data.limit, keep: isMarker, maxScan: MARKER_SCAN, ...(q.data.after !== undefined ? { after: q.data.after } : {}) });
    return sendAck(ctx, reply, ok({ markers: r.events.map(toMarker), next: r.next }));
  });

  registerTraceRoutes(app, ctx, d);
}

const round = (x: number): number => Math.round(x * 100) / 100;
