/**
 * RTLS fixes through a real MQTT broker into the geofence engine (`bench: "people-mqtt"`):
 * a gateway client publishes batches of fixes (JSON, QoS 1) to mosquitto on loopback; the
 * server's RtlsMqttIngest (the class the plant server runs) receives them, checks each message
 * and each fix (zod), maps badges, applies the per-badge rate limit and hands the fixes to the
 * GeofenceEngine. Timed from the first publish until the last fix is counted. Payloads are
 * serialised before the clock starts. The publisher runs in the same process (and so on the
 * same core) as the ingest: the figure is a floor for a server whose gateway is elsewhere.
 * Skipped (one JSON line saying so) when /usr/sbin/mosquitto is not installed.
 */
import { existsSync } from 'node:fs';
import { connectAsync } from 'mqtt';
import { compilePeopleGeometry, defaultPeopleZones } from '../../shared/people/compileZones';
import { GeofenceEngine } from '../../shared/people/GeofenceEngine';
import type { Plant } from '../../shared/plant/schema';
import { createRng } from '../../shared/util/rng';
import { RtlsIngest, type RtlsFix } from '../../server/people/RtlsIngest';
import { RtlsMqttIngest } from '../../server/people/RtlsMqtt';
import { MOSQUITTO, Mosquitto } from '../integration/rtlsMqttBroker';

export interface PeopleMqttOptions {
  plant: Plant;
  badges: number;
  /** Simulated seconds (one fix per badge per second). */
  seconds: number;
  /** Fixes per MQTT message. */
  batch: number;
}

export async function runPeopleMqttBench(o: PeopleMqttOptions): Promise<Record<string, unknown>> {
  if (!existsSync(MOSQUITTO)) return { skipped: `${MOSQUITTO} is not installed` };
  const geo = compilePeopleGeometry(o.plant, o.plant.peopleZones ?? defaultPeopleZones);
  const [W, H] = geo.extent;
  const n = o.badges;
  const rng = createRng(5);
  const T0 = 1_750_000_000_000;
  const payloads: Buffer[] = [];
  const x = Float64Array.from({ length: n }, () => rng.range(0, W));
  const y = Float64Array.from({ length: n }, () => rng.range(0, H));
  for (let s = 0; s < o.seconds; s++) {
    for (let first = 0; first < n; first += o.batch) {
      const fixes = [];
      for (let p = first; p < Math.min(n, first + o.batch); p++) {
        x[p] = Math.min(W, Math.max(0, x[p]! + rng.range(-1.2, 1.2)));
        y[p] = Math.min(H, Math.max(0, y[p]! + rng.range(-1.2, 1.2)));
        fixes.push({ badge: `B${p}`, t: T0 + s * 1000 + p * (1000 / n), x: Math.round(x[p]! * 100) / 100, y: Math.round(y[p]! * 100) / 100, battery: 80 });
      }
      payloads.push(Buffer.from(JSON.stringify({ fixes })));
    }
  }
  const engine = new GeofenceEngine(geo, n);
  engine.resize(n);
  const rtls = new RtlsIngest((b) => (b.charCodeAt(0) === 66 ? Number(b.slice(1)) : undefined), 10);
  const target = (p: number, f: RtlsFix): boolean => engine.ingest(p, f.t, f.x, f.y, f.z, f.floor, f.battery ?? 255, f.sos) === 0;
  const total = o.seconds * n;
  let done = 0;
  let finished: () => void = () => undefined;
  const allIn = new Promise<void>((resolve) => (finished = resolve));
  const broker = await Mosquitto.launch();
  const ingest = new RtlsMqttIngest(
    { url: broker.url, topic: 'vigil/rtls/+/fixes' },
    (fixes) => {
      // The server clock follows the feed here, so the rate limit sees 1 fix a second per badge.
      const now = ((fixes[0] as { t?: number }).t ?? T0) + 1000;
      const r = rtls.ingest(fixes, now, target);
      engine.changes.length = 0;
      done += fixes.length;
      if (done >= total) finished();
      return r;
    },
    () => Date.now(),
  );
  try {
    ingest.start();
    const gw = await connectAsync(broker.url, { clientId: 'bench-gateway' });
    for (let k = 0; k < 100 && !ingest.status().connected; k++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    const start = performance.now();
    for (const p of payloads) void gw.publishAsync('vigil/rtls/gw-1/fixes', p, { qos: 1 });
    await Promise.race([allIn, new Promise((r) => setTimeout(r, 120_000))]);
    const ms = performance.now() - start;
    await gw.endAsync(true);
    const s = ingest.status();
    return {
      badges: n,
      simulatedSeconds: o.seconds,
      fixesPerMessage: o.batch,
      messages: payloads.length,
      bytesPerFix: Math.round(payloads.reduce((a, p) => a + p.length, 0) / total),
      fixes: done,
      mqttFixesPerSec: Math.round(done / (ms / 1000)),
      accepted: rtls.totals.accepted,
      refused: rtls.totals.refused,
      messagesByResult: s.messages,
    };
  } finally {
    await ingest.stop();
    await broker.dispose();
  }
}
