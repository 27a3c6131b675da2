import { describe, expect, it } from 'vitest';
import type { Injection } from '../../shared/protocol/injection';
import { ManualClock } from '../../shared/util/clock';
import { openSqliteStore } from '../store/openSqliteStore';
import { FakeSimulator } from '../testing/FakeSimulator';
import { testPlant } from '../testing/testPlant';
import { CommandEngine } from './CommandEngine';
import { CommandService } from './CommandService';
import { InjectionService } from './InjectionService';

function setup() {
  const { plant } = testPlant();
  const clock = new ManualClock(1_000_000);
  const store = openSqliteStore(':memory:');
  const engine = CommandEngine.open(store, clock);
  const sim = new FakeSimulator(plant, clock.now());
  const injections = new InjectionService(engine, sim, clock);
  const commands = new CommandService(
    {
      'sim.inject': (p, u) => injections.inject(p, u.name),
      'sim.clear': (p, u) => injections.clear(p.injectionId, u.name),
    },
    3,
  );
  return { plant, clock, store, engine, sim, injections, commands };
}

const dora = { name: 'dora', role: 'drill_coordinator' } as const;
const vic = { name: 'vic', role: 'viewer' } as const;
const release: Injection = { kind: 'gas_release', position: [10, 10, 1], chemical: 'methanol', rateKgS: 2 };

describe('CommandService', () => {
  it('checks shape, name, role and payload before doing anything', () => {
    const { commands, engine, sim } = setup();
    expect(commands.run(dora, null)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(commands.run(dora, { id: 'short', name: 'sim.inject', payload: release })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(commands.run(dora, { id: 'req-00001', name: 'launch.missiles', payload: {} })).toMatchObject({ ok: false, code: 'unknown_command' });
    expect(commands.run(dora, { id: 'req-00001', name: 'toString', payload: {} })).toMatchObject({ ok: false, code: 'unknown_command' });
    const refused = commands.run(vic, { id: 'req-00002', name: 'sim.inject', payload: release });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(!refused.ok && refused.message).toMatch(/viewer.*drill_coordinator, admin/);
    expect(commands.run(dora, { id: 'req-00003', name: 'sim.inject', payload: { ...release, rateKgS: NaN } })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(commands.run(dora, { id: 'req-00003', name: 'sim.inject', payload: { ...release, role: 'admin' } })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(engine.seq).toBe(0);
    expect(sim.calls).toEqual([]);
  });

  it('runs a command once per request id and journals it', () => {
    const { commands, engine, sim } = setup();
    const first = commands.run(dora, { id: 'req-00010', name: 'sim.inject', payload: release });
    expect(first).toEqual({ ok: true, data: { injectionId: 'inj-1' } });
    expect(commands.run(dora, { id: 'req-00010', name: 'sim.inject', payload: release })).toBe(first);
    expect(sim.calls).toEqual(['inject gas_release inj-1']);
    expect(engine.state.injections['inj-1']?.actor).toBe('dora');
    expect(commands.run(dora, { id: 'req-00010', name: 'sim.clear', payload: {} })).toMatchObject({ ok: false, code: 'conflict' });
    // Another user's request with the same id is a different request.
    expect(commands.run({ name: 'ann', role: 'admin' }, { id: 'req-00010', name: 'sim.clear', payload: {} })).toEqual({ ok: true, data: { cleared: ['inj-1'] } });
    expect(engine.state.recent.map((r) => r.type)).toEqual(['sim.injection.started', 'sim.injection.ended']);
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const { commands, sim } = setup();
    for (let i = 0; i < 4; i++) commands.run(dora, { id: `req-0000${i}`, name: 'sim.inject', payload: release });
    commands.run(dora, { id: 'req-00000', name: 'sim.inject', payload: release });
    expect(sim.calls.length).toBe(5);
  });
});

describe('InjectionService', () => {
  it('maps unknown targets to not_found and journals nothing', () => {
    const { injections, engine } = setup();
    expect(injections.inject({ kind: 'detector_failure', tag: 'NOPE', mode: 'bad' }, 'dora')).toMatchObject({ ok: false, code: 'not_found' });
    expect(injections.clear('inj-99', 'dora')).toMatchObject({ ok: false, code: 'not_found' });
    expect(engine.seq).toBe(0);
  });

  it('expires injections whose duration ran out', () => {
    const { injections, engine, clock, sim } = setup();
    injections.inject({ ...release, durationS: 10 }, 'dora');
    injections.expire(clock.now() + 9_999);
    expect(Object.keys(engine.state.injections)).toEqual(['inj-1']);
    clock.advance(10_000);
    injections.expire(clock.now());
    expect(engine.state.injections).toEqual({});
    expect(engine.state.recent.at(-1)).toMatchObject({ type: 'sim.injection.ended', actor: 'system' });
    expect(sim.activeIds()).toEqual([]);
  });

  it('hands active injections to a new simulator after a restart', () => {
    const { injections, engine, store, plant, clock } = setup();
    injections.inject(release, 'dora');
    const again = CommandEngine.open(store, clock);
    const sim2 = new FakeSimulator(plant, clock.now());
    new InjectionService(again, sim2, clock).restoreActive();
    expect(sim2.activeIds()).toEqual(['inj-1']);
    expect(engine.seq).toBe(again.seq);
  });
});
