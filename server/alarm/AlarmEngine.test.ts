import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { CommandEngine } from '../engine/CommandEngine';
import type { SampleBatch } from '../sim/types';
import { openSqliteStore } from '../store/openSqliteStore';
import type { AlarmDef } from './alarmDef';
import { AlarmEngine, type ConditionChange, type ConditionSource, type FloodWatch } from './AlarmEngine';
import { defaultAlarmSettings } from './defaultAlarmSettings';
import { DesignSuppression } from './DesignSuppression';

const def = (id: string, kind: AlarmDef['kind'], equipment: string | null = 'R-1', latching = false): AlarmDef => ({
  id,
  kind,
  source: id.split(':')[0]!,
  area: 'RX',
  equipment,
  priority: 2,
  position: [1, 2, 3],
  message: { zh: `${id} 报警`, en: `${id} alarm` },
  unit: 'barg',
  limit: 3,
  latching,
});

/** Conditions scripted by the test: whatever is queued comes out on the next tick. */
class ScriptedConditions implements ConditionSource {
  queued: ConditionChange[] = [];
  constructor(readonly defs: AlarmDef[]) {}
  def(id: string): AlarmDef | null {
    return this.defs.find((d) => d.id === id) ?? null;
  }
  update(_b: SampleBatch, _now: number, out: ConditionChange[]): void {
    out.push(...this.queued);
    this.queued = [];
  }
}

class CountingFlood implements FloodWatch {
  times: number[] = [];
  record(t: number): void {
    this.times.push(t);
  }
  check(): null {
    return null;
  }
}

const empty: SampleBatch = { count: 0, ids: new Uint32Array(0), values: new Float64Array(0), times: new Float64Array(0), quality: new Uint8Array(0) };

function setup(extra: Partial<{ suppression: DesignSuppression }> = {}) {
  const clock = new ManualClock(1_000_000);
  const engine = CommandEngine.open(openSqliteStore(':memory:'), clock);
  const defs = [def('R-1.PI-01:HH', 'HH'), def('R-1.FI-01:LL', 'LL'), def('R-1.FI-01:L', 'L')];
  const conditions = new ScriptedConditions(defs);
  const flood = new CountingFlood();
  const alarms = new AlarmEngine({ engine, clock, settings: defaultAlarmSettings, conditions, flood, ...extra });
  const batches: (readonly JournalEvent[])[] = [];
  engine.onBatch((b) => batches.push(b));
  const tick = () => engine.appendBatch(alarms.run(empty, clock.now()));
  return { clock, engine, conditions, flood, alarms, batches, tick };
}

describe('AlarmEngine', () => {
  it('turns condition changes into whole-record alarm.changed events, one batch per tick', () => {
    const { clock, engine, conditions, flood, batches, tick } = setup();
    conditions.queued.push({ id: 'R-1.PI-01:HH', active: true, value: 3.5, time: clock.now() }, { id: 'R-1.FI-01:LL', active: true, value: 0.1, time: clock.now() });
    tick();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((e) => e.type)).toEqual(['alarm.changed', 'alarm.changed']);
    const hh = engine.state.alarms['R-1.PI-01:HH']!;
    expect(hh).toMatchObject({ value: 3.5, limit: 3, activatedAt: 1_000_000, lifecycle: { active: true, acked: false } });
    expect(flood.times).toHaveLength(2);

    clock.advance(1000);
    conditions.queued.push({ id: 'R-1.PI-01:HH', active: false, value: 2.5, time: clock.now() });
    tick();
    expect(engine.state.alarms['R-1.PI-01:HH']).toMatchObject({ value: 2.5, activatedAt: 1_000_000, lastChange: 1_001_000, lifecycle: { active: false, acked: false } });
    // A tick with nothing to say appends nothing.
    tick();
    expect(batches).toHaveLength(2);
  });

  it('applies commands with the user and note, and ignores unknown ids', () => {
    const { clock, engine, conditions, alarms, tick } = setup();
    conditions.queued.push({ id: 'R-1.PI-01:HH', active: true, value: 3.5, time: clock.now() });
    tick();
    const results = alarms.command(
      [
        { id: 'R-1.PI-01:HH', event: { type: 'ack' } },
        { id: 'nope:HH', event: { type: 'ack' } },
      ],
      'olga',
      'checked the gauge',
    );
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    const last = engine.eventsPage(0, 100).at(-1)!;
    expect(last).toMatchObject({ type: 'alarm.changed', actor: 'olga', payload: { cause: 'ack', note: 'checked the gauge' } });
    expect(engine.state.alarms['R-1.PI-01:HH']!.lifecycle.acked).toBe(true);
  });

  it('raises and clears external alarms (trips) through the same lifecycle, latching by kind', () => {
    const { clock, engine, alarms, tick } = setup();
    const trip = { id: 'SIS-1:TRIP', kind: 'TRIP' as const, source: 'SIS-1', area: 'RX', equipment: 'R-1', priority: 1 as const, position: [0, 0, 0] as [number, number, number], message: { zh: '联锁', en: 'trip' } };
    alarms.setExternal(trip, true, 3.6, clock.now());
    tick();
    expect(engine.state.alarms['SIS-1:TRIP']!.lifecycle).toMatchObject({ active: true, latched: true });
    clock.advance(1000);
    alarms.setExternal(trip, false, null, clock.now());
    tick();
    // Latched: still listed after it clears, until reset.
    expect(engine.state.alarms['SIS-1:TRIP']!.lifecycle).toMatchObject({ active: false, latched: true });
    expect(alarms.command([{ id: 'SIS-1:TRIP', event: { type: 'reset' } }], 'olga')[0]!.ok).toBe(true);
    expect(engine.state.alarms['SIS-1:TRIP']).toBeUndefined();
  });

  it('expires shelves on the sweep, keeping the condition evaluated underneath', () => {
    const { clock, engine, conditions, alarms, flood, tick } = setup();
    const now = clock.now();
    alarms.command([{ id: 'R-1.PI-01:HH', event: { type: 'shelve', until: now + 5000, reason: 'transmitter being replaced', by: 'olga', at: now } }], 'olga');
    conditions.queued.push({ id: 'R-1.PI-01:HH', active: true, value: 3.5, time: now });
    tick();
    expect(engine.state.alarms['R-1.PI-01:HH']!.lifecycle).toMatchObject({ active: true, shelved: { until: now + 5000 } });
    expect(flood.times).toHaveLength(0); // a shelved activation is not annunciated
    clock.advance(4000);
    tick();
    expect(engine.state.alarms['R-1.PI-01:HH']!.lifecycle.shelved).not.toBeNull();
    clock.advance(1000);
    tick();
    const a = engine.state.alarms['R-1.PI-01:HH']!;
    expect(a.lifecycle).toMatchObject({ active: true, shelved: null, acked: false });
    expect(engine.eventsPage(0, 100).at(-1)).toMatchObject({ actor: 'system', payload: { cause: 'shelve_expired' } });
  });

  it('suppresses the low alarms of tripped equipment while the trip holds', () => {
    const interlocks = [
      {
        id: 'SIS-1',
        name: { zh: '联锁', en: 'trip' },
        area: 'RX',
        equipment: 'R-1',
        trigger: { tag: 'R-1.PI-01', limit: 'HH' as const },
        actions: [{ tag: 'R-1.ZI-01', value: 0, description: { zh: '关阀', en: 'close valve' } }],
        source: 'test',
      },
    ];
    const defs = [def('R-1.PI-01:HH', 'HH'), def('R-1.FI-01:LL', 'LL'), def('R-1.FI-01:L', 'L')];
    const { engine, tick } = setup({ suppression: new DesignSuppression(interlocks, defs) });
    engine.append({ type: 'interlock.tripped', payload: { interlockId: 'SIS-1', equipment: 'R-1', area: 'RX', tag: 'R-1.PI-01', value: 3.6 } }, 'system');
    tick();
    expect(Object.keys(engine.state.alarms).sort()).toEqual(['R-1.FI-01:L', 'R-1.FI-01:LL']);
    expect(engine.state.alarms['R-1.FI-01:LL']!.lifecycle.suppressed).toBe(true);
    tick();
    engine.append({ type: 'interlock.reset', payload: { interlockId: 'SIS-1' } }, 'olga');
    tick();
    expect(engine.state.alarms).toEqual({});
  });
});
