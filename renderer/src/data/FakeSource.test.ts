import { describe, expect, it } from 'vitest';
import { Quality } from '../../../shared/plant/band';
import type { CommandState } from '../../../shared/state/reducer';
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

describe('FakeSource alarms', () => {
  function withState(role: 'viewer' | 'operator' = 'operator'): { source: FakeSource; states: CommandState[]; clock: { t: number } } {
    const clock = { t: 2_000_000 };
    const timers = new ManualTimers();
    const states: CommandState[] = [];
    const source = new FakeSource({ plant: testPlant(), clock: () => clock.t, timers, user: { name: 'zhang', role } });
    source.start({ plant: () => undefined, samples: () => undefined, state: (s) => states.push(s), presence: () => undefined });
    return { source, states, clock };
  }

  it('raises the alarm of a forced band through the shared reducer, and clears it on release', () => {
    const { source, states, clock } = withState();
    source.force('TI-101', 160);
    clock.t += 1000;
    source.tick();
    const a = states.at(-1)!.alarms['TI-101:HH'];
    expect(a).toMatchObject({ kind: 'HH', source: 'TI-101', area: 'R1', priority: 2, value: 160, limit: 150, activatedAt: 2_001_000 });
    expect(a!.lifecycle).toMatchObject({ active: true, acked: false });
    expect(states.at(-1)!.recent.at(-1)).toMatchObject({ type: 'alarm.changed', actor: 'system' });
    source.release('TI-101');
    clock.t += 1000;
    source.tick();
    expect(states.at(-1)!.alarms['TI-101:HH']!.lifecycle).toMatchObject({ active: false, acked: false });
  });

  it('answers ack with a note under the user name, and refuses a viewer', async () => {
    const op = withState('operator');
    op.source.force('GT-201', 60);
    op.clock.t += 1000;
    op.source.tick();
    const id = 'GT-201:HH';
    expect(op.states.at(-1)!.alarms[id]!.priority).toBe(2);
    expect(await op.source.command('alarm.ack', { alarmIds: [id], note: 'gas checked' })).toMatchObject({ ok: true });
    expect(op.states.at(-1)!.alarms[id]!.lifecycle.acked).toBe(true);
    expect(op.states.at(-1)!.recent.at(-1)).toMatchObject({ type: 'alarm.changed', actor: 'zhang' });
    const viewer = withState('viewer');
    expect(await viewer.source.command('alarm.ack', { alarmIds: [id] })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('shelves and unshelves, and refuses a command while offline', async () => {
    const { source, states, clock } = withState();
    source.force('TI-101', 5);
    clock.t += 1000;
    source.tick();
    expect(await source.command('alarm.shelve', { alarmId: 'TI-101:LL', durationS: 600, reason: 'sensor replaced' })).toMatchObject({ ok: true });
    expect(states.at(-1)!.alarms['TI-101:LL']!.lifecycle.shelved).toMatchObject({ by: 'zhang', until: clock.t + 600_000 });
    expect(await source.command('alarm.unshelve', { alarmId: 'TI-101:LL' })).toMatchObject({ ok: true });
    expect(states.at(-1)!.alarms['TI-101:LL']!.lifecycle.shelved).toBeNull();
    source.setPresence('reconnecting');
    expect(await source.command('alarm.ack', { alarmIds: ['TI-101:LL'] })).toMatchObject({ ok: false, code: 'offline' });
  });
});
