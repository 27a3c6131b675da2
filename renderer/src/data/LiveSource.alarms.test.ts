import { describe, expect, it } from 'vitest';
import { alarm, alarmEvent } from '../testing/alarmFixtures';
import { harness, live, reply } from '../testing/liveHarness';

const events = (from: number, n: number): ReturnType<typeof alarmEvent>[] => Array.from({ length: n }, (_, i) => alarmEvent(from + i, alarm(`T${from + i}:BAD`, 3)));

describe('LiveSource, alarm traffic', () => {
  it('applies an `events` batch like the same events one by one, in one state update', async () => {
    const h = harness();
    const s = await live(h);
    const before = h.states.length;
    s.fire('events', events(6, 50));
    expect(h.states.length).toBe(before + 1);
    expect(h.states.at(-1)!.seq).toBe(55);
    expect(Object.keys(h.states.at(-1)!.alarms)).toHaveLength(50);
  });

  it('slices a flood across tasks so that no task runs much past the slice budget', async () => {
    let t = 0;
    // The clock is read every 64 events; each read says 6.4 ms more (0.1 ms an event): 2,000 events are ~200 ms of work.
    const h = harness({ perfNow: () => (t += 6.4) });
    const s = await live(h);
    const before = h.states.length;
    s.fire('events', events(6, 1000));
    s.fire('events', events(1006, 1000));
    const firstSlice = h.states.length - before;
    expect(firstSlice).toBe(1);
    expect(h.states.at(-1)!.seq).toBeLessThan(400);
    for (let i = 0; i < 100 && h.states.at(-1)!.seq < 2005; i++) h.timers.advance(0);
    expect(h.states.at(-1)!.seq).toBe(2005);
    expect(Object.keys(h.states.at(-1)!.alarms)).toHaveLength(2000);
    expect(h.states.length - before).toBeGreaterThan(5);
  });

  it('re-hellos on a gap inside a batch and drops what was queued', async () => {
    const h = harness();
    const s = await live(h);
    const hellos = s.acks.filter((a) => a.event === 'hello').length;
    s.fire('events', [...events(6, 3), ...events(10, 2)]);
    expect(h.states.at(-1)!.seq).toBe(8);
    expect(s.acks.filter((a) => a.event === 'hello').length).toBe(hellos + 1);
    expect(s.lastHello().payload.lastSeq).toBe(8);
  });

  it('counts a non-array `events` message as rejected', async () => {
    const h = harness();
    const s = await live(h);
    s.fire('events', { seq: 6 });
    expect(h.source.rejected.event).toBe(1);
  });

  it('sends commands with a fresh request id and resolves with the server answer', async () => {
    const h = harness({ requestId: () => 'req-00000001' });
    const s = await live(h);
    const p = h.source.command('alarm.ack', { alarmIds: ['A:HH'], note: 'checked' });
    const sent = s.acks.find((a) => a.event === 'command')!;
    expect(sent.payload).toEqual({ id: 'req-00000001', name: 'alarm.ack', payload: { alarmIds: ['A:HH'], note: 'checked' } });
    sent.cb(null, { ok: false, code: 'forbidden', message: 'role viewer may not run alarm.ack' });
    expect(await p).toEqual({ ok: false, code: 'forbidden', message: 'role viewer may not run alarm.ack' });
    const q = h.source.command('alarm.unshelve', { alarmId: 'A:HH' });
    s.acks.filter((a) => a.event === 'command').at(-1)!.cb(new Error('operation has timed out'), undefined);
    expect(await q).toMatchObject({ ok: false, code: 'timeout' });
    const r = h.source.command('alarm.reset', { alarmId: 'A:HH' });
    s.acks.filter((a) => a.event === 'command').at(-1)!.cb(null, { nonsense: true });
    expect(await r).toMatchObject({ ok: false, code: 'internal' });
  });

  it('refuses at once, without sending, while not live', async () => {
    const h = harness();
    const s = await live(h);
    s.disconnect();
    s.fire('disconnect', 'transport close');
    const out = await h.source.command('alarm.ack', { alarmIds: ['A:HH'] });
    expect(out).toMatchObject({ ok: false, code: 'offline' });
    expect(s.acks.filter((a) => a.event === 'command')).toHaveLength(0);
  });

  it('fills state maps that an older server snapshot lacks', async () => {
    const h = harness();
    await new Promise((r) => setTimeout(r, 5));
    const s = h.sockets.at(-1)!;
    s.connect();
    const old = reply({});
    const st = old.data.snapshot!.state as Record<string, unknown>;
    delete st.alarms;
    delete st.flood;
    s.lastHello().cb(null, old);
    await new Promise((r) => setTimeout(r, 5));
    expect(h.states.at(-1)!.alarms).toEqual({});
    expect(h.states.at(-1)!.flood.flooding).toBe(false);
  });
});
