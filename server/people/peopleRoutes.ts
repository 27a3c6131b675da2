import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dateOfDay } from '../../shared/people/dates';
import { daysLeft, qualificationStatus } from '../../shared/people/qualifications';
import { importPayloadSchema } from '../../shared/people/registry';
import { fail, ok } from '../../shared/protocol/messages';
import { routes } from '../../shared/protocol/rest';
import type { Role } from '../../shared/protocol/roles';
import type { ServerContext } from '../context';
import { requireUser, sendAck } from '../http/ack';
import { describeZodError } from '../util/describeZodError';
import type { PeopleService } from './PeopleService';
import { personView, zonesView } from './peopleViews';

/** Who may import into the registry. */
export const IMPORT_ROLES: readonly Role[] = ['admin', 'shift_lead'];
/** Largest import body (CSV or JSON), bytes. */
export const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;
export const POSITIONS_MAX_POINTS = 10_000;

const csvList = z
  .string()
  .max(4000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''));
const listQuery = z.object({ area: csvList.optional(), onSite: z.enum(['true', 'false']).optional() }).strict();
const positionsQuery = z
  .object({
    from: z.coerce.number().finite().optional(),
    to: z.coerce.number().finite().optional(),
    maxPoints: z.coerce.number().int().min(1).max(POSITIONS_MAX_POINTS).default(2000),
  })
  .strict();
const expiringQuery = z.object({ days: z.coerce.number().int().min(0).max(365).optional() }).strict();
const importQuery = z.object({ list: z.enum(['people', 'qualifications']).default('qualifications') }).strict();

/**
 * People REST routes (docs/protocol.md §4.2): the registry with each person's latest fix, one
 * person's position history, live zones, expiring certificates (any signed-in user), and the
 * training-system import (admin, shift lead).
 */
export function registerPeopleRoutes(app: FastifyInstance, ctx: ServerContext, people: PeopleService): void {
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.get(routes.people, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = listQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const now = ctx.clock.now();
    const today = people.today(now);
    const areas = q.data.area ? new Set(q.data.area) : null;
    const list = [];
    for (let p = 0; p < people.registry.size; p++) {
      const v = personView(people, p, today);
      if (q.data.onSite && (v.latest?.onSite ?? false) !== (q.data.onSite === 'true')) continue;
      if (areas && !(v.latest?.onSite && v.latest.area !== null && areas.has(v.latest.area))) continue;
      list.push(v);
    }
    return sendAck(
      ctx,
      reply,
      ok({
        registryVersion: people.registryVersion,
        today: dateOfDay(today),
        areas: people.geo.areaIds,
        teams: [...people.registry.teams.values()],
        qualificationTypes: [...people.registry.types.values()],
        people: list,
      }),
    );
  });

  app.get(routes.certificatesExpiring, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = expiringQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const days = q.data.days ?? people.zones.reminderDays;
    const today = people.today(ctx.clock.now());
    const items = [];
    for (const qual of people.registry.allQualifications()) {
      const status = qualificationStatus(qual, today, days);
      if (status !== 'expiring' && status !== 'expired') continue;
      const i = people.registry.indexOf(qual.person);
      const person = i === undefined ? undefined : people.registry.people[i];
      items.push({
        person: qual.person,
        name: person?.name ?? null,
        role: person?.role ?? null,
        team: person?.team ?? null,
        qualification: qual.type,
        qualificationName: people.registry.types.get(qual.type)?.name ?? null,
        number: qual.number ?? null,
        expires: qual.expires,
        daysLeft: daysLeft(qual, today),
        status,
      });
    }
    items.sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || a.person.localeCompare(b.person));
    return sendAck(ctx, reply, ok({ today: dateOfDay(today), days, items }));
  });

  app.get<{ Params: { id: string } }>(`${routes.people}/:id`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const p = people.registry.indexOf(req.params.id);
    if (p === undefined) return sendAck(ctx, reply, fail('not_found', `unknown person "${req.params.id.slice(0, 80)}"`));
    return sendAck(ctx, reply, ok(personView(people, p, people.today(ctx.clock.now()))));
  });

  app.get<{ Params: { id: string } }>(`${routes.people}/:id/positions`, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    const q = positionsQuery.safeParse(req.query);
    if (!q.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(q.error)}`));
    const p = people.registry.indexOf(req.params.id);
    if (p === undefined) return sendAck(ctx, reply, fail('not_found', `unknown person "${req.params.id.slice(0, 80)}"`));
    const to = q.data.to ?? ctx.clock.now() + 1;
    const from = q.data.from ?? to - 3_600_000;
    if (!(from < to)) return sendAck(ctx, reply, fail('bad_request', 'invalid query: from must be before to'));
    const { oldest, ...s } = people.positions(p, from, to, q.data.maxPoints);
    return sendAck(ctx, reply, ok({ person: req.params.id, from, to, oldest, count: s.t.length, ...s }));
  });

  app.get(routes.zones, async (req, reply) => {
    if (!requireUser(ctx, req, reply)) return reply;
    return sendAck(ctx, reply, ok(zonesView(people, ctx.clock.now())));
  });

  app.post(routes.peopleImport, { bodyLimit: IMPORT_BODY_LIMIT }, async (req, reply) => {
    const user = requireUser(ctx, req, reply);
    if (!user) return reply;
    if (!IMPORT_ROLES.includes(user.role)) return sendAck(ctx, reply, fail('forbidden', `importing into the registry needs one of the roles ${IMPORT_ROLES.join(', ')} / 导入人员名册需要管理员或值班长角色`));
    const query = importQuery.safeParse(req.query);
    if (!query.success) return sendAck(ctx, reply, fail('bad_request', `invalid query: ${describeZodError(query.error)}`));
    let result;
    if (typeof req.body === 'string') {
      result = people.importRegistry('csv', { csv: req.body, list: query.data.list }, user.name);
    } else {
      const body = importPayloadSchema.safeParse(req.body);
      if (!body.success) return sendAck(ctx, reply, fail('bad_request', `invalid import: ${describeZodError(body.error)}`));
      result = people.importRegistry('json', { people: body.data.people ?? [], qualifications: body.data.qualifications ?? [] }, user.name);
    }
    if (result.issues.length > 0) {
      ctx.metrics.reject('bad_request');
      const first = result.issues.slice(0, 5).map((i) => `${i.list} row ${i.row} ${i.field}: ${i.message}`);
      return reply
        .code(400)
        .type('application/json; charset=utf-8')
        .send({ ok: false, code: 'bad_request', message: `the import has ${result.issues.length} problem(s); nothing was changed / 导入有 ${result.issues.length} 处错误，未做任何更改: ${first.join('; ')}`, issues: result.issues });
    }
    return sendAck(ctx, reply, ok({ people: result.people.length, qualifications: result.qualifications.length, registryVersion: result.registryVersion }));
  });
}
