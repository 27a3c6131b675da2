import type { FastifyInstance } from 'fastify';

/**
 * CORS for consoles served from another origin (e.g. the desktop shell's own origin). Only the
 * listed origins get CORS headers; by default there are none and browsers keep other sites'
 * pages from reading any response.
 */
export function registerCors(app: FastifyInstance, allowed: readonly string[]): void {
  if (allowed.length === 0) return;
  const set = new Set(allowed);
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || !set.has(origin)) return;
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    if (req.method === 'OPTIONS') {
      return reply
        .header('access-control-allow-methods', 'GET, POST, DELETE')
        .header('access-control-allow-headers', 'Authorization, Content-Type, If-None-Match, Idempotency-Key')
        .header('access-control-max-age', '600')
        .code(204)
        .send();
    }
  });
}
