import { describe, expect, it } from 'vitest';
import type { Interlock } from '../../shared/plant/alarmConfig';
import type { Plant } from '../../shared/plant/schema';
import { createSimulator } from './createSimulator';
import { buildTestPlant } from './testing/buildTestPlant';
import { collect, series } from './testing/runSim';
import { InterlockError, type PlantSimulator } from './types';

const t0 = Date.UTC(2025, 5, 1, 4, 0, 0);
const ID = 'SIS-R101-P';
const interlock: Interlock = {
  id: ID,
  name: { zh: 'R101 压力高高联锁', en: 'R101 pressure HH trip' },
  area: 'A1',
  equipment: 'R101',
  sil: 2,
  trigger: { tag: 'R101-PT', limit: 'HH' },
  actions: [
    { tag: 'R101-ST', value: 0, description: { zh: '停搅拌', en: 'stop agitator' } },
    { tag: 'R101-FT', value: 0, description: { zh: '切断进料', en: 'cut feed' } },
  ],
  source: 'design: test',
};
const plant: Plant = { ...buildTestPlant(), interlocks: [interlock] };
const HH = 4;
const H = 3.5;

function codeOf(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof InterlockError) return err.code;
    throw err;
  }
  return 'none';
}

function overpressured(seed = 3): PlantSimulator {
  const sim = createSimulator(plant, { seed, startTime: t0 });
  sim.tick(t0);
  sim.inject({ kind: 'overpressure', equipment: 'R101', factor: 1.2, rampS: 30 }, t0, 'op');
  return sim;
}

describe('simulator interlocks', () => {
  it('trips on the first trigger sample at HH: actions read their safe values exactly, pressure falls back', () => {
    const sim = overpressured();
    const m = collect(plant, sim, t0 + 1000, t0 + 240_000, { ids: ['R101-PT', 'R101-ST', 'R101-FT', 'R101-TT'] });
    const p = series(m, 'R101-PT');
    const k = p.v.findIndex((v) => v >= HH);
    expect(k).toBeGreaterThan(0);
    const tripAt = p.t[k] as number;
    const state = sim.interlockStates?.()[0];
    expect(state).toMatchObject({ id: ID, tripped: true, trippedAt: tripAt, bypassed: false });
    expect(state?.tripValue).toBe(p.v[k]);
    for (const id of ['R101-ST', 'R101-FT']) {
      const s = series(m, id);
      const before = s.v.filter((_, j) => (s.t[j] as number) < tripAt);
      const after = s.v.filter((_, j) => (s.t[j] as number) > tripAt);
      expect(before.every((v) => v > 1), `${id} runs before the trip`).toBe(true);
      expect(after.length).toBeGreaterThan(200);
      expect(after.every((v) => v === 0), `${id} held at 0 after the trip`).toBe(true);
    }
    // The overpressure is still injected, but the trip relieves it: the pressure peaks and
    // comes back below H within a few time constants.
    const peak = Math.max(...p.v);
    expect(peak).toBeGreaterThanOrEqual(HH);
    expect(p.v.at(-1) as number).toBeLessThan(H);
    expect(sim.interlockStates?.()[0]?.triggerActive).toBe(false);
  });

  it('stays tripped until reset; refuses a reset while the trigger is at HH, or when not tripped', () => {
    const sim = overpressured();
    expect(codeOf(() => sim.resetInterlock?.(ID, t0))).toBe('not_tripped');
    expect(codeOf(() => sim.resetInterlock?.('NOPE', t0))).toBe('unknown_interlock');
    let refused = false;
    collect(plant, sim, t0 + 1000, t0 + 60_000, {
      ids: [],
      each: (now) => {
        const s = sim.interlockStates?.()[0];
        if (s?.tripped && s.triggerActive && !refused) {
          expect(codeOf(() => sim.resetInterlock?.(ID, now))).toBe('trigger_active');
          refused = true;
        }
      },
    });
    expect(refused).toBe(true);
    sim.clear('op');
    collect(plant, sim, t0 + 61_000, t0 + 400_000, { ids: [] });
    // Long after the pressure is back, the trip still holds: a trip never clears by itself.
    expect(sim.interlockStates?.()[0]).toMatchObject({ tripped: true, triggerActive: false });
    const held = series(collect(plant, sim, t0 + 401_000, t0 + 405_000, { ids: ['R101-ST'] }), 'R101-ST');
    expect(held.v.every((v) => v === 0)).toBe(true);
    sim.resetInterlock?.(ID, t0 + 405_000);
    expect(sim.interlockStates?.()[0]).toMatchObject({ tripped: false, trippedAt: null });
    const back = series(collect(plant, sim, t0 + 406_000, t0 + 410_000, { ids: ['R101-ST'] }), 'R101-ST');
    expect(back.v.every((v) => v > 100)).toBe(true);
  });

  it('a bypassed interlock does not trip; removing the bypass over the limit trips at the next sample', () => {
    const sim = createSimulator(plant, { seed: 3, startTime: t0 });
    sim.tick(t0);
    sim.setInterlockBypass?.(ID, true);
    sim.inject({ kind: 'overpressure', equipment: 'R101', factor: 1.2, rampS: 30 }, t0, 'op');
    const m = collect(plant, sim, t0 + 1000, t0 + 90_000, { ids: ['R101-PT', 'R101-ST'] });
    expect(Math.max(...series(m, 'R101-PT').v)).toBeGreaterThan(HH);
    // Without the trip nothing relieves the overpressure.
    expect(series(m, 'R101-PT').v.at(-1) as number).toBeGreaterThan(HH);
    expect(series(m, 'R101-ST').v.every((v) => v > 100)).toBe(true);
    expect(sim.interlockStates?.()[0]).toMatchObject({ tripped: false, bypassed: true, triggerActive: true });
    sim.setInterlockBypass?.(ID, false);
    sim.tick(t0 + 91_000);
    expect(sim.interlockStates?.()[0]).toMatchObject({ tripped: true, trippedAt: t0 + 91_000, bypassed: false });
  });

  it('is deterministic with trips, and a trip does not change other tags (their noise stream is kept)', () => {
    const run = (il: boolean): Map<string, number[]> => {
      const p = il ? plant : { ...plant, interlocks: [] };
      const sim = createSimulator(p, { seed: 9, startTime: t0 });
      sim.tick(t0);
      sim.inject({ kind: 'overpressure', equipment: 'R101', factor: 1.2, rampS: 30 }, t0, 'op');
      const m = collect(p, sim, t0 + 1000, t0 + 120_000, { ids: ['R101-PT', 'R101-ST', 'R102-PT', 'T201-LT'] });
      return new Map([...m].map(([k, s]) => [k, s.v]));
    };
    const a = run(true);
    expect(run(true)).toEqual(a);
    const free = run(false);
    expect(a.get('R102-PT')).toEqual(free.get('R102-PT'));
    expect(a.get('T201-LT')).toEqual(free.get('T201-LT'));
    expect(a.get('R101-ST')).not.toEqual(free.get('R101-ST'));
  });

  it('restoreInterlock puts a trip and a bypass back as the journal left them', () => {
    const sim = createSimulator(plant, { seed: 1, startTime: t0 });
    sim.restoreInterlock?.(ID, { tripped: true, trippedAt: t0 - 5000, bypassed: true });
    const s = series(collect(plant, sim, t0, t0 + 3000, { ids: ['R101-ST'] }), 'R101-ST');
    expect(s.v.every((v) => v === 0)).toBe(true);
    expect(sim.interlockStates?.()[0]).toMatchObject({ tripped: true, trippedAt: t0 - 5000, bypassed: true });
    sim.resetInterlock?.(ID, t0 + 3000);
    expect(sim.interlockStates?.()[0]?.tripped).toBe(false);
  });

  it('refuses a plant whose trigger tag lacks the limit', () => {
    const bad: Plant = { ...plant, interlocks: [{ ...interlock, trigger: { tag: 'R101-PT', limit: 'LL' } }] };
    expect(() => createSimulator(bad, { seed: 1, startTime: t0 })).toThrow(/no LL limit/);
  });
});
