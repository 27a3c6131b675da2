import { z } from 'zod';
import { incidentRecordSchema } from '../../../shared/incident/model';
import { emergencyPlanSchema, type EmergencyPlan } from '../../../shared/incident/plan';
import { dispatchCandidateSchema, type DispatchCandidate } from '../../../shared/incident/resources';
import { incidentRoutes, type IncidentDetail, type SnapshotInfo } from '../../../shared/incident/incidentApi';
import { localText } from '../../../shared/plant/primitives';
import type { FetchFn } from './restClient';

/**
 * The incident-command REST reads (docs/incidents.md §REST) and the two things the console
 * sends that are not commands: the report download and map snapshots. Every answer is
 * validated for the fields the console shows; null means unreachable or refused (the panels
 * say "not available" and keep the live state from the journal).
 */
export interface IncidentApi {
  detail(id: string): Promise<IncidentDetail | null>;
  plans(): Promise<EmergencyPlan[] | null>;
  resources(): Promise<ResourcesView | null>;
  candidates(id: string, need?: string): Promise<CandidatesView | null>;
  /** The after-action report as one self-contained HTML page (or its JSON model). */
  report(id: string, format: 'html' | 'json'): Promise<string | null>;
  /** Uploads a PNG map snapshot for the report. */
  snapshot(id: string, png: Blob, caption: string): Promise<SnapshotInfo | null>;
}

const qualificationSchema = z.object({ type: z.string(), status: z.string(), expires: z.string().nullable() });
export const resourcesViewSchema = z.object({
  teams: z.array(
    z.object({
      id: z.string(),
      name: localText,
      kind: z.string(),
      base: z.tuple([z.number(), z.number(), z.number()]),
      vehicle: z.string().nullable(),
      requires: z.array(z.string()),
      members: z.array(z.object({ person: z.string(), name: localText.nullable(), role: z.string().nullable(), qualifications: z.array(qualificationSchema), fit: z.boolean() })),
    }),
  ),
  vehicles: z.array(z.object({ id: z.string(), name: localText, kind: z.string(), base: z.tuple([z.number(), z.number(), z.number()]), speedKmh: z.number() })),
  stock: z.array(
    z.object({
      id: z.string(),
      name: localText,
      position: z.tuple([z.number(), z.number(), z.number()]),
      area: z.string().nullable(),
      items: z.array(z.object({ kind: z.string(), quantity: z.number(), minQuantity: z.number(), expires: z.string().nullable(), usable: z.boolean(), alerts: z.array(z.string()) })),
    }),
  ),
  needs: z.record(z.string(), z.object({ teams: z.array(z.string()), materials: z.array(z.string()) })),
});
export type ResourcesView = z.infer<typeof resourcesViewSchema>;

export const candidatesViewSchema = z.object({
  incidentId: z.string(),
  target: z.tuple([z.number(), z.number()]).nullable(),
  needs: z.array(z.string()),
  candidates: z.array(dispatchCandidateSchema),
});
export type CandidatesView = { incidentId: string; target: [number, number] | null; needs: string[]; candidates: DispatchCandidate[] };

const logEntrySchema = z.object({ seq: z.number(), time: z.number(), actor: z.string(), type: z.string(), action: z.string(), note: z.string().optional() });
const snapshotSchema = z.object({ id: z.string(), at: z.number(), by: z.string(), caption: z.string(), bytes: z.number() });
const detailSchema = z.object({
  incident: incidentRecordSchema,
  flags: z.object({ firstReport: z.object({ dueAt: z.number(), at: z.number().nullable(), late: z.boolean() }), overdueSteps: z.array(z.string()), escalation: z.number() }),
  log: z.array(logEntrySchema),
  plan: emergencyPlanSchema.nullable(),
  snapshots: z.array(snapshotSchema),
});

const ack = <T extends z.ZodType>(data: T) => z.object({ ok: z.literal(true), data });

export class IncidentClient implements IncidentApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => string | null,
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {}

  detail(id: string): Promise<IncidentDetail | null> {
    return this.json(`${incidentRoutes.incidents}/${encodeURIComponent(id)}`, detailSchema) as Promise<IncidentDetail | null>;
  }

  async plans(): Promise<EmergencyPlan[] | null> {
    return (await this.json(incidentRoutes.plans, z.object({ plans: z.array(emergencyPlanSchema) })))?.plans ?? null;
  }

  resources(): Promise<ResourcesView | null> {
    return this.json('/api/v1/resources', resourcesViewSchema);
  }

  candidates(id: string, need?: string): Promise<CandidatesView | null> {
    const q = need ? `?need=${encodeURIComponent(need)}` : '';
    return this.json(`${incidentRoutes.incidents}/${encodeURIComponent(id)}/dispatch/candidates${q}`, candidatesViewSchema) as Promise<CandidatesView | null>;
  }

  async report(id: string, format: 'html' | 'json'): Promise<string | null> {
    const res = await this.send(`${incidentRoutes.incidents}/${encodeURIComponent(id)}/report?format=${format}`);
    return res?.ok ? res.text() : null;
  }

  async snapshot(id: string, png: Blob, caption: string): Promise<SnapshotInfo | null> {
    const res = await this.send(`${incidentRoutes.incidents}/${encodeURIComponent(id)}/snapshots?caption=${encodeURIComponent(caption.slice(0, 200))}`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png });
    if (!res) return null;
    const parsed = ack(snapshotSchema).safeParse(await res.json().catch(() => null));
    return parsed.success ? parsed.data.data : null;
  }

  private async json<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
    const res = await this.send(path);
    if (!res) return null;
    const parsed = ack(schema).safeParse(await res.json().catch(() => null));
    return parsed.success ? (parsed.data.data as T) : null;
  }

  private async send(path: string, init: RequestInit = {}): Promise<Response | null> {
    const token = this.token();
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      return await this.fetchFn(this.baseUrl + path, { cache: 'no-store', ...init, headers });
    } catch {
      return null;
    }
  }
}
