import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/protocol/roles';
import { ManualClock } from '../../shared/util/clock';
import { CommandEngine } from '../engine/CommandEngine';
import { CommandService } from '../engine/CommandService';
import type { SampleBatch } from '../sim/types';
import { openSqliteStore } from '../store/openSqliteStore';
import { alarmCommandHandlers } from './alarmCommands';
import type { AlarmDef } from './alarmDef';
import { AlarmEngine, type ConditionChange, type ConditionSource } from './AlarmEngine';
import { defaultAlarmSettings } from './defaultAlarmSettings';

const ids = ['T1:H', 'T2:H', 'T3:H', 'G1:CONFIRMED'];
const defs: AlarmDef[] = ids.map((id) => ({
  id,
  kind: id.endsWith('CONFIRMED') ? 'CONFIRMED' : 'H',
  source: id.split(':')[0]!,
  area: 'TF',
  equipment: 'TK-1',
  priority: 3,
  position: [0, 0, 0],
  message: { zh: id, en: id },
  unit: '%LEL',
  limit: 25,
  latching: id.endsWith('CONFIRMED'),
}));

const settings = {
  ...defaultAlarmSettings,
  shelving: { byRole: { operator: { maxDurationS: 3600, maxCount: 2 }, shift_lead: { maxDurationS: 8 * 3600, maxCount: 10 } }, source: 'test' },
};

function setup() {
  const clock = new ManualClock(5_000_000);
  const engine = CommandEngine.open(openSqliteStore(':memory:'), clock);
  const queued: ConditionChange[] = [];
  const conditions: ConditionSource = {
    def: (id) => defs.find((d) => d.id === id) ?? null,
    update: (_b: SampleBatch, _n: number, out: ConditionChange[]) => {
      out.push(...queued.splice(0));
    },
  };
  const alarms = new AlarmEngine({ engine, clock, settings, conditions, flood: { record: () => undefined, check: () => null } });
  const service = new CommandService(alarmCommandHandlers(alarms, clock));
  let n = 0;
  const run = (role: Role, name: string, payload: unknown, user = `${role}-1`) => service.run({ name: user, role }, { id: `request-${++n}`, name, payload });
  const raise = (id: string, active = true) => {
    queued.push({ id, active, value: 30, time: clock.now() });
    engine.appendBatch(alarms.run({ count: 0, ids: new Uint32Array(0), values: new Float64Array(0), times: new Float64Array(0), quality: new Uint8Array(0) }, clock.now()));
  };
  return { clock, engine, alarms, run, raise };
}

describe('alarm commands', () => {
  it('acks one or a page with a note; a viewer may not', () => {
    const { engine, run, raise } = setup();
    raise('T1:H');
    raise('T2:H');
    expect(run('viewer', 'alarm.ack', { alarmIds: ['T1:H'] })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(engine.state.alarms['T1:H']!.lifecycle.acked).toBe(false);
    const r = run('operator', 'alarm.ack', { alarmIds: ['T1:H', 'T2:H', 'T3:H', 'nope'], note: 'field check ordered' });
    expect(r).toEqual({ ok: true, data: { changed: ['T1:H', 'T2:H'], unchanged: ['T3:H'], unknown: ['nope'] } });
    const acks = engine.eventsPage(0, 100).filter((e) => e.type === 'alarm.changed' && e.payload.cause === 'ack');
    expect(acks.map((e) => [e.actor, e.type === 'alarm.changed' && e.payload.note])).toEqual([
      ['operator-1', 'field check ordered'],
      ['operator-1', 'field check ordered'],
    ]);
    expect(run('operator', 'alarm.ack', { alarmIds: ['nope'] })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('shelves within the role limits only, counting what the user holds shelved', () => {
    const { engine, run, raise } = setup();
    raise('T1:H');
    const shelve = (alarmId: string, durationS: number, role: Role = 'operator') => run(role, 'alarm.shelve', { alarmId, durationS, reason: 'sensor being calibrated' });
    const long = shelve('T1:H', 7200);
    expect(long).toMatchObject({ ok: false, code: 'forbidden' });
    expect(!long.ok && long.message).toMatch(/at most 1 h.*最多可搁置 1 小时/);
    expect(shelve('T1:H', 3600)).toMatchObject({ ok: true, data: { changed: ['T1:H'] } });
    expect(engine.state.alarms['T1:H']!.lifecycle.shelved).toMatchObject({ by: 'operator-1', reason: 'sensor being calibrated', until: 5_000_000 + 3_600_000 });
    // Re-shelving the same alarm replaces, it does not count twice.
    expect(shelve('T1:H', 1800)).toMatchObject({ ok: true });
    expect(shelve('T2:H', 600)).toMatchObject({ ok: true });
    expect(shelve('T3:H', 600)).toMatchObject({ ok: false, code: 'forbidden' });
    // Another person has their own allowance.
    expect(shelve('T3:H', 7200, 'shift_lead')).toMatchObject({ ok: true });
    expect(run('viewer', 'alarm.shelve', { alarmId: 'T3:H', durationS: 60, reason: 'because' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run('operator', 'alarm.shelve', { alarmId: 'T1:H', durationS: 60, reason: '' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(shelve('nope:H', 60)).toMatchObject({ ok: false, code: 'not_found' });
    expect(run('operator', 'alarm.unshelve', { alarmId: 'T1:H' })).toMatchObject({ ok: true, data: { changed: ['T1:H'] } });
    expect(engine.state.alarms['T1:H']!.lifecycle).toMatchObject({ shelved: null, active: true, acked: false });
  });

  it('resets a latched alarm only once its condition has cleared', () => {
    const { engine, run, raise } = setup();
    raise('G1:CONFIRMED');
    expect(run('operator', 'alarm.reset', { alarmId: 'G1:CONFIRMED' })).toMatchObject({ ok: false, code: 'conflict' });
    raise('G1:CONFIRMED', false);
    expect(engine.state.alarms['G1:CONFIRMED']!.lifecycle).toMatchObject({ active: false, latched: true });
    expect(run('operator', 'alarm.reset', { alarmId: 'G1:CONFIRMED', note: 'area checked, leak isolated' })).toMatchObject({ ok: true });
    expect(engine.state.alarms['G1:CONFIRMED']).toBeUndefined();
    expect(engine.eventsPage(0, 100).at(-1)).toMatchObject({ actor: 'operator-1', payload: { cause: 'reset', note: 'area checked, leak isolated' } });
  });

  it('takes an alarm out of service and back (shift lead only)', () => {
    const { engine, run, raise } = setup();
    expect(run('operator', 'alarm.removeFromService', { alarmId: 'T1:H', reason: 'detector replaced' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run('shift_lead', 'alarm.removeFromService', { alarmId: 'T1:H', reason: 'detector replaced' })).toMatchObject({ ok: true });
    raise('T1:H');
    expect(engine.state.alarms['T1:H']!.lifecycle).toMatchObject({ active: true, outOfService: { reason: 'detector replaced' } });
    expect(run('operator', 'alarm.shelve', { alarmId: 'T1:H', durationS: 60, reason: 'while out of service' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(run('shift_lead', 'alarm.returnToService', { alarmId: 'T1:H' })).toMatchObject({ ok: true });
    expect(engine.state.alarms['T1:H']!.lifecycle).toMatchObject({ outOfService: null, active: true, acked: false });
  });
});
