import { describe, expect, it } from 'vitest';
import { Quality } from '../../shared/plant/band';
import type { Plant } from '../../shared/plant/schema';
import { createSimulator } from './createSimulator';
import { buildTestPlant } from './testing/buildTestPlant';
import { InjectionError } from './types';

const t0 = Date.UTC(2025, 5, 1, 4, 0, 0);
const base = buildTestPlant();
/** The test plant with R101's tags moved to a second area, A2. */
const plant: Plant = {
  ...base,
  areas: [...base.areas, { ...(base.areas[0] as Plant['areas'][number]), id: 'A2' }],
  tags: base.tags.map((t) => (t.equipment === 'R101' ? { ...t, area: 'A2' } : t)),
};
const inA2 = plant.tags.map((t) => t.area === 'A2');
const n = plant.tags.length;

describe('io_outage injection', () => {
  it('bad: every tag of the listed areas reads Bad (NaN) from its next sample; clear restores them', () => {
    const sim = createSimulator(plant, { seed: 5, startTime: t0 });
    sim.tick(t0);
    const id = sim.inject({ kind: 'io_outage', areas: ['A2'], mode: 'bad' }, t0 + 200);
    const b = sim.tick(t0 + 1000);
    expect(b.count).toBe(n);
    let bad = 0;
    for (let k = 0; k < b.count; k++) {
      const i = b.ids[k] as number;
      if (inA2[i]) {
        expect(b.quality[k]).toBe(Quality.Bad);
        expect(Number.isNaN(b.values[k])).toBe(true);
        bad++;
      } else expect(b.quality[k]).toBe(Quality.Good);
    }
    expect(bad).toBe(inA2.filter(Boolean).length);
    expect(bad).toBeGreaterThan(3);
    expect(sim.clear(id)).toEqual([id]);
    const after = sim.tick(t0 + 2000);
    for (let k = 0; k < after.count; k++) expect(after.quality[k]).toBe(Quality.Good);
  });

  it("offline '*': latest() says Offline at once, each tag reports the loss once, then nothing until the duration ends", () => {
    const sim = createSimulator(plant, { seed: 5, startTime: t0 });
    sim.tick(t0);
    const id = sim.inject({ kind: 'io_outage', areas: '*', mode: 'offline', durationS: 10 }, t0 + 100);
    expect([...sim.latest().quality].every((q) => q === Quality.Offline)).toBe(true);
    const first = sim.tick(t0 + 1000);
    expect(first.count).toBe(n);
    for (let k = 0; k < first.count; k++) {
      expect(first.quality[k]).toBe(Quality.Offline);
      expect(Number.isNaN(first.values[k])).toBe(true);
    }
    for (let s = 2; s < 10; s++) expect(sim.tick(t0 + s * 1000).count).toBe(0);
    const back = sim.tick(t0 + 11_000);
    expect(back.count).toBe(n);
    for (let k = 0; k < back.count; k++) expect(back.quality[k]).toBe(Quality.Good);
    expect(sim.expire(t0 + 11_000)).toEqual([id]);
  });

  it('the latest-started failure wins on a tag: a detector stuck inside an outage area reads Bad while the outage lasts', () => {
    const sim = createSimulator(plant, { seed: 5, startTime: t0 });
    sim.tick(t0);
    const i = plant.tags.findIndex((t) => t.id === 'R101-PT');
    sim.inject({ kind: 'detector_failure', tag: 'R101-PT', mode: 'stuck' }, t0);
    const outage = sim.inject({ kind: 'io_outage', areas: ['A2'], mode: 'bad' }, t0 + 500);
    const pick = (b: ReturnType<typeof sim.tick>): number => {
      for (let k = 0; k < b.count; k++) if (b.ids[k] === i) return b.quality[k] as number;
      return -1;
    };
    expect(pick(sim.tick(t0 + 1000))).toBe(Quality.Bad);
    sim.clear(outage);
    expect(pick(sim.tick(t0 + 2000))).toBe(Quality.Good);
  });

  it('refuses unknown areas with code unknown_area', () => {
    const sim = createSimulator(plant, { seed: 5, startTime: t0 });
    let err: unknown;
    try {
      sim.inject({ kind: 'io_outage', areas: ['A2', 'NOPE'], mode: 'bad' }, t0);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InjectionError);
    expect((err as InjectionError).code).toBe('unknown_area');
    expect((err as InjectionError).message).toMatch(/NOPE.*known: A1, A2/);
  });
});
