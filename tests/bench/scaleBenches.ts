/**
 * The telemetry-at-scale benchmarks of `npm run bench` (docs/performance.md): end-to-end
 * latency, alarm latency with telemetry saturated, server RSS, and the console's main-thread
 * cost per 50,000-update frame in Chromium. All on the reference plant scaled to 50,000 tags.
 * server-rss and console-apply start the built server (`dist/server/main.js`) in its own process.
 */
import path from 'node:path';
import { stableHash } from '../../shared/util/hash';
import { findAppRoot } from '../../server/appRoot';
import { loadPlant, type LoadedPlant } from '../../server/plant/loadPlant';
import { scalePlant } from '../../server/plant/scalePlant';
import { runAlarmSaturated } from './alarmSaturated';
import { runConsoleApply } from './consoleApply';
import { runServerRss } from './serverRss';
import { runTelemetryLatency } from './telemetryLatency';

type Common = { cores: number; node: string };
interface Env {
  option(name: string, fallback: number): number;
  clientScript: string;
}

export const scaleBenchNames = ['telemetry-latency', 'alarm-saturated', 'rss', 'console'] as const;

export async function scaleBenches(common: Common, only: string | null, env: Env): Promise<void> {
  const run = (name: (typeof scaleBenchNames)[number]) => only === null || only === name;
  if (!scaleBenchNames.some(run)) return;
  const { option, clientScript } = env;
  const tags = option('scale-tags', 50_000);
  const clients = option('scale-clients', 50);
  let plant: LoadedPlant | null = null;
  const big = async (): Promise<LoadedPlant> => {
    if (plant) return plant;
    const reference = await loadPlant(path.join(findAppRoot(), 'resources', 'plants', 'reference'));
    const p = scalePlant(reference.plant, Math.max(tags, reference.plant.tags.length));
    return (plant = { plant: p, hash: stableHash(p) });
  };
  if (run('telemetry-latency')) {
    // Field devices report on their own clocks (phases spread); every tag on the same second is the worst case, reported too.
    for (const phaseStepMs of [100, 0]) {
      const r = await runTelemetryLatency({ plant: await big(), clients, processes: 2, durationMs: option('e2e-s', 10) * 1000, clientScript, phaseStepMs });
      console.log(JSON.stringify({ ...common, bench: 'telemetry-latency', goalP99Ms: 100, ...r }));
    }
  }
  if (run('alarm-saturated')) {
    const seconds = option('saturated-s', 8) * 1000;
    const r = await runAlarmSaturated({
      plant: await big(),
      clients,
      processes: 2,
      slow: { count: option('slow-clients', 5), pauseMs: 3000, readMs: 500 },
      quietMs: seconds,
      saturatedMs: seconds,
      stepMs: 500,
      clientScript,
    });
    console.log(JSON.stringify({ ...common, bench: 'alarm-saturated', goalP99Ms: 250, ...r }));
  }
  if (run('rss')) {
    const seconds = option('rss-s', only === 'rss' ? 600 : 30);
    const r = await runServerRss({ tags, clients: option('rss-clients', 10), durationMs: seconds * 1000, clientScript, progress: (l) => console.error(l) });
    const note = only === 'rss' ? undefined : '30 s inside the full bench; `--only rss` runs 10 minutes';
    console.log(JSON.stringify({ ...common, bench: 'server-rss', goalRssMb: 1024, ...r, ...(note ? { note } : {}) }));
  }
  if (run('console')) {
    const r = await runConsoleApply({ tags, frames: option('console-frames', only === 'console' ? 20 : 10) });
    for (const line of r) console.log(JSON.stringify({ ...common, bench: 'console-apply', goalMs: 8, ...line }));
  }
}
