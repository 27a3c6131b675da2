import { readFileSync } from 'node:fs';
import path from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/messages';
import { ManualClock } from '../../shared/util/clock';
import { loadPlant, type LoadedPlant } from '../../server/plant/loadPlant';
import type { PersonView } from '../../server/people/peopleViews';
import type { RtlsResult } from '../../server/people/RtlsIngest';
import type { RtlsMqttStatus } from '../../server/people/RtlsMqtt';
import { RTLS_BODY_LIMIT } from '../../server/people/rtlsRoutes';
import { repoRoot, startHarness, waitFor, type Harness } from './harness';
import { Mosquitto } from './rtlsMqttBroker';

/**
 * The RTLS feed over MQTT with a REAL broker (mosquitto on a free loopback port): fixes
 * published by a gateway reach the geofence engine, the positions and occupancy; bad messages
 * are counted and dropped without losing what was accepted; the per-badge rate limit is the
 * HTTP route's; the server rides out the broker going away and coming back.
 */
const T0 = Date.UTC(2026, 5, 2, 2, 0, 0);
type Body<T> = Ack<T> & { ok: true };
interface Stats {
  accepted: number;
  refused: RtlsResult['refused'];
  byPath: Record<'http' | 'mqtt', RtlsResult>;
  mqtt: RtlsMqttStatus;
}

describe('RTLS fixes through a real MQTT broker', () => {
  let broker: Mosquitto;
  let h: Harness;
  let loaded: LoadedPlant;
  let gw: MqttClient;
  let rtlsToken = '';
  const clock = new ManualClock(T0);
  const topic = 'vigil/rtls/gw-north/fixes';
  const stats = async (): Promise<Stats> => ((await h.rest('/api/v1/rtls/stats', { token: rtlsToken })).body as Body<Stats>).data;
  const person = async (id: string): Promise<PersonView> => ((await h.rest(`/api/v1/people/${id}`, { token: h.adminToken })).body as Body<PersonView>).data;
  const messages = async (): Promise<number> => Object.values((await stats()).mqtt.messages).reduce((a, b) => a + b, 0);
  /** Publishes (QoS 1) and waits until the server has handled every message published so far. */
  let published = 0;
  const publish = async (payload: string | Buffer): Promise<void> => {
    await gw.publishAsync(topic, payload, { qos: 1 });
    published++;
    await waitFor(async () => (await messages()) >= published, 10_000, `message ${published} handled`);
  };
  const tick = (seconds: number): void => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      h.server.ctx.runtime.tick();
    }
  };

  beforeAll(async () => {
    broker = await Mosquitto.launch();
    loaded = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    h = await startHarness({ plant: loaded, clock, people: { source: 'rtls', mqtt: { url: broker.url, topic: 'vigil/rtls/+/fixes', reconnectMinMs: 100, reconnectMaxMs: 800 } } });
    rtlsToken = readFileSync(h.server.people.rtlsTokenFile, 'utf8').trim();
    gw = await connectAsync(broker.url, { reconnectPeriod: 200, clientId: 'test-gateway' });
    await waitFor(async () => (await stats()).mqtt.connected, 10_000, 'server subscribed');
    // The subscription is made just after the connection: give the SUBACK a moment.
    await waitFor(async () => {
      await gw.publishAsync('vigil/rtls/probe/fixes', '{}', { qos: 1 });
      await new Promise((r) => setTimeout(r, 100));
      published = await messages();
      return published > 0;
    }, 10_000, 'subscription live');
    await new Promise((r) => setTimeout(r, 300));
    published = await messages();
  }, 60_000);

  afterAll(async () => {
    await gw?.endAsync(true);
    await h?.stop();
    await broker?.dispose();
  });

  it('puts published fixes on the map: latest position, position history, occupancy', async () => {
    const [a, b] = loaded.people!.people;
    const now = clock.now();
    await publish(JSON.stringify({ fixes: [{ badge: a!.badge, t: now - 500, x: 300, y: 300, battery: 80 }, { badge: b!.badge, t: now - 400, x: 100, y: 175, floor: 1 }] }));
    expect((await person(a!.id)).latest).toMatchObject({ t: now - 500, x: 300, y: 300, area: 'RX', onSite: true });
    expect((await person(b!.id)).latest).toMatchObject({ x: 100, y: 175, floor: 1, area: 'WH' });
    tick(1);
    const zones = ((await h.rest('/api/v1/zones', { token: h.adminToken })).body as Body<{ onSite: number; areas: { id: string; count: number }[] }>).data;
    expect(zones.onSite).toBe(2);
    expect(zones.areas.find((x) => x.id === 'RX')!.count).toBe(1);
    expect(zones.areas.find((x) => x.id === 'WH')!.count).toBe(1);
    const hist = ((await h.rest(`/api/v1/people/${a!.id}/positions?from=${now - 10_000}`, { token: h.adminToken })).body as Body<{ t: number[]; x: number[] }>).data;
    expect(hist.t).toEqual([now - 500]);
    const s = await stats();
    expect(s.byPath.mqtt.accepted).toBe(2);
    expect(s.byPath.http.accepted).toBe(0);
  });

  it('counts malformed, wrongly shaped and oversized messages and bad fixes, and keeps every fix it accepted', async () => {
    const c = loaded.people!.people[2]!;
    const before = await stats();
    const t = clock.now();
    await publish('{"fixes": [ not json');
    await publish(Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    await publish(JSON.stringify({ fixes: 'x' }));
    await publish(JSON.stringify({ fix: [{ badge: c.badge, t, x: 1, y: 1 }] }));
    // NaN cannot be written in JSON: gateways send it as text or null; both are bad fixes, the rest of the batch stands.
    await publish(JSON.stringify({ fixes: [{ badge: c.badge, t: t - 900, x: 'NaN', y: 1 }, { badge: c.badge, t: t - 800, x: null, y: 1 }, { badge: c.badge, t: t - 700, x: 210, y: 250 }] }));
    await publish('{"fixes":[{"badge":"' + c.badge + '","t":' + (t - 600) + ',"x":NaN,"y":1}]}');
    const big = Buffer.alloc(RTLS_BODY_LIMIT + 1024, 0x20);
    Buffer.from(JSON.stringify({ fixes: [{ badge: c.badge, t: t - 500, x: 999, y: 999 }] })).copy(big);
    await publish(big);
    await publish(JSON.stringify({ fixes: [{ badge: c.badge, t: t - 400, x: 211, y: 250 }] }));
    const after = await stats();
    const d = (k: keyof RtlsMqttStatus['messages']): number => after.mqtt.messages[k] - before.mqtt.messages[k];
    expect([d('malformed'), d('invalid'), d('oversized'), d('ok'), d('failed')]).toEqual([3, 2, 1, 2, 0]);
    expect(after.byPath.mqtt.refused.invalid - before.byPath.mqtt.refused.invalid).toBe(2);
    expect(after.byPath.mqtt.accepted - before.byPath.mqtt.accepted).toBe(2);
    // Both accepted fixes, and only they, are in the history; the oversized one never arrived.
    const hist = ((await h.rest(`/api/v1/people/${c.id}/positions?from=${t - 10_000}&to=${t + 1}`, { token: h.adminToken })).body as Body<{ t: number[]; x: number[] }>).data;
    expect(hist.t).toEqual([t - 700, t - 400]);
    expect(hist.x).toEqual([210, 211]);
    expect((await person(c.id)).latest).toMatchObject({ x: 211, y: 250 });
    const metrics = (await h.rest('/metrics')).body as string;
    expect(metrics).toContain(`vigil_rtls_fixes_total{path="mqtt",result="accepted"} ${after.byPath.mqtt.accepted}`);
    expect(metrics).toContain(`vigil_rtls_mqtt_messages_total{result="oversized"} ${after.mqtt.messages.oversized}`);
    expect(metrics).toContain('vigil_rtls_mqtt_connected 1');
  });

  it('limits each badge to 10 fixes a second, shared with the HTTP route', async () => {
    clock.advance(2000);
    const [, , , e, f] = loaded.people!.people;
    const now = clock.now();
    const burst = Array.from({ length: 15 }, (_, i) => ({ badge: e!.badge, t: now - 900 + i * 50, x: 200 + i, y: 250 }));
    const few = Array.from({ length: 3 }, (_, i) => ({ badge: f!.badge, t: now - 900 + i * 100, x: 400 + i, y: 300 }));
    const before = await stats();
    await publish(JSON.stringify({ fixes: [...burst, ...few] }));
    const after = await stats();
    expect(after.byPath.mqtt.accepted - before.byPath.mqtt.accepted).toBe(13);
    expect(after.byPath.mqtt.refused.rate_limited - before.byPath.mqtt.refused.rate_limited).toBe(5);
    expect((await person(e!.id)).latest!.x).toBe(209);
    expect((await person(f!.id)).latest!.x).toBe(402);
    // The same badge through HTTP in the same second: its bucket is empty.
    const res = await h.rest('/api/v1/rtls/fixes', { method: 'POST', token: rtlsToken, json: { fixes: [{ badge: e!.badge, t: now, x: 230, y: 250 }] } });
    expect((res.body as Body<{ refused: Record<string, number> }>).data.refused.rate_limited).toBe(1);
  });

  it('reconnects when the broker goes away and comes back, and ingest resumes', async () => {
    const g = loaded.people!.people[6]!;
    const connects = (await stats()).mqtt.connects;
    await broker.stop();
    await waitFor(async () => !(await stats()).mqtt.connected, 10_000, 'server noticed the broker left');
    expect((await stats()).mqtt.state).toBe('reconnecting');
    // Down for a while: attempts fail, the delay doubles (capped at 800 ms here).
    await new Promise((r) => setTimeout(r, 1500));
    const down = await stats();
    expect(down.mqtt.retryMs).toBeGreaterThanOrEqual(400);
    await broker.start();
    await waitFor(async () => (await stats()).mqtt.connects > connects && (await stats()).mqtt.connected, 15_000, 'server reconnected');
    await waitFor(() => gw.connected, 15_000, 'gateway reconnected');
    clock.advance(1000);
    const now = clock.now();
    await waitFor(async () => {
      // Until the server's new SUBACK lands, a message may find no subscriber; resend the same fix (a duplicate is refused as stale).
      await gw.publishAsync(topic, JSON.stringify({ fixes: [{ badge: g.badge, t: now, x: 320, y: 310 }] }), { qos: 1 });
      return (await person(g.id)).latest?.x === 320;
    }, 15_000, 'a fix after the reconnect');
    const s = await stats();
    expect(s.mqtt.disconnects).toBeGreaterThanOrEqual(1);
    expect(s.mqtt.state).toBe('connected');
  }, 60_000);
});

describe('RTLS fixes over MQTT alongside the people simulator', () => {
  it('take a badge over from the simulator, as on HTTP', async () => {
    const broker = await Mosquitto.launch();
    const clock = new ManualClock(T0);
    const loaded = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    const h = await startHarness({ plant: loaded, clock, people: { mqtt: { url: broker.url, reconnectMinMs: 100 } } });
    const gw = await connectAsync(broker.url, { clientId: 'test-gateway-2' });
    const tick = (n: number): void => {
      for (let s = 0; s < n; s++) {
        clock.advance(1000);
        h.server.ctx.runtime.tick();
      }
    };
    try {
      tick(5);
      const list = ((await h.rest('/api/v1/people?onSite=true', { token: h.adminToken })).body as Body<{ people: PersonView[] }>).data.people;
      const who = list.find((p) => p.role === 'operator')!;
      const latest = async (): Promise<PersonView['latest']> => ((await h.rest(`/api/v1/people/${who.id}`, { token: h.adminToken })).body as Body<PersonView>).data.latest;
      const t = clock.now() + 1;
      await waitFor(async () => {
        await gw.publishAsync('vigil/rtls/gw-south/fixes', JSON.stringify({ fixes: [{ badge: who.badge, t, x: 50, y: 50 }] }), { qos: 1 });
        return (await latest())?.x === 50;
      }, 10_000, 'the MQTT fix');
      tick(10);
      expect(await latest()).toMatchObject({ x: 50, y: 50 });
    } finally {
      await gw.endAsync(true);
      await h.stop();
      await broker.dispose();
    }
  }, 60_000);
});
