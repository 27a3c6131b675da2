import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { evaluatePlume, plumeRequestSchema } from '../../shared/plume/dispersionApi';
import { threatLevelsFileSchema, type ChemicalThreat } from '../../shared/plume/threatLevels';
import { fail } from '../../shared/protocol/messages';
import { routes } from '../../shared/protocol/rest';
import type { ServerContext } from '../context';
import { describeZodError } from '../util/describeZodError';
import { sendAck } from './ack';

/** Up to MAX_RECEPTORS receptors of ~60 bytes each. */
export const DISPERSION_BODY_LIMIT = 1024 * 1024;

/** Reads resources/standards/threat-levels.json; throws with the file and path on a bad file. */
export function loadThreatLevels(root: string): Map<string, ChemicalThreat> {
  const file = path.join(root, 'resources', 'standards', 'threat-levels.json');
  const parsed = threatLevelsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${describeZodError(parsed.error)}`);
  return new Map(parsed.data.chemicals.map((c) => [c.id, c]));
}

/**
 * `POST /api/v1/dispersion/plume` (docs/dispersion.md): public like /health — a pure model
 * evaluation that reveals nothing about the plant — with its own body limit. The answer is the
 * documented shape at the top level (`receptors`, `zones`, `model`, `warnings`) with `ok: true`;
 * errors are the usual `{ok: false, code, message}`.
 */
export function registerDispersionRoutes(app: FastifyInstance, ctx: ServerContext, chemicals: Map<string, ChemicalThreat>): void {
  app.post(routes.dispersionPlume, { bodyLimit: DISPERSION_BODY_LIMIT }, async (req, reply) => {
    const parsed = plumeRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendAck(ctx, reply, fail('bad_request', `invalid plume request: ${describeZodError(parsed.error)}`));
    const id = parsed.data.chemical;
    const chem = id === undefined ? null : (chemicals.get(id) ?? null);
    if (id !== undefined && !chem) {
      return sendAck(ctx, reply, fail('bad_request', `unknown chemical "${id}" (known: ${[...chemicals.keys()].join(', ')})`));
    }
    if (parsed.data.levelSet && chem && !chem.levelSets[parsed.data.levelSet]) {
      return sendAck(ctx, reply, fail('bad_request', `chemical "${chem.id}" has no ${parsed.data.levelSet} levels (has: ${Object.keys(chem.levelSets).join(', ')})`));
    }
    const result = evaluatePlume(parsed.data, chem);
    return reply.code(200).type('application/json; charset=utf-8').header('cache-control', 'no-store').send({ ok: true, ...result });
  });
}
