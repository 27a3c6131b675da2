import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plant } from '../../shared/plant/schema';
import type { Ack } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { stableHash } from '../../shared/util/hash';
import type { WebhookBody } from '../../server/notify/notificationBody';
import { miniPlant, startHarness, TestConsole, waitFor, type Harness } from './harness';

/**
 * Graded pushes end to end: a real plant server (mini plant, its policy with escalation delays
 * shortened to seconds) POSTs to real HTTP endpoints on 127.0.0.1 — one that takes everything,
 * one that answers 500 and one where nothing listens. The server runs on a manual clock driven
 * one simulated second per tick; webhook delivery is real, asynchronous network I/O.
 */
type Notified = Extract<JournalEvent, { type: 'alarm.notified' }>;
const TRIP = 'SIS-R-1-P:TRIP';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

describe('graded pushes over real webhooks', () => {
  let h: Harness;
  let receiver: Server;
  const clock = new ManualClock(Date.UTC(2025, 5, 1, 8, 0, 0));
  const received: WebhookBody[] = [];
  let failedAttempts = 0;
  let base = '';
  let deadUrl = '';
  let watcher: TestConsole;
  let requestNo = 0;
  const consoles: TestConsole[] = [];

  const run = (seconds: number): void => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      h.server.ctx.runtime.tick();
    }
  };
  const connect = async (role: Parameters<Harness['tokenFor']>[0]): Promise<TestConsole> => {
    const c = new TestConsole(h.server.url);
    consoles.push(c);
    await c.connected();
    const hello = await c.hello(await h.tokenFor(role));
    if (!hello.ok) throw new Error(hello.message);
    return c;
  };
  const command = <T = unknown>(c: TestConsole, name: string, payload: unknown): Promise<Ack<T>> => c.request<T>('command', { id: `notify-it-${++requestNo}`, name, payload });
  const notified = (): Notified[] => h.server.ctx.engine.eventsPage(0, 100_000).filter((e): e is Notified => e.type === 'alarm.notified');
  const bodiesFor = (recipient: string, alarmId: string): WebhookBody[] => received.filter((b) => b.recipient.id === recipient && b.alarmIds.includes(alarmId));

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      void readBody(req).then((text) => {
        if (req.url === '/fail') {
          failedAttempts++;
          res.writeHead(500).end('down for maintenance');
          return;
        }
        received.push(JSON.parse(text) as WebhookBody);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/hook`;
    await new Promise((r) => dead.close(r));

    const mini = (await miniPlant()).plant;
    const policy = mini.notifications as NonNullable<Plant['notifications']>;
    const plant: Plant = {
      ...mini,
      notifications: {
        ...policy,
        rules: [
          { priorities: [1], notify: ['field_operator', 'shift_lead'], escalate: [{ afterS: 5, to: 'hse_manager' }, { afterS: 20, to: 'plant_manager' }] },
          { priorities: [2], notify: ['field_operator', 'shift_lead'], escalate: [{ afterS: 5, to: 'hse_manager' }] },
          { priorities: [3], notify: ['field_operator'], escalate: [{ afterS: 30, to: 'shift_lead' }] },
          { priorities: [4], notify: ['maintenance'], escalate: [] },
        ],
        consolidation: { windowS: 60, maxSingles: 3 },
      },
    };
    h = await startHarness({ plant: { plant, hash: stableHash(plant) }, clock, webhooks: [`${base}/ok`, `${base}/fail`, deadUrl] });
    watcher = await connect('viewer');
    run(2);
  });
  afterAll(async () => {
    for (const c of consoles) c.close();
    await h.stop();
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  });

  it('tells the area field operator and the shift lead first, escalates to the HSE manager when unacknowledged, and an ack stops the escalation', async () => {
    const coord = await connect('drill_coordinator');
    const operator = await connect('operator');
    expect((await command(coord, 'sim.inject', { kind: 'overpressure', equipment: 'R-1', factor: 1.2, rampS: 120 })).ok).toBe(true);
    let waited = 0;
    while (!h.server.ctx.engine.state.alarms[TRIP] && waited++ < 150) run(1);
    run(1);
    const first = await waitFor(() => (bodiesFor('FO-A2', TRIP).length > 0 && bodiesFor('SL-1', TRIP).length > 0 ? received : null), 5000, 'first notices at the webhook');
    expect(first.filter((b) => b.alarmIds.includes(TRIP)).map((b) => [b.recipient.id, b.step])).toEqual([
      ['FO-A2', 0],
      ['SL-1', 0],
    ]);
    const fo = bodiesFor('FO-A2', TRIP)[0]!;
    expect(fo).toMatchObject({ schema: 'vigil.alarm-notification/1', plant: { id: 'mini' }, recipient: { role: 'field_operator', areas: ['A2'] }, channels: ['console', 'webhook'], priority: 1, escalation: false, consolidated: false });
    expect(fo.alarms[0]).toMatchObject({ id: TRIP, kind: 'TRIP', area: 'A2', areaName: { zh: '反应区', en: 'Reactor area' } });
    expect(fo.text.zh).toMatch(/一级报警.*R-1 釜压高高联锁动作/);
    const consoleFirst = notified().filter((e) => e.payload.channel === 'console' && e.payload.alarmIds.includes(TRIP));
    expect(consoleFirst.map((e) => [e.payload.recipient, e.payload.step, e.payload.delivered])).toEqual([
      ['FO-A2', 0, true],
      ['SL-1', 0, true],
    ]);
    // Consoles see the console delivery as a journal event.
    await waitFor(() => watcher.events.some((e) => e.type === 'alarm.notified' && e.payload.alarmIds.includes(TRIP)), 5000, 'alarm.notified at a console');

    run(5);
    await waitFor(() => bodiesFor('HSE-1', TRIP).length > 0, 5000, 'escalation to the HSE manager');
    expect(bodiesFor('HSE-1', TRIP)[0]).toMatchObject({ step: 1, escalation: true });
    expect(bodiesFor('HSE-1', TRIP)[0]?.text.en).toMatch(/^\[Escalation 1, unacknowledged\]/);

    expect(await command(operator, 'alarm.ack', { alarmIds: [TRIP], note: 'feed isolated, field checked' })).toMatchObject({ ok: true });
    run(30);
    await new Promise((r) => setTimeout(r, 200));
    expect(bodiesFor('PM-1', TRIP)).toEqual([]);
    expect(notified().filter((e) => e.payload.alarmIds.includes(TRIP) && e.payload.step === 2)).toEqual([]);
    // The HH alarm, left unacknowledged, did escalate.
    const hh = 'R-1.PI-01:HH';
    expect(h.server.ctx.engine.state.alarms[hh]?.lifecycle.acked).toBe(false);
    await waitFor(() => bodiesFor('HSE-1', hh).length > 0, 5000, 'escalation of the unacknowledged HH alarm');
  });

  it('consolidates a burst to one recipient: three singles, then one notice with the rest', async () => {
    const coord = await connect('drill_coordinator');
    const before = received.length;
    expect((await command(coord, 'sim.inject', { kind: 'io_outage', areas: ['A1'], mode: 'bad', durationS: 300 })).ok).toBe(true);
    run(70);
    const a1Tags = h.server.ctx.loaded.plant.tags.filter((t) => t.area === 'A1').map((t) => `${t.id}:BAD`);
    const mt = await waitFor(() => {
      const got = received.slice(before).filter((b) => b.recipient.id === 'MT-1');
      return got.reduce((n, b) => n + b.alarmCount, 0) >= a1Tags.length ? got : null;
    }, 5000, 'all BAD alarms told to maintenance');
    expect(mt.filter((b) => !b.consolidated)).toHaveLength(3);
    const merged = mt.filter((b) => b.consolidated);
    expect(merged.length).toBeGreaterThanOrEqual(1);
    expect(merged.length).toBeLessThanOrEqual(2);
    expect(mt.flatMap((b) => b.alarmIds).sort()).toEqual([...a1Tags].sort());
    expect(merged[0]?.text.en).toMatch(/^\[Vigil alarm summary\] \d+ alarms \(highest priority 4\) in Tank farm/);
    const journaled = notified().filter((e) => e.payload.recipient === 'MT-1' && e.payload.channel === 'console');
    expect(journaled.filter((e) => e.payload.consolidated).length).toBe(merged.length);
  });

  it('journals failing endpoints as delivered:false with the error, after one retry, and keeps ticking', async () => {
    await waitFor(() => notified().some((e) => e.payload.channel === 'webhook' && e.payload.error?.includes('/fail')), 10_000, 'a failed delivery journaled');
    const hooks = notified().filter((e) => e.payload.channel === 'webhook');
    const failed = hooks.filter((e) => !e.payload.delivered);
    expect(failed.some((e) => e.payload.error === `${base}/fail: HTTP 500`)).toBe(true);
    await waitFor(() => notified().some((e) => e.payload.error?.startsWith(deadUrl)), 10_000, 'a refused connection journaled');
    expect(notified().find((e) => e.payload.error?.startsWith(deadUrl))?.payload.error).toMatch(/ECONNREFUSED/);
    expect(hooks.filter((e) => e.payload.delivered).every((e) => e.payload.error === undefined)).toBe(true);
    // Each failed notice was tried twice at the failing endpoint.
    const failedAtFail = hooks.filter((e) => e.payload.error?.includes('/fail')).length;
    expect(failedAttempts).toBeGreaterThanOrEqual(2 * failedAtFail);
    const started = performance.now();
    run(5);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(h.server.ctx.runtime.lastError).toBeNull();
  });
});
