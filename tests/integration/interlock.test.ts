import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { startHarness, TestConsole, waitFor, type Harness } from './harness';

/**
 * Safety interlocks end to end on the mini plant (R-1: pressure HH 3.4 barg, H 2.8, trip SIS-R-1-P
 * closes R-1.ZI-01 and stops R-1.SI-01). The server runs on a manual clock and the test drives
 * its ticks one simulated second at a time, so minutes of process take milliseconds.
 */
const ID = 'SIS-R-1-P';
type Ev<T extends JournalEvent['type']> = Extract<JournalEvent, { type: T }>;

describe('interlocks over a real server', () => {
  let h: Harness;
  const clock = new ManualClock(Date.UTC(2025, 5, 1, 8, 0, 0));
  const consoles: TestConsole[] = [];
  let watcher: TestConsole;
  let requestNo = 0;

  const connect = async (role: Parameters<Harness['tokenFor']>[0]): Promise<TestConsole> => {
    const c = new TestConsole(h.server.url);
    consoles.push(c);
    await c.connected();
    const hello = await c.hello(await h.tokenFor(role));
    if (!hello.ok) throw new Error(hello.message);
    return c;
  };
  const command = <T = unknown>(c: TestConsole, name: string, payload: unknown): Promise<Ack<T>> => c.request<T>('command', { id: `interlock-it-${++requestNo}`, name, payload });
  /** Advances the server's clock and ticks, one simulated second at a time. */
  const run = (seconds: number): void => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      h.server.ctx.runtime.tick();
    }
  };
  const latest = async (tag: string): Promise<number> => {
    const r = await h.rest(`/api/v1/tags/${encodeURIComponent(tag)}/recent?seconds=5`, { token: h.adminToken });
    const values = ((r.body as Ack<{ values: (number | null)[] }>) as { data: { values: (number | null)[] } }).data.values.filter((v): v is number => v !== null);
    return values.at(-1) as number;
  };
  const seen = <T extends JournalEvent['type']>(type: T, pred: (e: Ev<T>) => boolean = () => true): Ev<T>[] =>
    watcher.events.filter((e): e is Ev<T> => e.type === type).filter(pred);
  /** Waits until the watcher console has received every event the server journaled so far. */
  const synced = (): Promise<unknown> => waitFor(() => watcher.events.at(-1)?.seq === h.server.ctx.engine.seq, 5000, 'console in step with the journal');

  beforeAll(async () => {
    h = await startHarness({ clock });
    watcher = await connect('viewer');
  });
  afterAll(async () => {
    for (const c of consoles) c.close();
    await h.stop();
  });

  it('overpressure: H alarm, the trip at HH closes the feed valve and stops the agitator, TRIP and HH alarms journaled, pressure falls back; reset refused in HH, accepted after', async () => {
    const coord = await connect('drill_coordinator');
    const operator = await connect('operator');
    run(2);
    expect(await latest('R-1.ZI-01')).toBeGreaterThan(30);
    expect(await latest('R-1.SI-01')).toBeGreaterThan(100);
    const injected = await command<{ injectionId: string }>(coord, 'sim.inject', { kind: 'overpressure', equipment: 'R-1', factor: 1.2, rampS: 120 });
    expect(injected.ok).toBe(true);

    let waited = 0;
    while (!h.server.ctx.engine.state.interlocks[ID]?.tripped && waited < 150) {
      run(1);
      waited++;
    }
    // Right at the trip the trigger is in HH: a reset is refused.
    expect(h.server.ctx.engine.state.bands['R-1.PI-01']).toBe('hh');
    const reset = await command(operator, 'interlock.reset', { interlockId: ID });
    expect(reset).toMatchObject({ ok: false, code: 'conflict' });
    expect(!reset.ok && reset.message).toMatch(/still in HH/);
    run(5);
    await synced();
    const trip = seen('interlock.tripped');
    expect(trip).toHaveLength(1);
    expect(trip[0]?.payload).toMatchObject({ interlockId: ID, equipment: 'R-1', area: 'A2', tag: 'R-1.PI-01' });
    expect(trip[0]?.payload.value).toBeGreaterThanOrEqual(3.4);
    // The SIS acts on the first sample at HH, with no on-delay.
    const hhBand = seen('tag.band.changed', (e) => e.payload.tag === 'R-1.PI-01' && e.payload.to === 'hh')[0];
    expect(hhBand).toBeDefined();
    expect(trip[0]!.time - hhBand!.time).toBeLessThanOrEqual(1000);
    expect(await latest('R-1.ZI-01')).toBe(0);
    expect(await latest('R-1.SI-01')).toBe(0);

    run(240);
    await synced();
    const activations = (id: string): Ev<'alarm.changed'>[] => seen('alarm.changed', (e) => e.payload.alarm.id === id && e.payload.cause === 'activate');
    const [hAlarm] = activations('R-1.PI-01:H');
    const [hhAlarm] = activations('R-1.PI-01:HH');
    const tripAlarm = activations(`${ID}:TRIP`);
    expect(tripAlarm).toHaveLength(1);
    expect(tripAlarm[0]?.payload.alarm).toMatchObject({ kind: 'TRIP', source: ID, area: 'A2', equipment: 'R-1', priority: 1 });
    expect(tripAlarm[0]?.time).toBe(trip[0]?.time);
    // A slow run-up: the H alarm (after its 15 s on-delay) comes before the trip; the HH alarm
    // has the same on-delay, so it follows the trip, which waits for nothing.
    expect(hAlarm?.time).toBeLessThan(trip[0]!.time);
    expect(hhAlarm?.time).toBeGreaterThanOrEqual(trip[0]!.time);
    const journal = await h.rest(`/api/v1/alarms/journal?from=0&to=${clock.now() + 1}`, { token: h.adminToken });
    const journaled = (journal.body as { data: { events: Ev<'alarm.changed'>[] } }).data.events;
    expect(journaled.some((e) => e.payload.alarm.id === `${ID}:TRIP` && e.payload.cause === 'activate')).toBe(true);

    // The trip relieved the overpressure although the injection still runs; the trip holds.
    expect(await latest('R-1.PI-01')).toBeLessThan(2.8);
    expect(h.server.ctx.engine.state.bands['R-1.PI-01']).toBeUndefined();
    expect(await latest('R-1.ZI-01')).toBe(0);
    await command(coord, 'sim.clear', { injectionId: injected.ok ? injected.data.injectionId : '' });
    expect(await command(operator, 'interlock.reset', { interlockId: ID })).toEqual({ ok: true, data: { interlockId: ID } });
    run(3);
    await synced();
    expect(seen('interlock.reset').map((e) => [e.actor, e.payload.interlockId])).toEqual([[expect.stringMatching(/^operator/), ID]]);
    expect(await latest('R-1.ZI-01')).toBeGreaterThan(30);
    expect(await latest('R-1.SI-01')).toBeGreaterThan(100);
    expect(seen('alarm.changed', (e) => e.payload.alarm.id === `${ID}:TRIP` && e.payload.cause === 'clear')).toHaveLength(1);
  });

  it('bypass: refused without a reason or for an operator; journaled with who and why; a bypassed interlock does not trip', async () => {
    const lead = await connect('shift_lead');
    const operator = await connect('operator');
    const coord = await connect('drill_coordinator');
    expect(await command(operator, 'interlock.bypass', { interlockId: ID, bypassed: true, reason: 'proof test' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await command(lead, 'interlock.bypass', { interlockId: ID, bypassed: true })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await command(lead, 'interlock.bypass', { interlockId: ID, bypassed: true, reason: 'PT proof test, permit 42' })).toEqual({ ok: true, data: { interlockId: ID, bypassed: true } });
    const before = seen('interlock.tripped').length;
    const from = h.server.ctx.engine.seq;
    await command(coord, 'sim.inject', { kind: 'overpressure', equipment: 'R-1', factor: 1.2, rampS: 30, durationS: 60 });
    run(60);
    await synced();
    expect(seen('tag.band.changed', (e) => e.seq > from && e.payload.tag === 'R-1.PI-01' && e.payload.to === 'hh')).toHaveLength(1);
    expect(seen('interlock.tripped')).toHaveLength(before);
    expect(await latest('R-1.SI-01')).toBeGreaterThan(100);
    const bypass = seen('interlock.bypass.changed');
    expect(bypass.map((e) => [e.actor, e.payload])).toEqual([[expect.stringMatching(/^shift_lead/), { interlockId: ID, bypassed: true, reason: 'PT proof test, permit 42' }]]);
    expect(h.server.ctx.engine.state.interlocks[ID]).toMatchObject({ bypassed: true, bypassReason: 'PT proof test, permit 42', tripped: false });
    expect(await command(lead, 'interlock.bypass', { interlockId: ID, bypassed: false })).toMatchObject({ ok: true });
    run(240);
  });
});
