import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail, ok } from '../../shared/protocol/messages';
import { routes, signInSchema } from '../../shared/protocol/rest';
import type { ServerContext } from '../context';
import { describeZodError } from '../util/describeZodError';
import { sendAck } from './ack';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * A request from this machine, addressed to this machine by a loopback name. The Host check
 * defeats DNS rebinding: a web page on an attacker's domain that resolves to 127.0.0.1 is
 * same-origin to the browser, but its Host header still names the attacker's domain.
 */
export function isLocalRequest(req: FastifyRequest): boolean {
  const addr = req.socket.remoteAddress ?? '';
  const loopAddr = addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
  const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  return loopAddr && LOOPBACK_HOSTS.has(host);
}

export function registerSessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(routes.localSession, async (req, reply) => {
    if (!ctx.localSession) {
      return sendAck(ctx, reply, fail('forbidden', 'local sessions are off on this server (live mode or --no-local-session); sign in'));
    }
    if (!isLocalRequest(req)) return sendAck(ctx, reply, fail('forbidden', 'a local session is only given to requests from this machine'));
    const session = ctx.auth.localSession();
    ctx.engine.append({ type: 'user.signed_in', payload: { user: session.user.name, role: session.user.role, via: 'local' } }, session.user.name);
    return sendAck(ctx, reply.header('cache-control', 'no-store'), ok(session));
  });

  app.post(routes.session, async (req, reply) => {
    const body = signInSchema.safeParse(req.body);
    if (!body.success) return sendAck(ctx, reply, fail('bad_request', `invalid sign-in: ${describeZodError(body.error)}`));
    const session = await ctx.auth.signIn(body.data.user, body.data.password);
    if (!session) {
      ctx.metrics.reject('auth_failed');
      return sendAck(ctx, reply, fail('unauthenticated', 'wrong user name or password'));
    }
    ctx.engine.append({ type: 'user.signed_in', payload: { user: session.user.name, role: session.user.role, via: 'password' } }, session.user.name);
    return sendAck(ctx, reply.header('cache-control', 'no-store'), ok(session));
  });

  /** Sign out: revokes the bearer token. */
  app.delete(routes.session, async (req, reply) => {
    const m = /^Bearer\s+(\S{1,512})\s*$/i.exec(req.headers.authorization ?? '');
    if (!m || !ctx.auth.resolve(m[1]!)) return sendAck(ctx, reply, fail('unauthenticated', 'send Authorization: Bearer <token>'));
    ctx.auth.revoke(m[1]!);
    return sendAck(ctx, reply, ok({ signedOut: true }));
  });
}
