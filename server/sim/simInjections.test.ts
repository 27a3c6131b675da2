import { describe, expect, it } from 'vitest';
import { classifyBand, Quality } from '../../shared/plant/band';
import type { Tag } from '../../shared/plant/schema';
import type { Injection } from '../../shared/protocol/injection';
import { toWindFrame } from '../../shared/plume/windFrame';
import { createSimulator } from './createSimulator';
import { buildTestPlant } from './testing/buildTestPlant';
import { collect, mean, series } from './testing/runSim';
import { InjectionError } from './types';

const t0 = Date.UTC(2025, 5, 1, 4, 0, 0);
const plant = buildTestPlant();
const tagById = new Map(plant.tags.map((t) => [t.id, t]));
const tag = (id: string): Tag => tagById.get(id) as Tag;
const source: [number, number, number] = [400, 300, 1];
const ring = (r: number): Tag[] => plant.tags.filter((t) => t.id.startsWith(`GT-CL2-${r}-`));
const chlorine = (rateKgS: number, extra: Partial<Injection> = {}): Injection => ({ kind: 'gas_release', position: source, chemical: 'chlorine', rateKgS, ...extra }) as Injection;

/** Mean wind direction (from) of the MET-WD samples in a window, degrees. */
function meanDirection(values: readonly number[]): number {
  let sx = 0;
  let sy = 0;
  for (const d of values) {
    sx += Math.sin((d * Math.PI) / 180);
    sy += Math.cos((d * Math.PI) / 180);
  }
  return ((Math.atan2(sx, sy) * 180) / Math.PI + 360) % 360;
}
const angleBetween = (a: number, b: number): number => Math.abs(((a - b + 540) % 360) - 180);

describe('gas release', () => {
  it('drives downwind detectors past the second level and leaves upwind ones normal', () => {
    const sim = createSimulator(plant, { seed: 21, startTime: t0 });
    sim.tick(t0);
    sim.inject(chlorine(0.5), t0);
    const ids = [...ring(5), ...ring(50), ...ring(300)].map((t) => t.id);
    const m = collect(plant, sim, t0 + 1000, t0 + 120_000, { ids: [...ids, 'MET-WD'] });
    const wd = meanDirection(series(m, 'MET-WD').v.slice(-30));
    const last = (id: string): number => series(m, id).v.at(-1) as number;
    const downwind = (r: number): Tag =>
      ring(r).reduce((best, t) => (toWindFrame([400, 300], [t.position[0], t.position[1]], wd).downwind > toWindFrame([400, 300], [best.position[0], best.position[1]], wd).downwind ? t : best));
    const near = downwind(5);
    expect(last(near.id)).toBeGreaterThan(near.limits.hh as number);
    const mid = downwind(50);
    expect(last(mid.id)).toBeGreaterThan(mid.limits.h as number);
    // Slightly upwind, a few metres from the leak: the near-field term still reads high.
    const up5 = ring(5).reduce((best, t) => (angleBetween(bearingOf(t), wd) < angleBetween(bearingOf(best), wd) ? t : best));
    expect(last(up5.id)).toBeGreaterThan(up5.limits.h as number);
    for (const t of ring(300)) {
      const f = toWindFrame([400, 300], [t.position[0], t.position[1]], wd);
      if (f.downwind < 0) expect(classifyBand(last(t.id), Quality.Good, t.limits)).toBe('normal');
    }
  });

  it('turns with the wind: the strongest detector on a 50 m ring follows the downwind bearing', () => {
    const sim = createSimulator(plant, { seed: 4, startTime: t0 });
    sim.tick(t0);
    sim.inject(chlorine(0.5), t0);
    const ids = ring(50).map((t) => t.id);
    const m = collect(plant, sim, t0 + 1000, t0 + 3 * 3600_000, { ids: [...ids, 'MET-WD'] });
    const wdAll = series(m, 'MET-WD').v;
    const sectors = new Set<string>();
    let agree = 0;
    let minutes = 0;
    for (let s = 180; s < wdAll.length; s += 60) {
      const wd = meanDirection(wdAll.slice(s - 60, s));
      const best = ids.reduce((a, b) => ((series(m, b).v[s] as number) > (series(m, a).v[s] as number) ? b : a));
      sectors.add(best);
      minutes++;
      if (angleBetween(bearingOf(tag(best)), (wd + 180) % 360) <= 30) agree++;
    }
    expect(agree / minutes).toBeGreaterThan(0.9);
    expect(sectors.size).toBeGreaterThanOrEqual(3);
  });

  it('combustible detectors see any flammable release in %LEL; toxic ones only their chemical', () => {
    const sim = createSimulator(plant, { seed: 2, startTime: t0 });
    sim.tick(t0);
    sim.inject({ kind: 'gas_release', position: [205, 101, 0.5], chemical: 'lpg', rateKgS: 0.5 }, t0);
    sim.inject(chlorine(0.5), t0);
    const m = collect(plant, sim, t0 + 1000, t0 + 60_000, { ids: ['GC-TOL-1', 'GC-LPG-1'] });
    expect(series(m, 'GC-TOL-1').v.at(-1)).toBeGreaterThan(50);
    expect(series(m, 'GC-LPG-1').v.at(-1)).toBeLessThan(5);
  });

  it('lowers oxygen where a large release displaces air', () => {
    const sim = createSimulator(plant, { seed: 2, startTime: t0 });
    sim.tick(t0);
    sim.inject(chlorine(50), t0);
    const m = collect(plant, sim, t0 + 1000, t0 + 60_000, { ids: ['OX-1'] });
    expect(series(m, 'OX-1').v.at(-1)).toBeLessThan(20.5);
  });

  it('disperses after the release ends (duration, then expire)', () => {
    const sim = createSimulator(plant, { seed: 21, startTime: t0 });
    sim.tick(t0);
    const id = sim.inject(chlorine(0.5, { durationS: 60 }), t0);
    const ids = ring(5).map((t) => t.id);
    const m = collect(plant, sim, t0 + 1000, t0 + 600_000, { ids });
    const peak = (i: number): number => Math.max(...ids.map((k) => series(m, k).v[i] as number));
    expect(peak(50)).toBeGreaterThan(2);
    expect(peak(598)).toBeLessThan(0.1);
    expect(sim.expire(t0 + 59_000)).toEqual([]);
    expect(sim.expire(t0 + 60_000)).toEqual([id]);
    expect(sim.expire(t0 + 61_000)).toEqual([]);
  });
});

function bearingOf(t: Tag): number {
  return ((Math.atan2(t.position[0] - 400, t.position[1] - 300) * 180) / Math.PI + 360) % 360;
}

describe('overpressure', () => {
  it.each([
    // R101 has no mechanical design pressure: the stand-in is 10 % beyond HH (4.15 barg).
    ['R101', 'R101-PT', 1.0],
    // S301: designPressureBarg 16 = 1.6 MPa, its HH.
    ['S301', 'S301-PT', 1.1],
  ])('%s pressure ramps through H then HH, then returns after clear', (equipment, tagId, factor) => {
    const sim = createSimulator(plant, { seed: 6, startTime: t0 });
    sim.tick(t0);
    const id = sim.inject({ kind: 'overpressure', equipment, factor, rampS: 60 }, t0);
    const m = collect(plant, sim, t0 + 1000, t0 + 120_000, { ids: [tagId] });
    const p = series(m, tagId);
    const limits = tag(tagId).limits;
    const firstH = p.v.findIndex((v) => classifyBand(v, Quality.Good, limits) !== 'normal');
    const firstHH = p.v.findIndex((v) => classifyBand(v, Quality.Good, limits) === 'hh');
    expect(firstH).toBeGreaterThan(0);
    expect(firstHH).toBeGreaterThan(firstH);
    expect(firstHH).toBeLessThan(65);
    expect(sim.clear(id)).toEqual([id]);
    const after = collect(plant, sim, t0 + 121_000, t0 + 600_000, { ids: [tagId] });
    const tail = series(after, tagId).v.slice(-60);
    for (const v of tail) expect(classifyBand(v, Quality.Good, limits)).toBe('normal');
  });

  it('raises the coupled temperature of a reactor', () => {
    const run = (inject: boolean): number => {
      const sim = createSimulator(plant, { seed: 6, startTime: t0 });
      sim.tick(t0);
      if (inject) sim.inject({ kind: 'overpressure', equipment: 'R101', factor: 1.0, rampS: 30 }, t0);
      return mean(series(collect(plant, sim, t0 + 1000, t0 + 60_000, { ids: ['R101-TT'] }), 'R101-TT').v.slice(-10));
    };
    expect(run(true)).toBeGreaterThan(run(false) + 5);
  });
});

describe('detector failure', () => {
  const id = 'GT-CL2-5-0';

  it('stuck: the value freezes with good quality while the gas arrives (the dangerous one)', () => {
    const sim = createSimulator(plant, { seed: 8, startTime: t0 });
    sim.tick(t0);
    const before = sim.latest().values[plant.tags.findIndex((t) => t.id === id)] as number;
    sim.inject({ kind: 'detector_failure', tag: id, mode: 'stuck' }, t0);
    sim.inject(chlorine(2), t0);
    const m = collect(plant, sim, t0 + 1000, t0 + 120_000, { ids: [id, 'GT-CL2-5-90'] });
    const s = series(m, id);
    expect(new Set(s.v)).toEqual(new Set([before]));
    expect(s.q.every((q) => q === Quality.Good)).toBe(true);
    expect(series(m, 'GT-CL2-5-90').v.at(-1)).toBeGreaterThan(2);
  });

  it('bad: quality Bad and NaN values; clearing restores good samples', () => {
    const sim = createSimulator(plant, { seed: 8, startTime: t0 });
    sim.tick(t0);
    const inj = sim.inject({ kind: 'detector_failure', tag: id, mode: 'bad' }, t0);
    const m = collect(plant, sim, t0 + 1000, t0 + 10_000, { ids: [id] });
    const s = series(m, id);
    expect(s.v.length).toBe(10);
    expect(s.v.every((v) => Number.isNaN(v))).toBe(true);
    expect(s.q.every((q) => q === Quality.Bad)).toBe(true);
    expect(sim.clear(inj)).toEqual([inj]);
    const after = series(collect(plant, sim, t0 + 11_000, t0 + 15_000, { ids: [id] }), id);
    expect(after.q.every((q) => q === Quality.Good)).toBe(true);
    expect(after.v.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('offline: no samples at all, latest() says Offline; samples return after the duration', () => {
    const sim = createSimulator(plant, { seed: 8, startTime: t0 });
    sim.tick(t0);
    const i = plant.tags.findIndex((t) => t.id === id);
    const inj = sim.inject({ kind: 'detector_failure', tag: id, mode: 'offline', durationS: 30 }, t0);
    expect(sim.latest().quality[i]).toBe(Quality.Offline);
    const m = collect(plant, sim, t0 + 1000, t0 + 29_000, { ids: [id, 'GT-CL2-5-90'] });
    expect(series(m, id).v.length).toBe(0);
    expect(series(m, 'GT-CL2-5-90').v.length).toBe(29);
    const after = collect(plant, sim, t0 + 30_000, t0 + 40_000, { ids: [id] });
    expect(series(after, id).v.length).toBe(11);
    expect(sim.expire(t0 + 40_000)).toEqual([inj]);
  });
});

describe('inject / clear / expire', () => {
  it('rejects unknown equipment, tags, chemicals and malformed injections with InjectionError', () => {
    const sim = createSimulator(plant, { seed: 1, startTime: t0 });
    expect(() => sim.inject({ kind: 'overpressure', equipment: 'NOPE', factor: 2, rampS: 60 }, t0)).toThrow(/unknown equipment "NOPE"/);
    expect(() => sim.inject({ kind: 'overpressure', equipment: 'MET1', factor: 2, rampS: 60 }, t0)).toThrow(/no pressure tag/);
    expect(() => sim.inject({ kind: 'detector_failure', tag: 'NOPE', mode: 'bad' }, t0)).toThrow(/unknown tag "NOPE"/);
    expect(() => sim.inject({ kind: 'gas_release', position: [0, 0, 0], chemical: 'unobtainium', rateKgS: 1 }, t0)).toThrow(/unknown chemical "unobtainium".*chlorine/);
    expect(() => sim.inject({ kind: 'gas_release', position: [0, 0, 0], chemical: 'chlorine', rateKgS: -1 }, t0)).toThrow(InjectionError);
    expect(() => sim.inject({ kind: 'nonsense' } as unknown as Injection, t0)).toThrow(InjectionError);
    const codeOf = (inj: Injection): [string, string] => {
      try {
        sim.inject(inj, t0);
      } catch (err) {
        if (err instanceof InjectionError) return [err.code, err.zh];
      }
      return ['none', ''];
    };
    expect(codeOf({ kind: 'overpressure', equipment: 'NOPE', factor: 2, rampS: 60 })).toEqual(['unknown_equipment', '未知设备 "NOPE"']);
    expect(codeOf({ kind: 'detector_failure', tag: 'X', mode: 'bad' })).toEqual(['unknown_tag', '未知位号 "X"']);
    expect(codeOf({ kind: 'gas_release', position: [0, 0, 0], chemical: 'x', rateKgS: 1 })[0]).toBe('unknown_chemical');
    expect(codeOf({ kind: 'overpressure', equipment: 'MET1', factor: 2, rampS: 60 })[0]).toBe('no_pressure_tag');
  });

  it('clear() ends all, clear(id) one; ids are unique', () => {
    const sim = createSimulator(plant, { seed: 1, startTime: t0 });
    sim.tick(t0);
    const a = sim.inject(chlorine(1), t0);
    const b = sim.inject({ kind: 'overpressure', equipment: 'R101', factor: 2, rampS: 60 }, t0, 'my-id');
    expect(b).toBe('my-id');
    expect(a).not.toBe(b);
    expect(() => sim.inject(chlorine(1), t0, 'my-id')).toThrow(/already active/);
    expect(sim.clear('unknown')).toEqual([]);
    expect(sim.clear(a)).toEqual([a]);
    sim.inject(chlorine(1), t0, 'c');
    expect(sim.clear().sort()).toEqual(['c', 'my-id']);
    expect(sim.clear()).toEqual([]);
  });
});
