import { z } from 'zod';
import { roleSchema } from './roles';

/**
 * REST contract of the plant server (prefix /api/v1). Every response body is an Ack:
 * `{ok: true, data}` with 2xx, or `{ok: false, code, message}` with 4xx/5xx.
 * Commands over REST take `Authorization: Bearer <token>`.
 */
export const API_PREFIX = '/api/v1';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  mode: z.enum(['simulator', 'live']),
  uptimeS: z.number(),
  plantId: z.string(),
  tagCount: z.number().int(),
  consoles: z.number().int(),
  seq: z.number().int(),
  /** Rejected inbound messages by reason (bad_request, unauthenticated, forbidden, oversized, …). */
  rejected: z.record(z.string(), z.number().int()),
});
export type Health = z.infer<typeof healthSchema>;

/** `person`: the registry person the account is linked to (users.json), for hazard orders assigned to them. */
export const sessionUserSchema = z.object({ name: z.string(), role: roleSchema, displayName: z.string().optional(), person: z.string().optional() });
export const sessionSchema = z.object({ token: z.string(), user: sessionUserSchema });
export type Session = z.infer<typeof sessionSchema>;

export const signInSchema = z.object({ user: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict();

/** GET /tags/:id/recent?seconds=600 — the recent window kept in memory for trends. */
export const recentSchema = z.object({
  tag: z.string(),
  index: z.number().int(),
  times: z.array(z.number()),
  values: z.array(z.number().nullable()),
  quality: z.array(z.number().int()),
});
export type Recent = z.infer<typeof recentSchema>;

export const routes = {
  health: `${API_PREFIX}/health`,
  /** POST PlumeRequest → {ok, receptors, zones?, model, warnings} (shared/plume/dispersionApi.ts, docs/dispersion.md); public */
  dispersionPlume: `${API_PREFIX}/dispersion/plume`,
  /** GET → {hash, plant} */
  plant: `${API_PREFIX}/plant`,
  /** GET → Session when the request comes from loopback and the server runs the embedded simulator demo; 403 otherwise. */
  localSession: `${API_PREFIX}/session/local`,
  /** POST signIn → Session */
  session: `${API_PREFIX}/session`,
  /** POST Injection → {injectionId}; roles drill_coordinator, admin */
  simInject: `${API_PREFIX}/sim/inject`,
  /** POST {injectionId?} → {cleared: string[]} */
  simClear: `${API_PREFIX}/sim/clear`,
  /** GET → {events: JournalEvent[]} ?after=seq&limit=n */
  journal: `${API_PREFIX}/journal`,
  tagRecent: (id: string) => `${API_PREFIX}/tags/${encodeURIComponent(id)}/recent`,
  /** GET → {alarms: AlarmRecord[], total} ?area=A,B&state=unacked,acked&priority=1,2&limit=n — active alarms, priority then newest first */
  alarms: `${API_PREFIX}/alarms`,
  /** GET → {events: JournalEvent[] (alarm.changed), next: seq | null} ?from=ms&to=ms&after=seq&limit=n */
  alarmJournal: `${API_PREFIX}/alarms/journal`,
  /** GET → AlarmKpiReport ?window=s (default 86400) */
  alarmKpi: `${API_PREFIX}/alarms/kpi`,
  /** POST forms of the alarm commands: body = the command's payload → AlarmCommandResult. */
  alarmAck: `${API_PREFIX}/alarms/ack`,
  alarmShelve: `${API_PREFIX}/alarms/shelve`,
  alarmUnshelve: `${API_PREFIX}/alarms/unshelve`,
  alarmReset: `${API_PREFIX}/alarms/reset`,
  alarmRemoveFromService: `${API_PREFIX}/alarms/remove-from-service`,
  alarmReturnToService: `${API_PREFIX}/alarms/return-to-service`,
  /** GET → PeopleList (registry + latest fix per person) ?area=A,B&onSite=true — docs/protocol.md §4.2 */
  people: `${API_PREFIX}/people`,
  person: (id: string) => `${API_PREFIX}/people/${encodeURIComponent(id)}`,
  /** GET → position history of one person ?from=ms&to=ms&maxPoints=n */
  personPositions: (id: string) => `${API_PREFIX}/people/${encodeURIComponent(id)}/positions`,
  /** GET → certificates and courses expired or expiring ?days=30 */
  certificatesExpiring: `${API_PREFIX}/people/certificates/expiring`,
  /** POST CSV (?list=people|qualifications) or JSON {people?, qualifications?} → {people, qualifications, registryVersion}; roles admin, shift_lead */
  peopleImport: `${API_PREFIX}/people/import`,
  /** GET → occupancy per area, who is in each restricted zone and confined space */
  zones: `${API_PREFIX}/zones`,
  /** POST {fixes: RtlsFix[]} → {accepted, refused}; the RTLS token or an admin */
  rtlsFixes: `${API_PREFIX}/rtls/fixes`,
  /** GET → RTLS ingest totals since start */
  rtlsStats: `${API_PREFIX}/rtls/stats`,
  metrics: '/metrics',
} as const;
