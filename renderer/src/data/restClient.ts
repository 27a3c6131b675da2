import { z } from 'zod';
import { plantSchema, type Plant } from '../../../shared/plant/schema';
import { recentSchema, routes, sessionSchema, type Recent, type Session } from '../../../shared/protocol/rest';
import { errorCodes, type Ack } from '../../../shared/protocol/messages';
import { peopleListSchema, zonesViewSchema, type PeopleList, type ZonesView } from '../people/peopleRegistry';
import { historyPath, historySchema, type History } from '../../../shared/historian/historySchema';
import { alarmJournalPageSchema, alarmKpiSchema, type AlarmKpi } from '../../../shared/protocol/alarmKpi';
import { hazardStatsSchema, type HazardStats } from '../../../shared/hazard/model';
import { hazardRoutes } from '../../../shared/hazard/api';

/** A REST call that did not give an answer: the server was unreachable or said something unreadable. */
export class NetworkError extends Error {}

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

const failSchema = z.object({ ok: z.literal(false), code: z.enum(errorCodes), message: z.string() });

/**
 * Thin typed client of the plant server's REST API (shared/protocol/rest). Every answer is
 * validated; a well-formed `{ok:false}` comes back as such, anything else throws NetworkError.
 */
export class RestClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {}

  plant(): Promise<Ack<{ hash: string; plant: Plant }>> {
    return this.call(routes.plant, z.object({ hash: z.string(), plant: plantSchema }));
  }

  localSession(): Promise<Ack<Session>> {
    return this.call(routes.localSession, sessionSchema);
  }

  signIn(user: string, password: string): Promise<Ack<Session>> {
    return this.call(routes.session, sessionSchema, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password }) });
  }

  recent(tagId: string, seconds: number, token: string | null): Promise<Ack<Recent>> {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return this.call(`${routes.tagRecent(tagId)}?seconds=${Math.round(seconds)}`, recentSchema, { headers });
  }

  /** One tag's history from the historian (docs/historian.md); times ms since epoch, both ends inclusive. */
  history(tagId: string, from: number, to: number, maxPoints: number, token: string | null): Promise<Ack<History>> {
    const q = `?from=${Math.max(0, Math.floor(from))}&to=${Math.ceil(to)}&maxPoints=${Math.max(1, Math.round(maxPoints))}`;
    return this.call(historyPath(tagId) + q, historySchema, { headers: bearer(token) });
  }

  /** `at`: the window's end, a past instant (replay); left out: now. */
  alarmKpi(windowS: number, token: string | null, at?: number): Promise<Ack<AlarmKpi>> {
    const atQuery = at !== undefined ? `&at=${Math.floor(at)}` : '';
    return this.call(`${routes.alarmKpi}?window=${Math.round(windowS)}${atQuery}`, alarmKpiSchema, { headers: bearer(token) });
  }

  alarmJournal(from: number, to: number, after: number, token: string | null): Promise<Ack<{ events: unknown[]; next: number | null }>> {
    return this.call(`${routes.alarmJournal}?from=${Math.floor(from)}&to=${Math.ceil(to)}&after=${after}&limit=5000`, alarmJournalPageSchema, { headers: bearer(token) });
  }

  people(token: string | null): Promise<Ack<PeopleList>> {
    return this.call(routes.people, peopleListSchema, { headers: bearer(token) });
  }

  zones(token: string | null): Promise<Ack<ZonesView>> {
    return this.call(routes.zones, zonesViewSchema, { headers: bearer(token) });
  }

  hazardStats(from: number, to: number, token: string | null): Promise<Ack<HazardStats>> {
    return this.call(`${hazardRoutes.stats}?from=${Math.floor(from)}&to=${Math.ceil(to)}`, hazardStatsSchema, { headers: bearer(token) });
  }

  private async call<T>(path: string, data: z.ZodType<T>, init?: RequestInit): Promise<Ack<T>> {
    let res: Response;
    let body: unknown;
    try {
      res = await this.fetchFn(this.baseUrl + path, { cache: 'no-store', ...init });
      body = await res.json();
    } catch (err) {
      throw new NetworkError(err instanceof Error ? err.message : String(err));
    }
    const okParsed = z.object({ ok: z.literal(true), data }).safeParse(body);
    if (okParsed.success) return { ok: true, data: okParsed.data.data as T };
    const failParsed = failSchema.safeParse(body);
    if (failParsed.success) return failParsed.data;
    throw new NetworkError(`unexpected answer from ${path} (HTTP ${res.status})`);
  }
}

function bearer(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
