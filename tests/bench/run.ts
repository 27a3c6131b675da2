/**
 * `npm run bench` (built to dist/bench/run.js). Prints one JSON line per measurement, each with
 * `cores` and `bench`. Options: --duration S (per mode, default 3), --clients N (10),
 * --frame-samples N (5000), --tags N (10000).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runFanout } from './fanout';
import { runClients } from './fanoutClients';

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
  const tags = option('tags', 10_000);
  const results = await runFanout({
    clients: option('clients', 10),
    durationMs: option('duration', 3) * 1000,
    warmupMs: 500,
    shape: { tags, frameSamples: Math.min(option('frame-samples', 5000), tags), tagsPerDevice: 100 },
    windowUpdates: 20_000,
    clientScript: fileURLToPath(import.meta.url),
  });
  for (const r of results) console.log(JSON.stringify({ ...common, bench: 'fanout', ...r }));
  const rate = (m: string) => results.find((r) => r.mode === m)?.updatesPerSec ?? NaN;
  const vigil = rate('vigil-frames');
  console.log(
    JSON.stringify({
      ...common,
      bench: 'fanout-ratio',
      vigilOverJsonPerUpdate: Math.round((vigil / rate('json-per-update')) * 10) / 10,
      vigilOverFuxa: Math.round((vigil / rate('fuxa-device-values')) * 10) / 10,
    }),
  );
}

if (process.argv.includes('--clients') && process.send) runClients();
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
