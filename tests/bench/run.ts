/**
 * `npm run bench` (built to dist/bench/run.js). Prints one JSON line per measurement, each with
 * `cores` and `bench`. Options: --duration S (per mode, default 3), --clients N (10),
 * --frame-samples N (5000), --tags N (10000); alarms: --alarm-tags N (50000, evaluation and
 * latency), --flood-tags N (10000), --latency-s S (30); historian: --hist-hours H (24),
 * --hist-queries N (20); people: --badges N (5000), --people-s S (120), --mqtt-s S (20), --mqtt-batch N (500);
 * telemetry at scale: --fanout-clients N,M (10,50), --scale-tags N (50000), --scale-clients N
 * (50), --e2e-s S (10), --saturated-s S (8 per phase), --rss-s S (30 in a full run, 600 with --only rss),
 * --console-frames N (10; 20 with --only console);
 * --only fanout|alarms|alarm-eval|alarm-latency|alarm-flood|historian|people|telemetry-latency|
 * alarm-saturated|rss|console|routing|plume-risk runs one group or one benchmark; routing: --route-queries N
 * (1000); plume-risk: --risk-people N (5000), --risk-recomputes N (200); replay: --replay-hours H (24),
 * --replay-seeks N (30), --replay-minutes N (10) (--only replay).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stableHash } from '../../shared/util/hash';
import { findAppRoot } from '../../server/appRoot';
import { loadPlant, type LoadedPlant } from '../../server/plant/loadPlant';
import { scalePlant } from '../../server/plant/scalePlant';
import { runAlarmClients } from './alarmClients';
import { runAlarmEval } from './alarmEval';
import { runAlarmFlood } from './alarmFlood';
import { runAlarmLatency } from './alarmLatency';
import { runFanout } from './fanout';
import { runHistorianBench } from './historian';
import { runClients } from './fanoutClients';
import { runPeopleBench } from './peopleGeofence';
import { consolePeopleUnavailable, runConsolePeople } from './consolePeople';
import { runPeopleMqttBench } from './peopleMqtt';
import { runLatencyClients } from './latencyClients';
import { scaleBenches } from './scaleBenches';
import { runRoutingBench } from './routing';
import { runPlumeRiskBench } from './plumeRisk';
import { runReplayBench } from './replay';
import { loadThreatLevels } from '../../server/http/dispersionRoutes';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
}

async function main(): Promise<void> {
  const cores = os.cpus().length;
  const common = { cores, node: process.version };
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? null) : null;
  const alarmBenches = [null, 'alarms', 'alarm-eval', 'alarm-latency', 'alarm-flood'];
  if (only === null || only === 'fanout') await fanout(common);
  if (alarmBenches.includes(only)) await alarms(common, only === null || only === 'alarms' ? null : only);
  await scaleBenches(common, only, { option, clientScript: fileURLToPath(import.meta.url) });
  if (only === null || only === 'historian') await historian(common);
  if (only === null || only === 'replay') await replay(common);
  if (only === null || only === 'people') await people(common);
  if (only === null || only === 'routing') console.log(JSON.stringify({ ...common, bench: 'routing', goalP99Ms: 5, ...runRoutingBench({ queries: option('route-queries', 1000) }) }));
  if (only === null || only === 'plume-risk') await plumeRisk(common);
  if (only === null || only === 'console-people') await consolePeople(common);
}

/** 5,000 badges at 1 Hz drawn by the console in Chromium (needs the renderer built; docs/performance.md). */
async function consolePeople(common: { cores: number; node: string }): Promise<void> {
  const why = consolePeopleUnavailable();
  if (why) return console.log(JSON.stringify({ ...common, bench: 'console-people', skipped: why }));
  const r = await runConsolePeople({ badges: option('badges', 5000), seconds: option('console-people-s', 10) });
  console.log(JSON.stringify({ ...common, bench: 'console-people', goalPeopleLayerDrawCalls: 1, ...r }));
}

/** Geofence and zone evaluation for N badges at 1 Hz on the reference plant (docs/people.md). */
/** Threat zones of a chlorine release on the reference plant and the people inside them (docs/performance.md). */
async function plumeRisk(common: { cores: number; node: string }): Promise<void> {
  const root = findAppRoot();
  const reference = await loadPlant(path.join(root, 'resources', 'plants', 'reference'));
  const chlorine = loadThreatLevels(root).get('chlorine')!;
  const r = runPlumeRiskBench({ plant: reference.plant, chemical: chlorine, people: option('risk-people', 5000), recomputes: option('risk-recomputes', 200) });
  console.log(JSON.stringify({ ...common, bench: 'plume-risk', goalMs: 50, ...r }));
}

async function people(common: { cores: number; node: string }): Promise<void> {
  const reference = await loadPlant(path.join(findAppRoot(), 'resources', 'plants', 'reference'));
  const r = runPeopleBench({ plant: reference.plant, badges: option('badges', 5000), seconds: option('people-s', 120) });
  console.log(JSON.stringify({ ...common, bench: 'people-geofence', goalFixesPerSec: 200_000, ...r }));
  // The RTLS feed over a real MQTT broker (mosquitto on loopback) into the same engine.
  const m = await runPeopleMqttBench({ plant: reference.plant, badges: option('badges', 5000), seconds: option('mqtt-s', 20), batch: option('mqtt-batch', 500) });
  console.log(JSON.stringify({ ...common, bench: 'people-mqtt', ...m }));
}

/** Seek and 60× play over a recorded day of the reference plant, over HTTP (docs/performance.md). */
async function replay(common: { cores: number; node: string }): Promise<void> {
  const reference = await loadPlant(path.join(findAppRoot(), 'resources', 'plants', 'reference'));
  const r = await runReplayBench({ loaded: reference, hours: option('replay-hours', 24), seeks: option('replay-seeks', 30), minutes: option('replay-minutes', 10) });
  console.log(JSON.stringify({ ...common, bench: 'replay-build', ...r.build }));
  console.log(JSON.stringify({ ...common, bench: 'replay-seek', ...r.seek }));
  console.log(JSON.stringify({ ...common, bench: 'replay-play60', ...r.play }));
}

/** Historian ingest and trend queries over a recorded day of the reference plant (docs/historian.md). */
async function historian(common: { cores: number; node: string }): Promise<void> {
  const reference = await loadPlant(path.join(findAppRoot(), 'resources', 'plants', 'reference'));
  const r = runHistorianBench({ plant: reference.plant, hours: option('hist-hours', 24), queries: option('hist-queries', 20), maxPoints: 1000 });
  console.log(JSON.stringify({ ...common, bench: 'historian-ingest', ...r.ingest }));
  console.log(JSON.stringify({ ...common, bench: 'historian-query', ...r.query }));
  console.log(JSON.stringify({ ...common, bench: 'historian-query-raw', ...r.rawQuery }));
}

/** `which`: one of alarm-eval, alarm-latency, alarm-flood, or null for all three. */
async function alarms(common: { cores: number; node: string }, which: string | null): Promise<void> {
  const clientScript = fileURLToPath(import.meta.url);
  const reference = await loadPlant(path.join(findAppRoot(), 'resources', 'plants', 'reference'));
  const scaled = (n: number): LoadedPlant => {
    const plant = scalePlant(reference.plant, Math.max(n, reference.plant.tags.length));
    return { plant, hash: stableHash(plant) };
  };
  const big = which === 'alarm-flood' ? null : scaled(option('alarm-tags', 50_000));
  if (big && (which === null || which === 'alarm-eval')) {
    const evalResult = runAlarmEval({ plant: big.plant, durationMs: option('duration', 3) * 1000 });
    console.log(JSON.stringify({ ...common, bench: 'alarm-eval', goalSamplesPerSec: 2_000_000, ...evalResult }));
  }
  if (big && (which === null || which === 'alarm-latency')) {
    const latency = await runAlarmLatency({ plant: big, clients: option('clients', 10), durationMs: option('latency-s', 30) * 1000, releaseEveryMs: 3000, clientScript });
    console.log(JSON.stringify({ ...common, bench: 'alarm-latency', goalP99Ms: 250, ...latency }));
  }
  if (which === null || which === 'alarm-flood') {
    const flood = await runAlarmFlood({ plant: scaled(option('flood-tags', 10_000)), clients: option('clients', 10), clientScript });
    console.log(JSON.stringify({ ...common, bench: 'alarm-flood', ...flood }));
  }
}

/** Fan-out to 10 and to 50 consoles (`--fanout-clients`), every mode at each count in the same run. */
async function fanout(common: { cores: number; node: string }): Promise<void> {
  const tags = option('tags', 10_000);
  const at = process.argv.indexOf('--fanout-clients');
  const counts = at >= 0 ? (process.argv[at + 1] ?? '').split(',').map(Number) : process.argv.includes('--clients') ? [option('clients', 10)] : [10, 50];
  if (counts.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--fanout-clients needs positive integers, e.g. 10,50');
  for (const clients of counts) {
    const results = await runFanout({
      clients,
      durationMs: option('duration', 3) * 1000,
      warmupMs: 500,
      shape: { tags, frameSamples: Math.min(option('frame-samples', 5000), tags), tagsPerDevice: 100 },
      // The same total in flight at every client count (20,000 updates per client at 10), so the
      // clients' process is not buried under a backlog that delays its marks.
      windowUpdates: Math.round((20_000 * 10) / Math.max(10, clients)),
      clientScript: fileURLToPath(import.meta.url),
    });
    for (const r of results) console.log(JSON.stringify({ ...common, bench: 'fanout', ...r }));
    const rate = (m: string) => results.find((r) => r.mode === m)?.updatesPerSec ?? NaN;
    const vigil = rate('vigil-frames');
    console.log(
      JSON.stringify({
        ...common,
        bench: 'fanout-ratio',
        clients,
        goalVigilOverFuxa: 10,
        vigilOverJsonPerUpdate: Math.round((vigil / rate('json-per-update')) * 10) / 10,
        vigilOverFuxa: Math.round((vigil / rate('fuxa-device-values')) * 10) / 10,
      }),
    );
  }
}

if (process.argv.includes('--clients') && process.send) runClients();
else if (process.argv.includes('--alarm-clients') && process.send) runAlarmClients();
else if (process.argv.includes('--latency-clients') && process.send) runLatencyClients();
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
