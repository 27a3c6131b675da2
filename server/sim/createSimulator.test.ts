import { describe, expect, it } from 'vitest';
import { classifyBand } from '../../shared/plant/band';
import { createSimulator } from './createSimulator';
import { buildTestPlant } from './testing/buildTestPlant';

const t0 = Date.UTC(2025, 5, 1, 2, 0, 0);

function run(seed: number, ticks: number, stepMs = 1000): Buffer {
  const plant = buildTestPlant();
  const sim = createSimulator(plant, { seed, startTime: t0 });
  const chunks: Buffer[] = [];
  for (let k = 0; k <= ticks; k++) {
    const b = sim.tick(t0 + k * stepMs);
    chunks.push(Buffer.from(b.ids.buffer.slice(0, b.count * 4)));
    chunks.push(Buffer.from(b.values.buffer.slice(0, b.count * 8)));
    chunks.push(Buffer.from(b.times.buffer.slice(0, b.count * 8)));
    chunks.push(Buffer.from(b.quality.buffer.slice(0, b.count)));
  }
  return Buffer.concat(chunks);
}

describe('createSimulator', () => {
  it('is deterministic: same seed gives byte-identical columns over 600 ticks, another seed differs', () => {
    const a = run(7, 600);
    const b = run(7, 600);
    const c = run(8, 600);
    expect(a.length).toBeGreaterThan(0);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('samples each tag at its period: every tag once per second at 1 Hz, first at startTime', () => {
    const plant = buildTestPlant();
    const sim = createSimulator(plant, { seed: 1, startTime: t0 });
    expect(sim.tick(t0).count).toBe(plant.tags.length);
    expect(sim.tick(t0 + 500).count).toBe(0);
    const b = sim.tick(t0 + 1000);
    expect(b.count).toBe(plant.tags.length);
    expect(b.times[0]).toBe(t0 + 1000);
    // Ten seconds in one tick: ten samples per tag, in time order per tag.
    const c = sim.tick(t0 + 11_000);
    expect(c.count).toBe(10 * plant.tags.length);
  });

  it('spreads sampling phases when asked: each tag still once per period, ticks carry a share each', () => {
    const plant = buildTestPlant();
    const sim = createSimulator(plant, { seed: 1, startTime: t0, phaseStepMs: 100 });
    const perTag = new Map<number, number[]>();
    const counts: number[] = [];
    for (let k = 0; k <= 50; k++) {
      const b = sim.tick(t0 + k * 100);
      counts.push(b.count);
      for (let j = 0; j < b.count; j++) {
        const id = b.ids[j]!;
        perTag.set(id, [...(perTag.get(id) ?? []), b.times[j]!]);
        expect(b.times[j]).toBe(t0 + k * 100);
      }
    }
    expect(perTag.size).toBe(plant.tags.length);
    for (const times of perTag.values()) {
      for (let j = 1; j < times.length; j++) expect(times[j]! - times[j - 1]!).toBe(1000);
    }
    // No tick carries every tag, and the ticks of one second add up to every tag once.
    expect(Math.max(...counts)).toBeLessThan(plant.tags.length);
    expect(counts.slice(10, 20).reduce((a, b) => a + b, 0)).toBe(plant.tags.length);
  });

  it('honours the global period override', () => {
    const plant = buildTestPlant();
    const sim = createSimulator(plant, { seed: 1, startTime: t0, periodMs: 5000 });
    sim.tick(t0);
    expect(sim.tick(t0 + 4000).count).toBe(0);
    expect(sim.tick(t0 + 5000).count).toBe(plant.tags.length);
  });

  it('crosses a long gap in one tick: one sample per tag at the latest due time, values still inside limits', () => {
    const plant = buildTestPlant();
    const sim = createSimulator(plant, { seed: 3, startTime: t0 });
    sim.tick(t0);
    for (let h = 1; h <= 48; h++) {
      const now = t0 + h * 1800_000 + 250;
      const b = sim.tick(now);
      expect(b.count).toBe(plant.tags.length);
      for (let k = 0; k < b.count; k++) {
        const tag = plant.tags[b.ids[k] as number]!;
        expect(b.times[k]).toBe(t0 + h * 1800_000);
        expect(classifyBand(b.values[k] as number, b.quality[k] as number, tag.limits)).toBe('normal');
      }
    }
  });

  it('latest() mirrors the last samples; restore() lets a new simulator continue from them', () => {
    const plant = buildTestPlant();
    const a = createSimulator(plant, { seed: 3, startTime: t0 });
    for (let s = 0; s <= 7200; s += 10) a.tick(t0 + s * 1000);
    const snap = a.latest();
    const i = plant.tags.findIndex((t) => t.id === 'T201-LT');
    expect(snap.times[i]).toBe(t0 + 7200_000);
    snap.values[i] = 71.5;
    const b = createSimulator(plant, { seed: 99, startTime: t0 + 7201_000 });
    b.restore(snap.values, snap.quality, snap.times);
    expect(b.latest().values[i]).toBe(71.5);
    const first = b.tick(t0 + 7201_000);
    const k = Array.from(first.ids.subarray(0, first.count)).indexOf(i);
    expect(Math.abs((first.values[k] as number) - 71.5)).toBeLessThan(1);
  });
});
