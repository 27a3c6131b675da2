import type { FastifyInstance } from 'fastify';
import { ok } from '../../shared/protocol/messages';
import { routes, type Health } from '../../shared/protocol/rest';
import type { ServerContext } from '../context';
import { sendAck } from './ack';

/** Routes anyone may read: health, the plant model (cached by hash) and Prometheus metrics. */
export function registerPublicRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(routes.health, async (_req, reply) => {
    const health: Health = {
      status: ctx.runtime.lastError ? 'degraded' : 'ok',
      version: ctx.version,
      mode: ctx.mode,
      uptimeS: (ctx.clock.now() - ctx.startedAt) / 1000,
      plantId: ctx.loaded.plant.meta.id,
      tagCount: ctx.loaded.plant.tags.length,
      consoles: ctx.consoles(),
      seq: ctx.engine.seq,
      rejected: ctx.metrics.rejectedRecord(),
    };
    return sendAck(ctx, reply.header('cache-control', 'no-store'), ok(health));
  });

  const etag = `"${ctx.loaded.hash}"`;
  app.get(routes.plant, async (req, reply) => {
    reply.header('etag', etag).header('cache-control', 'no-cache');
    const inm = req.headers['if-none-match'];
    if (typeof inm === 'string' && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      return reply.code(304).send();
    }
    return reply.type('application/json; charset=utf-8').send(ctx.plantBody);
  });

  app.get(routes.metrics, async (_req, reply) => {
    const text = ctx.metrics.render({
      consoles: ctx.consoles(),
      tags: ctx.loaded.plant.tags.length,
      seq: ctx.engine.seq,
      uptimeS: (ctx.clock.now() - ctx.startedAt) / 1000,
      recentBytes: ctx.recent.bytes,
      activeInjections: Object.keys(ctx.engine.state.injections).length,
      alarmTransitions: ctx.alarms.stats.transitions,
      alarmsListed: Object.keys(ctx.engine.state.alarms).length,
      alarmFlooding: ctx.engine.state.flood.flooding,
      slowestAppendSeconds: ctx.engine.stats.slowestBatch.ms / 1000,
      slowestAppendEvents: ctx.engine.stats.slowestBatch.events,
    });
    return reply.type('text/plain; version=0.0.4; charset=utf-8').header('cache-control', 'no-store').send(text);
  });
}
