import { beforeAll, describe, expect, it } from 'vitest';
import type { Plant } from '../../shared/plant/schema';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { BandTracker } from '../engine/BandTracker';
import { CommandEngine } from '../engine/CommandEngine';
import { loadPlant } from '../plant/loadPlant';
import { MINI_PLANT_DIR } from '../plant/testing/plantPaths';
import { createSimulator } from '../sim/createSimulator';
import { openSqliteStore } from '../store/openSqliteStore';
import { InterlockService, tripAlarmId, type TripAlarmDef } from './InterlockService';

const t0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const ID = 'SIS-R-1-P';
let plant: Plant;
beforeAll(async () => {
  plant = (await loadPlant(MINI_PLANT_DIR)).plant;
});

function rig() {
  const clock = new ManualClock(t0);
  const store = openSqliteStore(':memory:');
  const engine = CommandEngine.open(store, clock);
  const sim = createSimulator(plant, { seed: 2, startTime: t0 });
  const external: { def: TripAlarmDef; active: boolean; value: number | null; time: number }[] = [];
  const svc = new InterlockService({ plant, sim, engine, clock, alarms: { setExternal: (def, active, value, time) => external.push({ def, active, value, time }) } });
  svc.start();
  const bands = new BandTracker(plant.tags, engine.state.bands);
  const step = (seconds: number): void => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      const b = sim.tick(clock.now());
      for (const c of bands.update(b)) engine.append({ type: 'tag.band.changed', payload: { tag: c.tag, from: c.from, to: c.to, value: c.value } }, 'system');
      for (const e of svc.stage.run(b, clock.now())) engine.append(e.body, e.actor);
    }
  };
  const types = (): string[] => engine.eventsPage(0, 100_000).filter((e) => e.type.startsWith('interlock.')).map((e) => e.type);
  return { clock, engine, sim, svc, external, step, types, store };
}

describe('InterlockService', () => {
  it('journals the trip once with its value, raises the TRIP alarm, refuses a reset while the trigger is in HH, resets after', () => {
    const r = rig();
    r.sim.inject({ kind: 'overpressure', equipment: 'R-1', factor: 1.2, rampS: 30 }, t0, 'op');
    r.step(40);
    const tripped = r.engine.eventsPage(0, 100_000).filter((e): e is Extract<JournalEvent, { type: 'interlock.tripped' }> => e.type === 'interlock.tripped');
    expect(tripped).toHaveLength(1);
    expect(tripped[0]?.payload).toMatchObject({ interlockId: ID, equipment: 'R-1', area: 'A2', tag: 'R-1.PI-01' });
    expect(tripped[0]?.payload.value).toBeGreaterThanOrEqual(3.4);
    expect(r.external).toHaveLength(1);
    expect(r.external[0]).toMatchObject({ active: true, def: { id: tripAlarmId(ID), kind: 'TRIP', source: ID, area: 'A2', equipment: 'R-1', priority: 1 } });
    expect(r.external[0]?.def.message.zh).toContain('R-1 釜压高高联锁动作');
    expect(r.external[0]?.def.message.en).toContain('close the feed valve');
    expect(r.engine.state.interlocks[ID]).toMatchObject({ tripped: true });

    expect(r.engine.state.bands['R-1.PI-01']).toBe('hh');
    const refused = r.svc.reset({ interlockId: ID }, 'op');
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
    expect(!refused.ok && refused.message).toMatch(/still in HH.*复位/);

    r.sim.clear('op');
    r.step(240);
    expect(r.engine.state.bands['R-1.PI-01']).toBeUndefined();
    expect(r.svc.reset({ interlockId: ID }, 'op')).toEqual({ ok: true, data: { interlockId: ID } });
    expect(r.types()).toEqual(['interlock.tripped', 'interlock.reset']);
    expect(r.engine.state.interlocks[ID]).toMatchObject({ tripped: false });
    expect(r.external.at(-1)).toMatchObject({ active: false, def: { id: tripAlarmId(ID) } });
    expect(r.svc.reset({ interlockId: ID }, 'op')).toMatchObject({ ok: false, code: 'conflict' });
    expect(r.svc.reset({ interlockId: 'NOPE' }, 'op')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('bypass needs a reason, is journaled with it, and prevents the trip', () => {
    const r = rig();
    expect(r.svc.bypass({ interlockId: ID, bypassed: true }, 'lead')).toMatchObject({ ok: false, code: 'bad_request' });
    expect(r.svc.bypass({ interlockId: ID, bypassed: true, reason: 'transmitter proof test' }, 'lead')).toEqual({ ok: true, data: { interlockId: ID, bypassed: true } });
    const ev = r.engine.eventsPage(0, 100).find((e) => e.type === 'interlock.bypass.changed');
    expect(ev).toMatchObject({ actor: 'lead', payload: { interlockId: ID, bypassed: true, reason: 'transmitter proof test' } });
    r.sim.inject({ kind: 'overpressure', equipment: 'R-1', factor: 1.2, rampS: 30 }, t0, 'op');
    r.step(60);
    expect(r.engine.state.bands['R-1.PI-01']).toBe('hh');
    expect(r.types()).toEqual(['interlock.bypass.changed']);
    expect(r.external).toEqual([]);
    expect(r.svc.bypass({ interlockId: ID, bypassed: false }, 'lead')).toMatchObject({ ok: true });
    r.step(2);
    expect(r.types()).toEqual(['interlock.bypass.changed', 'interlock.bypass.changed', 'interlock.tripped']);
  });

  it('hands trips and bypasses back to a new simulator after a restart', () => {
    const r = rig();
    r.svc.bypass({ interlockId: ID, bypassed: true, reason: 'maintenance' }, 'lead');
    r.engine.append({ type: 'interlock.tripped', payload: { interlockId: ID, equipment: 'R-1', area: 'A2', tag: 'R-1.PI-01', value: 3.5 } }, 'system');
    const sim = createSimulator(plant, { seed: 2, startTime: r.clock.now() });
    new InterlockService({ plant, sim, engine: r.engine, clock: r.clock }).start();
    expect(sim.interlockStates?.()[0]).toMatchObject({ id: ID, tripped: true, bypassed: true });
  });
});
