import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../shared/protocol/frame';
import { PROTOCOL_VERSION, type HelloReply } from '../../../shared/protocol/messages';
import { initialState, type CommandState } from '../../../shared/state/reducer';
import type { JournalEvent } from '../../../shared/state/events';
import { testPlant } from '../testing/testPlant';
import { ManualTimers } from '../testing/manualTimers';
import type { DataSourceListener, Presence } from './DataSource';
import { LiveSource, type SourceSocket } from './LiveSource';
import { RestClient } from './restClient';
import { SessionClient } from './sessionClient';
import type { SampleFrame } from '../stores/tagStore';

type Handler = (...args: never[]) => void;

class FakeSocket implements SourceSocket {
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

const plant = testPlant();

function reply(over: Partial<HelloReply>): { ok: true; data: HelloReply } {
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

function bandEvent(seq: number, to: 'h' | 'normal' = 'h'): JournalEvent {
  return { seq, time: 1000 + seq, actor: 'system', type: 'tag.band.changed', payload: { tag: 'TI-101', from: 'normal', to, value: 130 } };
}

interface Harness {
  source: LiveSource;
  sockets: FakeSocket[];
  timers: ManualTimers;
  presences: [Presence, string | null][];
  states: CommandState[];
  frames: SampleFrame[];
  plants: string[];
  server: { up: boolean; local: boolean };
}

function harness(): Harness {
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
  const h: Harness = { source: null as never, sockets, timers, presences: [], states: [], frames: [], plants: [], server };
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
  });
  const listener: DataSourceListener = {
    plant: (_p, hash) => h.plants.push(hash),
    samples: (f) => h.frames.push({ ...f, ids: f.ids.slice(), values: f.values.slice() }),
    state: (s) => h.states.push(s),
    presence: (p, d) => h.presences.push([p, d]),
  };
  h.source.start(listener);
  return h;
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

async function live(h: Harness): Promise<FakeSocket> {
  await settle();
  const s = h.sockets.at(-1)!;
  s.connect();
  s.lastHello().cb(null, reply({}));
  await settle();
  return s;
}

describe('LiveSource', () => {
  it('boots: plant, local session, hello without lastSeq, snapshot, subscribe, live', async () => {
    const h = harness();
    const s = await live(h);
    expect(h.plants).toEqual(['H1']);
    const hello = s.lastHello().payload;
    expect(hello).toMatchObject({ protocolVersion: PROTOCOL_VERSION, token: 'T-local' });
    expect(hello.lastSeq).toBeUndefined();
    expect(h.states.at(-1)?.seq).toBe(5);
    expect(s.emitted.find((e) => e.event === 'subscribe')?.args[0]).toEqual({ areas: '*' });
    expect(h.presences.map((p) => p[0])).toEqual(['connecting', 'live']);
    expect(h.source.now()).toBe(50_000);
  });

  it('applies events in seq order, skips duplicates and re-hellos on a gap', async () => {
    const h = harness();
    const s = await live(h);
    s.fire('event', bandEvent(6));
    s.fire('event', bandEvent(6));
    expect(h.states.at(-1)?.bands['TI-101']).toBe('h');
    expect(h.states.filter((x) => x.seq === 6)).toHaveLength(1);
    const hellos = s.acks.filter((a) => a.event === 'hello').length;
    s.fire('event', bandEvent(8, 'normal'));
    expect(s.acks.filter((a) => a.event === 'hello').length).toBe(hellos + 1);
    expect(s.lastHello().payload.lastSeq).toBe(6);
    s.lastHello().cb(null, reply({ resume: 'events', snapshot: undefined, events: [bandEvent(7, 'normal'), bandEvent(8)] }));
    await settle();
    expect(h.states.at(-1)?.seq).toBe(8);
    expect(h.states.at(-1)?.bands['TI-101']).toBe('h');
  });

  it('asks for a snapshot when the events of a reply do not continue its state', async () => {
    const h = harness();
    const s = await live(h);
    s.fire('socket-noise');
    s.fire('event', bandEvent(9));
    s.lastHello().cb(null, reply({ resume: 'events', snapshot: undefined, events: [bandEvent(9)] }));
    await settle();
    expect(s.lastHello().payload.lastSeq).toBeUndefined();
    expect(h.states.at(-1)?.seq).toBe(5);
  });

  it('drops malformed events and frames, counting them, and decodes good frames', async () => {
    const h = harness();
    const s = await live(h);
    s.fire('event', { seq: 6, type: 'nonsense' });
    s.fire('frame', new Uint8Array([1, 2, 3]));
    s.fire('frame', 'not binary');
    const buf = encodeFrame({ ids: Uint32Array.of(0, 2), values: Float64Array.of(42, 7), times: Float64Array.of(1000, 1010), quality: Uint8Array.of(0, 0) }, 2, 1);
    s.fire('frame', buf);
    expect(h.source.rejected).toMatchObject({ event: 1, frame: 2 });
    expect(h.frames).toHaveLength(1);
    expect(Array.from(h.frames[0]!.values)).toEqual([42, 7]);
    expect(h.states.at(-1)?.seq).toBe(5);
  });

  it('goes reconnecting then offline when the link drops, and resumes with lastSeq', async () => {
    const h = harness();
    const s = await live(h);
    s.fire('event', bandEvent(6));
    s.disconnect();
    s.fire('disconnect', 'transport close');
    expect(h.presences.at(-1)![0]).toBe('reconnecting');
    h.timers.advance(5000);
    expect(h.presences.at(-1)![0]).toBe('offline');
    s.connect();
    expect(s.lastHello().payload.lastSeq).toBe(6);
    s.lastHello().cb(null, reply({ resume: 'events', snapshot: undefined, events: [bandEvent(7, 'normal')] }));
    await settle();
    expect(h.presences.at(-1)![0]).toBe('live');
    expect(h.states.at(-1)?.seq).toBe(7);
  });

  it('waits for a sign-in when there is no local session, then continues', async () => {
    const h = harness();
    h.server.local = false;
    await settle();
    expect(h.presences.at(-1)).toEqual(['error', 'sign_in']);
    expect(h.sockets).toHaveLength(0);
  });

  it('takes a fresh local session once when the server no longer knows the token', async () => {
    const h = harness();
    const s = await live(h);
    s.disconnect();
    s.fire('disconnect', 'transport close');
    s.connect();
    s.lastHello().cb(null, { ok: false, code: 'unauthenticated', message: 'unknown token' });
    await settle();
    expect(h.sockets).toHaveLength(2);
    const s2 = h.sockets[1]!;
    s2.connect();
    s2.lastHello().cb(null, { ok: false, code: 'unauthenticated', message: 'unknown token' });
    await settle();
    expect(h.presences.at(-1)).toEqual(['error', 'sign_in']);
  });

  it('is offline while the server is unreachable and retries with backoff', async () => {
    const h = harness();
    h.server.up = false;
    await settle();
    expect(h.presences.at(-1)).toEqual(['offline', 'unreachable']);
    h.server.up = true;
    h.timers.advance(500);
    await settle();
    expect(h.plants).toEqual(['H1']);
    expect(h.sockets).toHaveLength(1);
  });
});
