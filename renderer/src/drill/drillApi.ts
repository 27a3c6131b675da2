import { z } from 'zod';
import { drillRecordSchema, drillScoreSchema, type DrillRecord, type DrillScore } from '../../../shared/drill/scenario';
import { localText } from '../../../shared/plant/primitives';
import type { FetchFn } from '../data/restClient';

/** Drill REST routes (docs/drills.md). */
export const drillRoutes = {
  scenarios: '/api/v1/scenarios',
  drills: '/api/v1/drills',
  drill: (id: string) => `/api/v1/drills/${encodeURIComponent(id)}`,
  score: (id: string) => `/api/v1/drills/${encodeURIComponent(id)}/score`,
  review: (id: string) => `/api/v1/drills/${encodeURIComponent(id)}/review`,
} as const;

/** What the coordinator panel lists of a scenario (the rest of the YAML is the server's). */
export const scenarioSummarySchema = z.object({
  id: z.string(),
  name: localText,
  description: localText.optional(),
  incidentType: z.string().optional(),
  durationS: z.number().optional(),
  timeline: z.array(z.object({ atS: z.number(), action: z.object({ do: z.string() }).passthrough() })).optional(),
  expect: z.array(z.object({ targetS: z.number() }).passthrough()).optional(),
});
export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;

/**
 * GET /drills/:id/review (shared/drill/drillApi.ts DrillReview): the drill, its score, each
 * expectation (target vs actual), the script (when each step was due and when it ran) and the
 * drill's events with drill seconds and actor. Only what the console shows is validated.
 */
export const drillReviewSchema = z
  .object({
    drill: drillRecordSchema.optional(),
    score: drillScoreSchema.nullable().optional(),
    expected: z.array(drillScoreSchema.shape.items.element).optional(),
    script: z.array(z.object({ index: z.number(), atS: z.number(), do: z.string(), what: z.string(), ranS: z.number().nullable() }).passthrough()).optional(),
    events: z.array(z.object({ seq: z.number(), time: z.number(), drillS: z.number(), type: z.string(), actor: z.string(), kind: z.string(), text: z.string() }).passthrough()).optional(),
    truncated: z.boolean().optional(),
  })
  .passthrough();
export type DrillReview = z.infer<typeof drillReviewSchema>;

export type Read<T> = { ok: true; data: T } | { ok: false; message: string };

export interface DrillApi {
  scenarios(): Promise<Read<ScenarioSummary[]>>;
  drill(id: string): Promise<Read<DrillRecord>>;
  score(id: string): Promise<Read<DrillScore>>;
  review(id: string): Promise<Read<DrillReview>>;
}

/** The drill reads over REST with the session's token; every answer validated for what the console shows. */
export class DrillClient implements DrillApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => string | null,
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {}

  scenarios(): Promise<Read<ScenarioSummary[]>> {
    // The catalog lists every file with its parse result ({file, id, runnable, errors, scenario}); only runnable ones can start.
    const entry = z.union([
      z.object({ runnable: z.boolean(), scenario: scenarioSummarySchema.nullable() }).passthrough().transform((e) => (e.runnable ? e.scenario : null)),
      scenarioSummarySchema,
    ]);
    const list = z.union([z.array(entry), z.object({ scenarios: z.array(entry) }).transform((o) => o.scenarios)]).transform((l) => l.filter((x): x is ScenarioSummary => x !== null));
    return this.get(drillRoutes.scenarios, list);
  }

  drill(id: string): Promise<Read<DrillRecord>> {
    return this.get(drillRoutes.drill(id), z.union([drillRecordSchema, z.object({ drill: drillRecordSchema }).transform((o) => o.drill)]));
  }

  score(id: string): Promise<Read<DrillScore>> {
    return this.get(drillRoutes.score(id), drillScoreSchema);
  }

  review(id: string): Promise<Read<DrillReview>> {
    return this.get(drillRoutes.review(id), drillReviewSchema);
  }

  private async get<T>(path: string, schema: z.ZodType<T>): Promise<Read<T>> {
    const token = this.token();
    try {
      const res = await this.fetchFn(this.baseUrl + path, { cache: 'no-store', headers: token ? { authorization: `Bearer ${token}` } : {} });
      const body = (await res.json()) as { ok?: boolean; data?: unknown; message?: string };
      if (body.ok !== true) return { ok: false, message: body.message ?? `HTTP ${res.status}` };
      const parsed = schema.safeParse(body.data);
      return parsed.success ? { ok: true, data: parsed.data } : { ok: false, message: `unreadable answer from ${path}` };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }
}

let current: DrillApi | null = null;
export function setDrillApi(api: DrillApi | null): void {
  current = api;
}
/** The console's drill REST client, or null where the source has no server (fake data). */
export function drillApi(): DrillApi | null {
  return current;
}
