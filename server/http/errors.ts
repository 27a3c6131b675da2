import type { FastifyError, FastifyInstance } from 'fastify';
import { fail } from '../../shared/protocol/messages';
import type { ServerContext } from '../context';
import { sendAck } from './ack';

/**
 * Every failure leaves as an Ack: malformed JSON, wrong content type and oversized bodies are
 * `bad_request` (oversized also counted as such), unknown routes `not_found`, anything thrown
 * `internal` (logged, never echoed).
 */
export function registerErrorHandlers(app: FastifyInstance, ctx: ServerContext): void {
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 413) {
      ctx.metrics.reject('oversized');
      return sendAck(ctx, reply, fail('bad_request', 'request body too large'));
    }
    if (status >= 400 && status < 500) {
      return sendAck(ctx, reply, fail('bad_request', err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'send JSON (Content-Type: application/json)' : `malformed request: ${err.message.slice(0, 200)}`));
    }
    console.error('request failed:', err);
    return sendAck(ctx, reply, fail('internal', 'internal error'));
  });

  app.setNotFoundHandler((req, reply) => sendAck(ctx, reply, fail('not_found', `no route ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}`)));
}
