import { describe, expect, it } from 'vitest';
import { Quality } from '../../../shared/plant/band';
import { TagStore } from '../stores/tagStore';
import { ManualTimers } from '../testing/manualTimers';
import { testPlant } from '../testing/testPlant';
import { FakeSource } from './FakeSource';

function run(seed: number): { source: FakeSource; store: TagStore; timers: ManualTimers; clock: { t: number } } {
  const clock = { t: 1_000_000 };
  const timers = new ManualTimers();
  const store = new TagStore();
  const source = new FakeSource({ plant: testPlant(), seed, clock: () => clock.t, timers, framePeriodMs: 100 });
  source.start({ plant: (p) => store.reset(p.tags), samples: (f) => store.apply(f), state: () => undefined, presence: () => undefined });
  return { source, store, timers, clock };
}

describe('FakeSource', () => {
  it('is deterministic for a seed and keeps every tag inside its normal band', () => {
    const a = run(7);
    const b = run(7);
    for (let k = 0; k < 50; k++) {
      a.clock.t += 100;
      b.clock.t += 100;
      a.timers.advance(100);
      b.timers.advance(100);
    }
    expect(Array.from(a.store.values)).toEqual(Array.from(b.store.values));
    for (let i = 0; i < a.store.count; i++) expect(a.store.bandOf(i)).toBe('normal');
  });

  it('reports each tag at its own period', () => {
    const { store, timers, clock } = run(1);
    clock.t += 600;
    timers.advance(600);
    // GT-201 has a 500 ms period, the others 1 s.
    expect(store.times[2]).toBe(1_000_600);
    expect(store.times[0]).toBe(1_000_000);
  });

  it('pushes a forced tag out of its band on the next tick', () => {
    const { source, store } = run(1);
    source.force('TI-101', 170);
    source.tick();
    expect(store.bandOf(0)).toBe('hh');
    source.force('PI-101', 1, Quality.Bad);
    source.tick();
    expect(store.bandOf(1)).toBe('bad');
  });

  it('answers recent history that agrees with what it streams', async () => {
    const { source, store } = run(4);
    const r = await source.recent('TI-101', 10);
    expect(r?.times.at(-1)).toBe(1_000_000);
    expect(r?.values.at(-1)).toBe(store.values[0]);
    expect(r?.times.length).toBe(11);
  });
});
