/**
 * Plume + people-at-risk recompute (`bench: "plume-risk"`, docs/performance.md): what the
 * emergency stage does when the wind changes — the threat zones of a chlorine release on the
 * reference plant (three AEGL bands, Briggs rural), their polygons in plant coordinates, and
 * every one of N people (5,000 by default, spread over the site) placed in the innermost band
 * holding them. Each recompute is timed alone, the wind turning 7° each time. Goal: < 50 ms.
 */
import type { ChemicalThreat } from '../../shared/plume/threatLevels';
import { computeIncidentZones } from '../../shared/incident/zones';
import { compileZones, peopleAtRisk } from '../../shared/incident/zonesRisk';
import type { Plant } from '../../shared/plant/schema';
import { createRng } from '../../shared/util/rng';

export interface PlumeRiskBenchResult {
  people: number;
  recomputes: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** CPU time per recompute (process user + system): what a busy shared machine does not inflate. */
  cpuP50Ms: number;
  cpuP99Ms: number;
  /** Of the mean: zones (plume footprints and polygons) and people (band tests). */
  zonesMeanMs: number;
  peopleMeanMs: number;
  /** People inside a band, averaged over the recomputes. */
  meanAtRisk: number;
}

export function runPlumeRiskBench(o: { plant: Plant; chemical: ChemicalThreat; people: number; recomputes: number }): PlumeRiskBenchResult {
  const [W, H] = o.plant.meta.extent;
  const rng = createRng(21);
  const n = o.people;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.range(0, W);
    y[i] = rng.range(0, H);
  }
  const ids = Array.from({ length: n }, (_, i) => `P-${i}`);
  const pos = { count: n, x, y, onSite: () => true, id: (p: number) => ids[p]! };
  const tank = o.plant.equipment.find((e) => e.chemical === o.chemical.id) ?? o.plant.equipment[0]!;
  const totals: number[] = [];
  const cpu: number[] = [];
  let zonesMs = 0;
  let peopleMs = 0;
  let atRisk = 0;
  for (let i = 0; i < o.recomputes + 10; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const zones = computeIncidentZones({ incidentId: 'INC-BENCH', position: tank.position, chemical: o.chemical, rateKgS: 1, heightM: 1, wind: { speedMS: 2 + (i % 5) * 0.5, fromDeg: (i * 7) % 360 }, stability: 'D' });
    const t1 = performance.now();
    const risk = peopleAtRisk('INC-BENCH', compileZones(zones), pos);
    const t2 = performance.now();
    const dc = process.cpuUsage(c0);
    if (i < 10) continue;
    totals.push(t2 - t0);
    cpu.push((dc.user + dc.system) / 1000);
    zonesMs += t1 - t0;
    peopleMs += t2 - t1;
    atRisk += risk.people.length;
  }
  totals.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const r3 = (v: number): number => Math.round(v * 1000) / 1000;
  const k = totals.length;
  return {
    people: n,
    recomputes: k,
    p50Ms: r3(totals[Math.floor(0.5 * k)]!),
    p99Ms: r3(totals[Math.min(k - 1, Math.floor(0.99 * k))]!),
    meanMs: r3(totals.reduce((a, b) => a + b, 0) / k),
    maxMs: r3(totals[k - 1]!),
    cpuP50Ms: r3(cpu[Math.floor(0.5 * k)]!),
    cpuP99Ms: r3(cpu[Math.min(k - 1, Math.floor(0.99 * k))]!),
    zonesMeanMs: r3(zonesMs / k),
    peopleMeanMs: r3(peopleMs / k),
    meanAtRisk: Math.round(atRisk / k),
  };
}
