import { initialState, type CommandState } from '../../../shared/state/reducer';
import type { HelloReply } from '../../../shared/protocol/messages';
import type { JournalEvent } from '../../../shared/state/events';
import { testPlant } from './testPlant';
import { ManualTimers } from './manualTimers';
import type { DataSourceListener, Presence } from '../data/DataSource';
import { LiveSource, type LiveSourceOptions, type SourceSocket } from '../data/LiveSource';
import { RestClient } from '../data/restClient';
import { SessionClient } from '../data/sessionClient';
import type { SampleFrame } from '../stores/tagStore';
import type { RobotsMessage } from '../../../shared/robots/model';

/** A LiveSource wired to a scripted REST server and fake sockets, driven by manual timers (unit tests). */
type Handler = (...args: never[]) => void;

export class FakeSocket implements SourceSocket {
  connected = false;
  handlers = new Map<string, Handler[]>();
  emitted: { event: string; args: unknown[] }[] = [];
  acks: { event: string; payload: unknown; cb: (err: Error | null, res: unknown) => void }[] = [];
  on(event: string, fn: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const h of this.handlers.get(event) ?? []) (h as (...a: unknown[]) => void)(...args);
  }
  emit(event: string, ...args: unknown[]): this {
    this.emitted.push({ event, args });
    return this;
  }
  timeout(): { emit(event: string, payload: unknown, cb: (err: Error | null, res: unknown) => void): void } {
    return { emit: (event, payload, cb) => void this.acks.push({ event, payload, cb }) };
  }
  connect(): this {
    this.connected = true;
    this.fire('connect');
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  lastHello(): { payload: Record<string, unknown>; cb: (err: Error | null, res: unknown) => void } {
    const a = this.acks.filter((x) => x.event === 'hello').at(-1);
    if (!a) throw new Error('no hello sent');
    return { payload: a.payload as Record<string, unknown>, cb: a.cb };
  }
}

export const plant = testPlant();

export function reply(over: Partial<HelloReply>): { ok: true; data: HelloReply } {
  return {
    ok: true,
    data: {
      serverVersion: '0.1.0',
      plantId: 'test',
      plantHash: 'H1',
      tagCount: plant.tags.length,
      user: { name: 'local', role: 'commander' },
      resume: 'snapshot',
      snapshot: { seq: 5, time: 1000, state: { ...initialState(), seq: 5 } as unknown as Record<string, unknown> },
      framePeriodMs: 100,
      serverTime: 50_000,
      ...over,
    },
  };
}

export function bandEvent(seq: number, to: 'h' | 'normal' = 'h'): JournalEvent {
  return { seq, time: 1000 + seq, actor: 'system', type: 'tag.band.changed', payload: { tag: 'TI-101', from: 'normal', to, value: 130 } };
}

export interface Harness {
  source: LiveSource;
  sockets: FakeSocket[];
  timers: ManualTimers;
  presences: [Presence, string | null][];
  states: CommandState[];
  frames: SampleFrame[];
  /** Positions frames as delivered: person indices and flags, copied. */
  positions: { flags: number; persons: number[]; occupancy: number[] }[];
  /** `robots` messages as delivered. */
  robots: RobotsMessage[];
  plants: string[];
  server: { up: boolean; local: boolean };
}

export function harness(extra: Partial<LiveSourceOptions> = {}): Harness {
  const server = { up: true, local: true };
  const fetchFn = async (url: string, init?: RequestInit): Promise<Response> => {
    if (!server.up) throw new TypeError('fetch failed');
    const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status });
    if (url.endsWith('/api/v1/plant')) return json(200, { ok: true, data: { hash: 'H1', plant } });
    if (url.endsWith('/api/v1/session/local')) return server.local ? json(200, { ok: true, data: { token: 'T-local', user: { name: 'local', role: 'commander' } } }) : json(403, { ok: false, code: 'forbidden', message: 'not loopback' });
    if (url.endsWith('/api/v1/session') && init?.method === 'POST') return json(200, { ok: true, data: { token: 'T-signed', user: { name: 'li', role: 'shift_lead' } } });
    return json(404, { ok: false, code: 'not_found', message: url });
  };
  const rest = new RestClient('http://127.0.0.1:1', fetchFn);
  const timers = new ManualTimers();
  const sockets: FakeSocket[] = [];
  const h: Harness = { source: null as never, sockets, timers, presences: [], states: [], frames: [], positions: [], robots: [], plants: [], server };
  h.source = new LiveSource({
    rest,
    session: new SessionClient(rest, null),
    timers,
    clock: () => 40_000,
    random: () => 0.5,
    offlineAfterMs: 5000,
    connect: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    ...extra,
  });
  const listener: DataSourceListener = {
    plant: (_p, hash) => h.plants.push(hash),
    samples: (f) => h.frames.push({ ...f, ids: f.ids.slice(), values: f.values.slice() }),
    state: (s) => h.states.push(s),
    presence: (p, d) => h.presences.push([p, d]),
    positions: (f) => h.positions.push({ flags: f.flags, persons: Array.from(f.person), occupancy: Array.from(f.occupancy) }),
    robots: (m) => h.robots.push(m),
  };
  h.source.start(listener);
  return h;
}

export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

export async function live(h: Harness): Promise<FakeSocket> {
  await settle();
  const s = h.sockets.at(-1)!;
  s.connect();
  s.lastHello().cb(null, reply({}));
  await settle();
  return s;
}

