import { describe, expect, it } from 'vitest';
import type { CommandName } from '../../../shared/protocol/commands';
import type { Role } from '../../../shared/protocol/roles';
import { CommandRunner, type CommandOutcome } from './commandRegistry';

function runner(role: Role | null, online = true): { r: CommandRunner; sent: [CommandName, unknown][]; outcomes: CommandOutcome[] } {
  const sent: [CommandName, unknown][] = [];
  const outcomes: CommandOutcome[] = [];
  const r = new CommandRunner({
    send: async (name, payload) => {
      sent.push([name, payload]);
      return { ok: true, data: { acked: 1 } };
    },
    online: () => online,
    role: () => role,
    onOutcome: (_n, _p, o) => outcomes.push(o),
  });
  return { r, sent, outcomes };
}

describe('CommandRunner', () => {
  it('sends a valid command of an allowed role and reports the answer', async () => {
    const { r, sent, outcomes } = runner('operator');
    expect(r.availability('alarm.ack')).toEqual({ ok: true });
    const out = await r.run('alarm.ack', { alarmIds: ['A:HH'], note: 'seen' });
    expect(out).toEqual({ ok: true, data: { acked: 1 } });
    expect(sent).toEqual([['alarm.ack', { alarmIds: ['A:HH'], note: 'seen' }]]);
    expect(outcomes).toHaveLength(1);
  });

  it('refuses a viewer by the shared role table without sending', async () => {
    const { r, sent, outcomes } = runner('viewer');
    expect(r.availability('alarm.ack')).toEqual({ ok: false, reason: 'forbidden' });
    const out = await r.run('alarm.ack', { alarmIds: ['A:HH'] });
    expect(out.ok).toBe(false);
    expect(out.ok ? '' : out.code).toBe('forbidden');
    expect(sent).toEqual([]);
    expect(outcomes).toHaveLength(1);
  });

  it('refuses visibly while offline and never queues', async () => {
    const { r, sent } = runner('shift_lead', false);
    expect(r.availability('alarm.shelve')).toEqual({ ok: false, reason: 'offline' });
    const out = await r.run('alarm.shelve', { alarmId: 'A:HH', durationS: 600, reason: 'sensor fault' });
    expect(out).toMatchObject({ ok: false, code: 'offline', local: true });
    expect(sent).toEqual([]);
  });

  it('validates the payload against the shared schema before sending', async () => {
    const { r, sent } = runner('operator');
    const out = await r.run('alarm.shelve', { alarmId: 'A:HH', durationS: 600, reason: 'x' });
    expect(out).toMatchObject({ ok: false, code: 'bad_request' });
    expect(sent).toEqual([]);
  });

  it('says so when nobody is signed in, and for commands the console does not offer', () => {
    expect(runner(null).r.availability('alarm.ack')).toEqual({ ok: false, reason: 'signed_out' });
    expect(runner('admin').r.availability('sim.inject')).toEqual({ ok: false, reason: 'unsupported' });
  });
});
