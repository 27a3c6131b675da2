import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/state/events';
import { startHarness, TestConsole, waitFor, type Harness } from './harness';

type AlarmEvent = Extract<JournalEvent, { type: 'alarm.changed' }>;

/**
 * Suppression by design on the mini plant: its interlock SIS-R-1-P trips R-1 on reactor
 * pressure HH (feed valve closed, agitator stopped). The agitator's speed then falls through its
 * L and LL limits — the expected consequence of the trip — so those alarms are suppressed: still
 * evaluated and journaled, never annunciated. The trip itself is a TRIP alarm.
 */
describe('alarm suppression while an interlock is tripped', () => {
  let h: Harness;
  let watcher: TestConsole;

  beforeAll(async () => {
    h = await startHarness();
    watcher = new TestConsole(h.server.url);
    await watcher.connected();
    const hello = await watcher.hello(h.adminToken);
    if (!hello.ok) throw new Error(hello.message);
  });
  afterAll(async () => {
    watcher.close();
    await h.stop();
  });

  it('trips, raises the TRIP alarm, and suppresses the agitator\'s low-speed alarms', async () => {
    const ctx = h.server.ctx;
    const admin = ctx.auth.resolve(h.adminToken)!;
    const ack = ctx.commands.run(admin, { id: 'suppress-1', name: 'sim.inject', payload: { kind: 'overpressure', equipment: 'R-1', factor: 1.5, rampS: 2 } });
    expect(ack).toMatchObject({ ok: true });

    await waitFor(() => ctx.engine.state.interlocks['SIS-R-1-P']?.tripped, 20_000, 'the interlock to trip');
    const trip = await waitFor(() => ctx.engine.state.alarms['SIS-R-1-P:TRIP'], 5000, 'the TRIP alarm');
    expect(trip).toMatchObject({ kind: 'TRIP', priority: 1, lifecycle: { active: true, latched: true } });

    // Speed LL/L: on-delay 10 s (speed row of the mini settings) after the agitator stops.
    const low = await waitFor(
      () => ['R-1.SI-01:LL', 'R-1.SI-01:L'].map((id) => ctx.engine.state.alarms[id]).find((a) => a?.lifecycle.active),
      30_000,
      'a low-speed alarm to activate',
    );
    expect(low.lifecycle).toMatchObject({ active: true, suppressed: true });
    // The server's state holds the activation as soon as it is journaled; the console gets it a moment later.
    const eventsOf = () => watcher.events.filter((e): e is AlarmEvent => e.type === 'alarm.changed' && e.payload.alarm.id === low.id);
    await waitFor(() => eventsOf().some((e) => e.payload.cause === 'activate'), 5000, 'the activation at the console');
    const events = eventsOf();
    expect(events.map((e) => e.payload.cause)).toEqual(expect.arrayContaining(['suppress', 'activate']));
    // Suppressed before it activated: the activation was never annunciated.
    const suppressAt = events.find((e) => e.payload.cause === 'suppress')!.seq;
    const activateAt = events.find((e) => e.payload.cause === 'activate')!.seq;
    expect(suppressAt).toBeLessThan(activateAt);
    const listed = (await h.rest('/api/v1/alarms?state=unacked', { token: h.adminToken })).body as { ok: boolean; data: { alarms: { id: string }[] } };
    expect(listed.data.alarms.map((a) => a.id)).not.toContain(low.id);
    expect(listed.data.alarms.map((a) => a.id)).toContain('SIS-R-1-P:TRIP');
  }, 60_000);
});
