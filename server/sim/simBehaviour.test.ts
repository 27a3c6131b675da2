import { describe, expect, it } from 'vitest';
import { classifyBand, Quality } from '../../shared/plant/band';
import type { Plant } from '../../shared/plant/schema';
import { createSimulator } from './createSimulator';
import { buildTestPlant } from './testing/buildTestPlant';
import { collect, correlation, series } from './testing/runSim';

const t0 = Date.UTC(2025, 5, 1, 0, 0, 0);
const plant = buildTestPlant();

/** Counts samples outside their normal band (limit crossings) over a run; also checks range. */
function countCrossings(p: Plant, seed: number, seconds: number): { crossings: string[]; outOfRange: number; samples: number } {
  const sim = createSimulator(p, { seed, startTime: t0 });
  const crossings: string[] = [];
  let outOfRange = 0;
  let samples = 0;
  for (let s = 0; s <= seconds; s++) {
    const b = sim.tick(t0 + s * 1000);
    for (let k = 0; k < b.count; k++) {
      const tag = p.tags[b.ids[k] as number]!;
      const v = b.values[k] as number;
      samples++;
      if (v < tag.range.lo || v > tag.range.hi) outOfRange++;
      const band = classifyBand(v, b.quality[k] as number, tag.limits);
      if (band !== 'normal') crossings.push(`${tag.id}@${s}s=${v.toFixed(3)} (${band})`);
    }
  }
  return { crossings, outOfRange, samples };
}

describe('simulated plant behaviour', () => {
  it('a quiet plant stays inside every limit and range for one simulated hour', () => {
    for (const seed of [1, 2, 3]) {
      const r = countCrossings(plant, seed, 3600);
      expect(r.samples).toBe(3601 * plant.tags.length);
      expect(r.outOfRange).toBe(0);
      expect(r.crossings.slice(0, 5)).toEqual([]);
    }
  });

  it('reactor pressure follows its temperature through the batch cycle', () => {
    const sim = createSimulator(plant, { seed: 11, startTime: t0 });
    const m = collect(plant, sim, t0, t0 + 4 * 3600_000, { stepMs: 10_000, ids: ['R101-TT', 'R101-PT', 'R101-LT'] });
    const tt = series(m, 'R101-TT').v;
    const pt = series(m, 'R101-PT').v;
    expect(Math.max(...tt) - Math.min(...tt)).toBeGreaterThan(5);
    expect(correlation(tt, pt)).toBeGreaterThan(0.9);
    const lt = series(m, 'R101-LT').v;
    expect(Math.max(...lt) - Math.min(...lt)).toBeGreaterThan(5);
  });

  it('raising a reactor temperature raises its pressure', () => {
    const twin = (raise: number): number => {
      const sim = createSimulator(plant, { seed: 5, startTime: t0 });
      sim.tick(t0);
      const snap = sim.latest();
      const i = plant.tags.findIndex((t) => t.id === 'R101-TT');
      snap.values[i] = (snap.values[i] as number) + raise;
      sim.restore(snap.values, snap.quality, snap.times);
      const m = collect(plant, sim, t0 + 1000, t0 + 5000, { ids: ['R101-PT'] });
      const p = series(m, 'R101-PT').v;
      return p.reduce((s, x) => s + x, 0) / p.length;
    };
    expect(twin(8)).toBeGreaterThan(twin(0) + 0.3);
    expect(twin(-8)).toBeLessThan(twin(0) - 0.3);
  });

  it('tank levels move with loading and unloading, each tank its own way', () => {
    const sim = createSimulator(plant, { seed: 3, startTime: t0 });
    const ids = ['T201-LT', 'S301-LT', 'V401-LT'];
    const m = collect(plant, sim, t0, t0 + 24 * 3600_000, { stepMs: 60_000, ids });
    const hourly = ids.map((id) => series(m, id).v.filter((_, i) => i % 3600 === 0));
    for (const h of hourly) {
      const moves = h.slice(1).map((v, i) => v - (h[i] as number));
      // Both a fill and a draw of several percent within a day.
      expect(Math.max(...moves)).toBeGreaterThan(3);
      expect(Math.min(...moves)).toBeLessThan(-3);
    }
    // Not in lockstep: some hour where one tank fills while another draws.
    const opposite = hourly[0]!.slice(1).some((_, i) => {
      const d = hourly.map((h) => (h[i + 1] as number) - (h[i] as number));
      return Math.max(...d) > 2 && Math.min(...d) < -2;
    });
    expect(opposite).toBe(true);
  });

  it('pressurised storage pressure follows its temperature; atmospheric tanks stay near atmospheric', () => {
    const sim = createSimulator(plant, { seed: 4, startTime: t0 });
    const m = collect(plant, sim, t0, t0 + 24 * 3600_000, { stepMs: 300_000, ids: ['V401-TT', 'V401-PT', 'T201-PT', 'MET-AT'] });
    expect(correlation(series(m, 'V401-TT').v, series(m, 'V401-PT').v)).toBeGreaterThan(0.9);
    const at = series(m, 'MET-AT').v;
    expect(Math.max(...at) - Math.min(...at)).toBeGreaterThan(3);
    for (const v of series(m, 'T201-PT').v) expect(Math.abs(v)).toBeLessThan(3);
  });

  it('wind varies over minutes but stays in range: speed ≥ 0, direction 0–360', () => {
    const sim = createSimulator(plant, { seed: 9, startTime: t0 });
    const m = collect(plant, sim, t0, t0 + 2 * 3600_000, { ids: ['MET-WS', 'MET-WD'] });
    const ws = series(m, 'MET-WS').v;
    const wd = series(m, 'MET-WD').v;
    expect(Math.min(...ws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ws)).toBeLessThan(13.8);
    expect(Math.max(...ws) - Math.min(...ws)).toBeGreaterThan(1);
    for (const d of wd) expect(d >= 0 && d < 360).toBe(true);
    // Minute means move by more than wobble over the run.
    const minute = (i: number): number => {
      let sx = 0;
      let sy = 0;
      for (let k = i * 60; k < i * 60 + 60; k++) {
        sx += Math.sin(((wd[k] as number) * Math.PI) / 180);
        sy += Math.cos(((wd[k] as number) * Math.PI) / 180);
      }
      return (Math.atan2(sx, sy) * 180) / Math.PI;
    };
    const means = Array.from({ length: 120 }, (_, i) => minute(i));
    const spread = Math.max(...means.map((a) => Math.abs((((a - means[0]! + 540) % 360) - 180))));
    expect(spread).toBeGreaterThan(20);
  });

  it('gas detectors idle near zero, oxygen near 20.9 %vol, all quality good', () => {
    const sim = createSimulator(plant, { seed: 2, startTime: t0 });
    const m = collect(plant, sim, t0, t0 + 600_000, { ids: ['GT-CL2-50-0', 'GC-LPG-1', 'OX-1'] });
    for (const v of series(m, 'GT-CL2-50-0').v) expect(v).toBeLessThan(0.1);
    for (const v of series(m, 'GC-LPG-1').v) expect(v).toBeLessThan(1);
    for (const v of series(m, 'OX-1').v) expect(Math.abs(v - 20.9)).toBeLessThan(0.2);
    expect(series(m, 'OX-1').q.every((q) => q === Quality.Good)).toBe(true);
  });
});
