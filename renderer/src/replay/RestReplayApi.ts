import type { JournalEvent } from '../../../shared/state/events';
import type { FetchFn } from '../data/restClient';
import { readEvents, readFrame, ReplayReadError, type NearPerson, type PeopleResolver, type ReplayApi, type ReplayFrame } from './replayApi';

/** Replay routes (docs/drills.md, docs/historian.md). */
export const replayRoutes = {
  frame: '/api/v1/replay/frame',
  events: '/api/v1/replay/events',
  state: '/api/v1/state',
  journal: '/api/v1/journal',
  near: '/api/v1/positions/near',
} as const;

const PAGE = 2000;
/** Most journal pages read to find a time range when the server has no time-ranged events route. */
const MAX_SCAN_PAGES = 50;

/** A route this server does not have (an older server): the caller falls back to an older route. */
class MissingRoute extends Error {}

/**
 * ReplayApi over the plant server's REST routes, with the session's token. Where the server
 * lacks the replay routes it falls back to what older servers have: the state at an instant
 * (`/api/v1/state?at=`, no values or positions) and journal pages by seq (`/api/v1/journal`).
 */
export class RestReplayApi implements ReplayApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => string | null,
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
    private readonly people?: PeopleResolver,
  ) {}

  async frame(at: number): Promise<ReplayFrame> {
    const t = Math.max(0, Math.round(at));
    try {
      return readFrame(await this.get(`${replayRoutes.frame}?at=${t}`), this.people);
    } catch (err) {
      if (!(err instanceof MissingRoute)) throw err;
    }
    const s = (await this.get(`${replayRoutes.state}?at=${t}`)) as { seq: number; time: number; state: unknown };
    return readFrame({ ...s, values: null, positions: null });
  }

  async events(afterSeq: number, limit: number): Promise<JournalEvent[]> {
    return readEvents(await this.get(`${replayRoutes.journal}?after=${afterSeq}&limit=${Math.min(5000, Math.max(1, limit))}`));
  }

  async eventsBetween(from: number, to: number): Promise<JournalEvent[]> {
    try {
      // Paged by seq: `next` is the `after` of the next page, null at the end.
      const out: JournalEvent[] = [];
      let after: number | null = 0;
      for (let page = 0; page < MAX_SCAN_PAGES && after !== null; page++) {
        const body = (await this.get(`${replayRoutes.events}?from=${Math.floor(from)}&to=${Math.ceil(to)}${after > 0 ? `&after=${after}` : ''}`)) as { next?: unknown };
        out.push(...readEvents(body));
        after = typeof body?.next === 'number' ? body.next : null;
      }
      return out;
    } catch (err) {
      if (!(err instanceof MissingRoute)) throw err;
    }
    const out: JournalEvent[] = [];
    let after = 0;
    for (let page = 0; page < MAX_SCAN_PAGES; page++) {
      const events = await this.events(after, PAGE);
      for (const e of events) if (e.time >= from && e.time <= to) out.push(e);
      if (events.length < PAGE || events[events.length - 1]!.time > to) break;
      after = events[events.length - 1]!.seq;
    }
    return out;
  }

  async peopleNear(x: number, y: number, radius: number, from: number, to: number): Promise<NearPerson[]> {
    const q = `?x=${x.toFixed(1)}&y=${y.toFixed(1)}&radius=${Math.round(radius)}&from=${Math.floor(from)}&to=${Math.ceil(to)}`;
    const data = (await this.get(replayRoutes.near + q)) as { people?: unknown };
    if (!Array.isArray(data.people)) throw new ReplayReadError('unreadable positions/near answer');
    return (data.people as Record<string, unknown>[]).map((p) => ({
      person: String(p.person),
      name: (p.name as NearPerson['name']) ?? null,
      role: typeof p.role === 'string' ? p.role : null,
      distance: Number(p.distance),
      t: Number(p.t),
      area: typeof p.area === 'string' ? p.area : null,
    }));
  }

  private async get(path: string): Promise<unknown> {
    const token = this.token();
    let res: Response;
    let body: unknown;
    try {
      res = await this.fetchFn(this.baseUrl + path, { cache: 'no-store', headers: token ? { authorization: `Bearer ${token}` } : {} });
      body = await res.json();
    } catch (err) {
      throw new ReplayReadError(err instanceof Error ? err.message : String(err));
    }
    const b = body as { ok?: unknown; data?: unknown; message?: unknown } | null;
    if (b?.ok === true) return b.data;
    if (res.status === 404 && b?.ok === undefined) throw new MissingRoute(path);
    throw new ReplayReadError(typeof b?.message === 'string' ? b.message : `HTTP ${res.status} from ${path}`);
  }
}
