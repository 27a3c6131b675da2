import { describe, expect, it } from 'vitest';
import { configuredAlarms } from '../../shared/alarm/configured';
import { ManualClock } from '../../shared/util/clock';
import { CommandEngine } from '../engine/CommandEngine';
import type { SampleBatch } from '../sim/types';
import { openSqliteStore } from '../store/openSqliteStore';
import { testPlant } from '../testing/testPlant';
import type { AlarmDef } from './alarmDef';
import { AlarmEngine, type ConditionChange } from './AlarmEngine';
import { AlarmKpiService } from './AlarmKpiService';
import { defaultAlarmSettings } from './defaultAlarmSettings';
import { FloodMonitor } from './FloodMonitor';
import { StateNotAvailableError } from '../replay/stateAt';

const def = (id: string, area: string, priority: AlarmDef['priority']): AlarmDef => ({
  id,
  kind: 'H',
  source: id.split(':')[0]!,
  area,
  equipment: null,
  priority,
  position: [0, 0, 0],
  message: { zh: id, en: id },
  unit: null,
  limit: 1,
  latching: false,
});
const defs = [def('A1:H', 'RX', 2), def('A2:H', 'RX', 3), def('B1:H', 'TF', 3)];
const none: SampleBatch = { count: 0, ids: new Uint32Array(0), values: new Float64Array(0), times: new Float64Array(0), quality: new Uint8Array(0) };

function setup() {
  const { plant } = testPlant();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const store = openSqliteStore(':memory:');
  const engine = CommandEngine.open(store, clock);
  const queued: ConditionChange[] = [];
  const flood = new FloodMonitor(defaultAlarmSettings.kpi);
  const alarms = new AlarmEngine({
    engine,
    clock,
    settings: defaultAlarmSettings,
    conditions: { def: (id) => defs.find((d) => d.id === id) ?? null, update: (_b, _n, out) => void out.push(...queued.splice(0)) },
    flood,
  });
  const kpi = new AlarmKpiService(plant, defaultAlarmSettings, store.alarmHistory, () => engine.state, clock, store);
  const set = (id: string, active: boolean) => {
    queued.push({ id, active, value: 1, time: clock.now() });
    engine.appendBatch(alarms.run(none, clock.now()));
  };
  return { plant, clock, engine, alarms, kpi, set, store };
}

describe('AlarmKpiService', () => {
  it('counts annunciated activations by area, finds chattering and stale alarms, and the configured mix', () => {
    const { plant, clock, alarms, kpi, set } = setup();
    set('A2:H', true); // stays active: stale after 24 h
    clock.advance(25 * 3_600_000);
    // A1 chatters: 3 activate-and-clear cycles within a minute.
    for (let k = 0; k < 3; k++) {
      set('A1:H', true);
      clock.advance(5000);
      set('A1:H', false);
      clock.advance(5000);
    }
    // B1 activates while shelved: evaluated and journaled, but not annunciated.
    const now = clock.now();
    alarms.command([{ id: 'B1:H', event: { type: 'shelve', until: now + 3_600_000, reason: 'calibration', by: 'olga', at: now } }], 'olga');
    set('B1:H', true);
    clock.advance(1000);

    const r = kpi.report(3600);
    expect(r.report.rates.count).toBe(3);
    expect(r.report.rates.byArea).toEqual({ RX: expect.objectContaining({ count: 3 }) });
    expect(r.report.chattering).toEqual([{ alarmId: 'A1:H', maxCycles: 3, cycles: 3 }]);
    expect(r.report.badActors.top[0]).toEqual({ alarmId: 'A1:H', count: 3, share: 1 });
    expect(r.report.priorityMix.counts).toEqual({ 1: 0, 2: 3, 3: 0, 4: 0 });
    expect(r.stale).toMatchObject({ count: 1, alarms: [{ id: 'A2:H' }] });
    expect(r.configured.total).toBe(configuredAlarms(plant.tags, plant.interlocks ?? [], defaultAlarmSettings).length);
    expect(r.window.seconds).toBe(3600);
    // The long window also sees A2's activation 25 h ago.
    expect(kpi.report(2 * 86_400).report.rates.count).toBe(4);
    expect(kpi.activationTimes(0, clock.now() + 1)).toHaveLength(4);
  });

  it('raises and ends a flood from annunciated activations, with hysteresis', () => {
    const { clock, engine, set } = setup();
    const ids = ['A1:H', 'A2:H', 'B1:H'];
    for (let k = 0; k < 11; k++) {
      set(ids[k % 3]!, true);
      clock.advance(10_000);
      set(ids[k % 3]!, false);
      clock.advance(10_000);
    }
    expect(engine.state.flood).toMatchObject({ flooding: true });
    const started = engine.eventsPage(0, 1000).find((e) => e.type === 'alarm.flood.changed');
    expect(started).toMatchObject({ payload: { flooding: true, ratePer10Min: 11 } });
    clock.advance(600_000);
    set('A1:H', true);
    expect(engine.state.flood).toMatchObject({ flooding: false, since: null });
  });

  it('reports a past instant as the live report said it then: counts, rates, stale alarms and flood', () => {
    const { clock, engine, kpi, set, plant, store } = setup();
    const ids = ['A1:H', 'B1:H'];
    set('A2:H', true);
    clock.advance(25 * 3_600_000);
    for (let k = 0; k < 11; k++) {
      set(ids[k % 2]!, true);
      clock.advance(10_000);
      set(ids[k % 2]!, false);
      clock.advance(10_000);
    }
    expect(engine.state.flood.flooding).toBe(true);
    const t1 = clock.now();
    const live = kpi.report(3600);
    expect(live.report.rates.count).toBeGreaterThan(0);
    expect(live.stale.count).toBe(1);
    // Later: more activations, the flood ends, A2 clears (no longer stale).
    clock.advance(900_000);
    set('A2:H', false);
    for (let k = 0; k < 4; k++) {
      set('B1:H', true);
      clock.advance(60_000);
      set('B1:H', false);
      clock.advance(60_000);
    }
    expect(engine.state.flood.flooding).toBe(false);
    const now = kpi.report(3600);
    expect(now.report.rates.count).not.toBe(live.report.rates.count);
    expect(now.stale.count).toBe(0);

    const past = kpi.report(3600, t1);
    expect(past.at).toBe(t1);
    const { at: _at, ...rest } = past;
    expect(rest).toEqual(live);
    expect(past.flood.flooding).toBe(true);
    // The live path is unchanged and carries no `at`.
    expect('at' in now).toBe(false);
    // Before the journal's first event: refused, also when the service has no store.
    expect(() => kpi.report(3600, Date.UTC(2025, 0, 1))).toThrow(StateNotAvailableError);
    const bare = new AlarmKpiService(plant, defaultAlarmSettings, store.alarmHistory, () => engine.state, clock);
    expect(() => bare.report(3600, t1)).toThrow(StateNotAvailableError);
  });
});
