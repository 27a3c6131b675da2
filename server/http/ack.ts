import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail, type Ack, type ErrorCode } from '../../shared/protocol/messages';
import type { AuthUser } from '../auth/authService';
import type { ServerContext } from '../context';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  unknown_command: 404,
  not_found: 404,
  conflict: 409,
  protocol_version: 400,
  internal: 500,
};

/** Sends an Ack body with the matching HTTP status; counts refusals by code. */
export function sendAck(ctx: ServerContext, reply: FastifyReply, ack: Ack<unknown>, okStatus = 200): FastifyReply {
  if (!ack.ok) ctx.metrics.reject(ack.code);
  return reply.code(ack.ok ? okStatus : statusOf[ack.code]).type('application/json; charset=utf-8').send(ack);
}

/**
 * The user behind `Authorization: Bearer <token>`, or an `unauthenticated` Ack already sent.
 * Callers return when they get null.
 */
export function requireUser(ctx: ServerContext, req: FastifyRequest, reply: FastifyReply): AuthUser | null {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S{1,512})\s*$/i.exec(header) : null;
  const user = m ? ctx.auth.resolve(m[1]!) : null;
  if (!user) {
    void sendAck(ctx, reply, fail('unauthenticated', m ? 'unknown or expired token' : 'send Authorization: Bearer <token>'));
    return null;
  }
  return user;
}
