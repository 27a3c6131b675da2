import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBand, Quality } from '../../shared/plant/band';
import type { Plant } from '../../shared/plant/schema';
import { loadPlant } from '../plant/loadPlant';
import { createSimulator } from './createSimulator';

const root = path.resolve(__dirname, '../..');
const t0 = Date.UTC(2025, 6, 1, 6, 0, 0);

function crossings(plant: Plant, seconds: number, seed: number): string[] {
  const sim = createSimulator(plant, { seed, startTime: t0 });
  const out: string[] = [];
  for (let s = 0; s <= seconds; s++) {
    const b = sim.tick(t0 + s * 1000);
    for (let k = 0; k < b.count; k++) {
      const tag = plant.tags[b.ids[k] as number]!;
      const v = b.values[k] as number;
      if (classifyBand(v, b.quality[k] as number, tag.limits) !== 'normal' || v < tag.range.lo || v > tag.range.hi) out.push(`${tag.id}@${s}s=${v}`);
    }
  }
  return out;
}

describe('simulator on the plant files', () => {
  it('the mini fixture runs quietly for an hour', async () => {
    const { plant } = await loadPlant(path.join(root, 'tests/fixtures/plants/mini'));
    expect(crossings(plant, 3600, 1)).toEqual([]);
  });

  it('the reference plant runs quietly for an hour: no limit crossing in any of its tags', async () => {
    const { plant } = await loadPlant(path.join(root, 'resources/plants/reference'));
    expect(plant.tags.length).toBeGreaterThanOrEqual(2000);
    expect(crossings(plant, 3600, 7).slice(0, 10)).toEqual([]);
  });

  it('a release at a reference-plant toxic detector raises it past its second level', async () => {
    const { plant } = await loadPlant(path.join(root, 'resources/plants/reference'));
    const det = plant.tags.find((t) => t.kind === 'gas_toxic')!;
    const i = plant.tags.indexOf(det);
    const sim = createSimulator(plant, { seed: 3, startTime: t0 });
    sim.tick(t0);
    const [x, y, z] = det.position;
    sim.inject({ kind: 'gas_release', position: [x + 2, y, z], chemical: det.chemical!, rateKgS: 0.5 }, t0);
    for (let s = 1; s <= 60; s++) sim.tick(t0 + s * 1000);
    const latest = sim.latest();
    expect(latest.quality[i]).toBe(Quality.Good);
    expect(classifyBand(latest.values[i] as number, Quality.Good, det.limits)).toBe('hh');
  });

  it('overpressure at factor 1.05 of design takes every reference-plant pressure past HH, and trips every pressure interlock', async () => {
    const { plant } = await loadPlant(path.join(root, 'resources/plants/reference'));
    const sim = createSimulator(plant, { seed: 4, startTime: t0 });
    sim.tick(t0);
    // The first pressure tag with an HH of each equipment (the one the simulator drives).
    const watched = new Map<string, number>();
    plant.tags.forEach((t, i) => {
      if (t.kind === 'pressure' && t.equipment !== undefined && !watched.has(t.equipment) && t.limits.hh !== undefined && !t.id.includes('.S')) watched.set(t.equipment, i);
    });
    expect(watched.size).toBeGreaterThan(50);
    for (const equipment of watched.keys()) sim.inject({ kind: 'overpressure', equipment, factor: 1.05, rampS: 30 }, t0);
    // A pressure trip relieves its equipment once it fires, so look for HH at any sample.
    const reached = new Set<number>();
    for (let s = 1; s <= 40; s++) {
      const b = sim.tick(t0 + s * 1000);
      for (let k = 0; k < b.count; k++) {
        const i = b.ids[k] as number;
        if (classifyBand(b.values[k] as number, b.quality[k] as number, plant.tags[i]!.limits) === 'hh') reached.add(i);
      }
    }
    const notHH = [...watched].filter(([, i]) => !reached.has(i)).map(([e]) => e);
    expect(notHH).toEqual([]);
    const pressureTrips = (plant.interlocks ?? []).filter((il) => plant.tags.find((t) => t.id === il.trigger.tag)?.kind === 'pressure').map((il) => il.id);
    expect(pressureTrips.length).toBeGreaterThanOrEqual(17);
    const tripped = new Set((sim.interlockStates?.() ?? []).filter((s) => s.tripped).map((s) => s.id));
    expect(pressureTrips.filter((id) => !tripped.has(id))).toEqual([]);
  });
});
