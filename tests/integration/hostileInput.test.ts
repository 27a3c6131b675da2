import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Health } from '../../shared/protocol/rest';
import { PROTOCOL_VERSION, type Ack } from '../../shared/protocol/messages';
import { startHarness, TestConsole, waitFor, type Harness } from './harness';

let h: Harness;
const consoles: TestConsole[] = [];
function open(): TestConsole {
  const c = new TestConsole(h.server.url);
  consoles.push(c);
  return c;
}
async function rejected(): Promise<Record<string, number>> {
  const res = await h.rest('/api/v1/health');
  return (res.body as Ack<Health>).ok ? (res.body as { data: Health }).data.rejected : {};
}
/** Emits without an ack callback (fire and forget). */
function fire(c: TestConsole, event: string, ...args: unknown[]): void {
  c.socket.emit(event, ...args);
}

beforeAll(async () => {
  h = await startHarness({ gateway: { floodDisconnectAfter: 100_000 } });
});
afterAll(async () => {
  for (const c of consoles) c.close();
  await h.stop();
});

describe('hostile socket input', () => {
  it('refuses everything before hello, and malformed hellos', async () => {
    const c = open();
    await c.connected();
    expect(await c.request('command', { id: 'req-000001', name: 'sim.clear', payload: {} })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await c.request('subscribe', { areas: '*' })).toMatchObject({ ok: false, code: 'unauthenticated' });
    for (const garbage of [42, 'hello', null, [], true, { protocolVersion: '1', token: h.adminToken }, { protocolVersion: PROTOCOL_VERSION }]) {
      expect(await c.request('hello', garbage)).toMatchObject({ ok: false, code: 'bad_request' });
    }
    expect(await c.request('hello', Buffer.from('binary!'))).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await c.request('hello', { protocolVersion: PROTOCOL_VERSION + 1, token: h.adminToken })).toMatchObject({ ok: false, code: 'protocol_version' });
    expect(await c.hello('not-a-real-token-but-long-enough')).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await c.hello('')).toMatchObject({ ok: false, code: 'bad_request' });
    // Claiming a role in hello is not part of the contract.
    expect(await c.request('hello', { protocolVersion: PROTOCOL_VERSION, token: h.adminToken, role: 'admin' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await c.request('hello', { protocolVersion: PROTOCOL_VERSION, token: h.adminToken }, 'extra')).toMatchObject({ ok: false, code: 'bad_request' });
    const r = await rejected();
    expect(r.not_hello).toBeGreaterThanOrEqual(2);
    expect(r.bad_request).toBeGreaterThanOrEqual(11);
    expect(r.protocol_version).toBeGreaterThanOrEqual(1);
    expect(r.unauthenticated).toBeGreaterThanOrEqual(3);
  });

  it('answers unknown events and counts missing acks', async () => {
    const c = open();
    await c.connected();
    const before = await rejected();
    expect(await c.request('rm -rf', { all: true })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await c.request('__proto__', {})).toMatchObject({ ok: false, code: 'bad_request' });
    fire(c, 'constructor', 1);
    fire(c, 'hello', { protocolVersion: PROTOCOL_VERSION, token: h.adminToken });
    fire(c, 'hello');
    const after = await waitFor(async () => {
      const r = await rejected();
      return r.no_ack! >= before.no_ack! + 2 && r.unknown_event! >= before.unknown_event! + 3 ? r : null;
    });
    expect(after).toBeTruthy();
  });

  it('validates command payloads: NaN/Infinity, unknown tags, role claims, unknown commands', async () => {
    const c = open();
    await c.connected();
    const viewer = await h.tokenFor('viewer');
    expect((await c.hello(viewer)).ok).toBe(true);
    const tag = h.server.ctx.loaded.plant.tags[0]!;
    const cmd = (id: string, name: string, payload: unknown) => c.request('command', { id, name, payload });
    // A viewer that claims to be an admin in the payload is still a viewer.
    expect(await cmd('lie-000001', 'sim.inject', { kind: 'detector_failure', tag: tag.id, mode: 'bad', role: 'admin' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await c.request('command', { id: 'lie-000002', name: 'sim.clear', payload: {}, user: { role: 'admin' } })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await cmd('cmd-000003', 'sim.destroy', {})).toMatchObject({ ok: false, code: 'unknown_command' });
    expect(await c.request('command', 'sim.inject')).toMatchObject({ ok: false, code: 'bad_request' });

    const coord = open();
    await coord.connected();
    expect((await coord.hello(await h.tokenFor('drill_coordinator'))).ok).toBe(true);
    const ccmd = (id: string, payload: unknown) => coord.request('command', { id, name: 'sim.inject', payload });
    const release = { kind: 'gas_release', position: tag.position, chemical: h.server.ctx.loaded.plant.chemicals[0]!.id, rateKgS: 1 };
    expect(await ccmd('nan-000001', { ...release, rateKgS: NaN })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await ccmd('inf-000001', { ...release, rateKgS: Infinity })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await ccmd('inf-000002', { ...release, position: [Infinity, 0, 0] })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await ccmd('big-000001', { ...release, rateKgS: 1e308 })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await ccmd('unk-000001', { kind: 'detector_failure', tag: 'NO-SUCH-TAG', mode: 'bad' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await ccmd('unk-000002', { ...release, chemical: 'unobtainium' })).toMatchObject({ ok: false, code: 'not_found' });
    let deep: unknown = {};
    for (let i = 0; i < 500; i++) deep = { a: deep };
    expect(await ccmd('deep-00001', deep)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await coord.request('subscribe', { areas: ['NOPE'] })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await coord.request('subscribe', { areas: 'all' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(Object.keys(h.server.ctx.engine.state.injections)).toEqual([]);
  });

  it('rate-limits floods without losing what was accepted', async () => {
    const c = open();
    await c.connected();
    const before = (await rejected()).rate_limited!;
    const acks = await Promise.all(Array.from({ length: 300 }, () => c.request('subscribe', { areas: '*' })));
    const limited = acks.filter((a) => !a.ok && /rate limit/.test(a.message));
    expect(limited.length).toBeGreaterThan(0);
    expect(acks.filter((a) => !a.ok && a.code === 'unauthenticated').length + limited.length).toBe(300);
    expect((await rejected()).rate_limited!).toBeGreaterThanOrEqual(before + limited.length);
  });

  it('cuts off an oversized message and a broken packet, and counts them', async () => {
    const before = await rejected();
    const c = open();
    await c.connected();
    const closed = new Promise<string>((resolve) => c.socket.on('disconnect', (reason) => resolve(reason)));
    fire(c, 'hello', { protocolVersion: PROTOCOL_VERSION, token: 'x'.repeat(200_000) });
    expect(await closed).toMatch(/transport/);

    const ws = new WebSocket(`${h.server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    await new Promise((resolve) => ws.once('open', resolve));
    const joined = new Promise((resolve) => ws.on('message', (m) => String(m).startsWith('40') && resolve(null)));
    ws.send('40');
    await joined;
    ws.send('42["hello", {broken json');
    await new Promise((resolve) => ws.once('close', resolve));

    await waitFor(async () => {
      const r = await rejected();
      return r.oversized! > before.oversized! && r.malformed_packet! > before.malformed_packet!;
    }, 3000, 'oversized and malformed counters');
  });

  it('still serves a well-behaved console afterwards', async () => {
    const c = open();
    await c.connected();
    expect((await c.hello(h.adminToken)).ok).toBe(true);
    expect(await c.request('subscribe', { areas: '*' })).toMatchObject({ ok: true });
    await waitFor(() => c.frames.length >= 2, 5000, 'frames');
    const health = await h.rest('/api/v1/health');
    expect(health.status).toBe(200);
    expect((health.body as { data: Health }).data.status).toBe('ok');
  });
});
