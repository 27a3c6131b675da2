import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlant } from '../plant/loadPlant';
import { scalePlant } from '../plant/scalePlant';
import { createSimulator } from './createSimulator';

/**
 * Times simulator ticks on the reference plant scaled to N tags (default 50,000), one tick per
 * simulated second, and prints one JSON line. Not a test: numbers depend on the machine.
 *   npx tsx server/sim/tickBench.ts [tags] [ticks]
 */
async function main(): Promise<void> {
  const tags = Number(process.argv[2] ?? 50_000);
  const ticks = Number(process.argv[3] ?? 600);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const { plant: reference } = await loadPlant(path.join(root, 'resources/plants/reference'));
  const plant = scalePlant(reference, tags);
  const t0 = Date.UTC(2025, 6, 1, 6, 0, 0);
  const c0 = performance.now();
  const sim = createSimulator(plant, { seed: 1, startTime: t0 });
  const createMs = performance.now() - c0;
  for (let s = 0; s <= 60; s++) sim.tick(t0 + s * 1000);
  const measure = (from: number): number[] => {
    const out: number[] = [];
    for (let s = from; s < from + ticks; s++) {
      const start = performance.now();
      const b = sim.tick(t0 + s * 1000);
      out.push(performance.now() - start);
      if (b.count !== tags) throw new Error(`expected ${tags} samples, got ${b.count}`);
    }
    return out.sort((a, b) => a - b);
  };
  const quiet = measure(61);
  const flammable = reference.chemicals.find((c) => c.hazards.includes('flammable'));
  if (flammable) sim.inject({ kind: 'gas_release', position: [500, 300, 1], chemical: flammable.id, rateKgS: 1 }, t0 + (61 + ticks) * 1000);
  const release = measure(61 + ticks);
  const q = (a: number[], p: number): number => Math.round((a[Math.min(a.length - 1, Math.floor(p * a.length))] as number) * 100) / 100;
  console.log(
    JSON.stringify({
      bench: 'sim.tick',
      tags,
      ticks,
      createMs: Math.round(createMs),
      quietMs: { p50: q(quiet, 0.5), p95: q(quiet, 0.95), max: q(quiet, 1) },
      releaseMs: { p50: q(release, 0.5), p95: q(release, 0.95), max: q(release, 1) },
    }),
  );
}

void main();
