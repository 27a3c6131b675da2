import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../shared/protocol/frame';
import { PROTOCOL_VERSION } from '../../../shared/protocol/messages';
import { bandEvent, harness, live, reply, settle } from '../testing/liveHarness';

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
