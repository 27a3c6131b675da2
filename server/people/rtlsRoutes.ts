import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail, ok } from '../../shared/protocol/messages';
import { routes } from '../../shared/protocol/rest';
import type { ServerContext } from '../context';
import { sendAck } from '../http/ack';
import { describeZodError } from '../util/describeZodError';
import type { PeopleService } from './PeopleService';
import { rtlsBatchSchema } from './RtlsIngest';
import type { RtlsMqttStatus } from './RtlsMqtt';

/** The RTLS gateway's bearer token, created on first start (mode 0600) like admin.token. */
export const RTLS_TOKEN_FILE = 'rtls.token';
/** Largest RTLS batch body, bytes (5,000 fixes of ~120 bytes, with room). */
export const RTLS_BODY_LIMIT = 2 * 1024 * 1024;

const sha = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Reads (or creates) `<dataDir>/rtls.token`; returns its hash and the file path. */
export function ensureRtlsToken(dataDir: string): { hash: Buffer; file: string } {
  const file = path.join(dataDir, RTLS_TOKEN_FILE);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  const token = readFileSync(file, 'utf8').trim();
  if (token.length < 16) throw new Error(`${file} holds no usable token; delete it to get a new one`);
  return { hash: sha(token), file };
}

/** The RTLS token, or an admin's session token. */
function authorised(ctx: ServerContext, req: FastifyRequest, tokenHash: Buffer): boolean {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S{1,512})\s*$/i.exec(header) : null;
  if (!m) return false;
  if (timingSafeEqual(sha(m[1]!), tokenHash)) return true;
  return ctx.auth.resolve(m[1]!)?.role === 'admin';
}

/**
 * The RTLS feed (docs/people.md): `POST /api/v1/rtls/fixes` takes a batch of position fixes
 * from a gateway; `GET /api/v1/rtls/stats` gives the totals, by path (http, mqtt), the MQTT
 * connection's status and the position history's counters. A batch is refused whole only
 * when its envelope is wrong; single bad fixes are counted by reason and dropped.
 */
export function registerRtlsRoutes(app: FastifyInstance, ctx: ServerContext, people: PeopleService, tokenHash: Buffer, mqtt: () => RtlsMqttStatus | null = () => null): void {
  app.post(routes.rtlsFixes, { bodyLimit: RTLS_BODY_LIMIT }, async (req, reply) => {
    if (!authorised(ctx, req, tokenHash)) return sendAck(ctx, reply, fail('unauthenticated', 'send Authorization: Bearer <the RTLS token from rtls.token, or an admin token>'));
    const body = rtlsBatchSchema.safeParse(req.body);
    if (!body.success) return sendAck(ctx, reply, fail('bad_request', `invalid batch: ${describeZodError(body.error)}`));
    return sendAck(ctx, reply, ok(people.ingestRtls(body.data.fixes)));
  });
  app.get(routes.rtlsStats, async (req, reply) => {
    if (!authorised(ctx, req, tokenHash)) return sendAck(ctx, reply, fail('unauthenticated', 'send Authorization: Bearer <the RTLS token, or an admin token>'));
    const store = people.store;
    return sendAck(
      ctx,
      reply,
      ok({
        ...people.rtls.totals,
        source: people.sim ? 'simulator' : 'rtls',
        byPath: people.rtlsByPath,
        mqtt: mqtt(),
        positions: store ? { ...store.stats, ...store.held } : null,
      }),
    );
  });
}
