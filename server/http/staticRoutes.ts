import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The web console's Content-Security-Policy: everything from this server, sockets to it. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Vigil</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
<h1>Vigil</h1>
<p>控制台尚未构建。请在仓库目录运行 <code>npm run build</code>，然后刷新本页。</p>
<p lang="en">The console has not been built yet. Run <code>npm run build</code> in the repository, then reload this page.</p>
<p>API: <a href="/api/v1/health">/api/v1/health</a></p>
</body></html>`;

/** Serves the built renderer at `/` with the console CSP on every response. */
export async function registerStaticRoutes(app: FastifyInstance, rendererDir: string | null): Promise<void> {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CONSOLE_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
  if (rendererDir && existsSync(path.join(rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: rendererDir, prefix: '/', index: ['index.html'], wildcard: true });
  } else {
    app.get('/', async (_req, reply) => reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT));
  }
}
