import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../../shared/alarm/model';
import type { Ack } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import type { Clock } from '../../shared/util/clock';
import { miniPlant, startHarness, TestConsole, waitFor, type Harness } from './harness';
import { alarmKpiSchema } from '../../shared/protocol/alarmKpi';

/**
 * Wall-clock time that can be made to run faster for a while (the simulator, on/off delays and
 * shelve timers all follow the server's clock), so that waiting for a plume to wash out takes
 * seconds of test time. Monotonic across rate changes.
 */
class ScaledClock implements Clock {
  private base = Date.now();
  private realBase = this.base;
  private rate = 1;
  now(): number {
    return this.base + (Date.now() - this.realBase) * this.rate;
  }
  setRate(rate: number): void {
    this.base = this.now();
    this.realBase = Date.now();
    this.rate = rate;
  }
}

type AlarmEvent = Extract<JournalEvent, { type: 'alarm.changed' }>;
const isAlarm = (e: JournalEvent): e is AlarmEvent => e.type === 'alarm.changed';

/**
 * Alarm management end to end on the mini plant (its alarm-settings.json: gas on-delay 2 s,
 * off-delay 10 s, 2oo3 voting, an operator may shelve 2 alarms for at most 2 h).
 */
describe('alarms over a real server', () => {
  let h: Harness;
  const clock = new ScaledClock();
  const consoles: TestConsole[] = [];
  let requestNo = 0;

  const connect = async (role: Parameters<Harness['tokenFor']>[0]): Promise<TestConsole> => {
    const c = new TestConsole(h.server.url);
    consoles.push(c);
    await c.connected();
    const hello = await c.hello(await h.tokenFor(role));
    if (!hello.ok) throw new Error(hello.message);
    return c;
  };
  const command = <T = unknown>(c: TestConsole, name: string, payload: unknown): Promise<Ack<T>> =>
    c.request<T>('command', { id: `alarm-it-${++requestNo}`, name, payload });
  const alarmEvents = (c: TestConsole, id: string): AlarmEvent[] => c.events.filter(isAlarm).filter((e) => e.payload.alarm.id === id);

  beforeAll(async () => {
    h = await startHarness({ clock });
  });
  afterAll(async () => {
    for (const c of consoles) c.close();
    await h.stop();
  });

  it('a gas release raises the detectors\' first-level alarms after their on-delay, then one confirmed release at the group; an operator acks with a note', async () => {
    const { plant } = await miniPlant();
    const group = plant.tags.filter((t) => t.group === 'GRP-TK-1-A');
    expect(group).toHaveLength(3);
    const watcher = await connect('viewer');
    const coord = await connect('drill_coordinator');
    const operator = await connect('operator');
    const centre = group[1]!.position;
    const injected = await command(coord, 'sim.inject', { kind: 'gas_release', position: centre, chemical: group[0]!.chemical, rateKgS: 50, durationS: 600 });
    expect(injected.ok).toBe(true);

    const confirmed = await waitFor(() => watcher.events.filter(isAlarm).find((e) => e.payload.alarm.id === 'GRP-TK-1-A:CONFIRMED'), 25_000, 'the confirmed release');
    const firstLevels = watcher.events.filter(isAlarm).filter((e) => e.payload.cause === 'activate' && group.some((t) => e.payload.alarm.id === `${t.id}:H`));
    expect(firstLevels.length).toBeGreaterThanOrEqual(2);
    // Each first-level alarm came at least its on-delay (2 s) after its detector first read at or
    // over the limit (the tag's recent samples, by sample time), and after its band went to h.
    const token = await h.tokenFor('viewer');
    for (const a of firstLevels) {
      const tag = a.payload.alarm.source;
      const band = watcher.events.find((e) => e.type === 'tag.band.changed' && e.payload.tag === tag && e.payload.to !== 'normal' && e.payload.to !== 'bad');
      expect(band, `band change of ${tag}`).toBeDefined();
      expect(band!.seq).toBeLessThan(a.seq);
      const recent = (await h.rest(`/api/v1/tags/${tag}/recent?seconds=600`, { token })).body as Ack<{ times: number[]; values: (number | null)[] }>;
      if (!recent.ok) throw new Error(recent.message);
      const crossed = recent.data.times.find((t, k) => (recent.data.values[k] ?? 0) >= 25)!;
      expect(crossed).toBeDefined();
      expect(a.payload.alarm.activatedAt! - crossed).toBeGreaterThanOrEqual(2000);
      expect(a.payload.alarm).toMatchObject({ kind: 'H', priority: 2, area: group[0]!.area, equipment: 'TK-1', limit: 25, unit: '%LEL' });
      expect(a.payload.alarm.message.zh).toContain('一级报警');
      expect(a.payload.alarm.message.en).toContain('first-level alarm');
    }
    // The confirmed release: priority 1, latching, at its voting detectors, after the second vote.
    const c = confirmed.payload.alarm;
    expect(confirmed.payload.cause).toBe('activate');
    expect(c).toMatchObject({ kind: 'CONFIRMED', source: 'GRP-TK-1-A', priority: 1, equipment: 'TK-1', lifecycle: { active: true, acked: false, latched: true } });
    expect(confirmed.seq).toBeGreaterThan(firstLevels[1]!.seq - 1);
    const xs = group.map((t) => t.position[0]);
    expect(c.position[0]).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(c.position[0]).toBeLessThanOrEqual(Math.max(...xs));
    expect(c.position[1]).toBeCloseTo(group[0]!.position[1], 5);

    // REST: active alarms, highest priority first, filterable.
    const list = (await h.rest('/api/v1/alarms?priority=1,2', { token: await h.tokenFor('viewer') })).body as Ack<{ alarms: AlarmRecord[]; total: number }>;
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.data.alarms.filter((a) => a.priority === 1).map((a) => a.id)).toContain('GRP-TK-1-A:CONFIRMED');
    expect(list.data.alarms.every((a) => a.priority <= 2)).toBe(true);
    expect(list.data.alarms.map((a) => a.priority)).toEqual([...list.data.alarms.map((a) => a.priority)].sort());
    const none = (await h.rest('/api/v1/alarms?area=nowhere', { token: h.adminToken })).body as Ack<{ total: number }>;
    expect(none).toMatchObject({ ok: true, data: { total: 0 } });
    expect((await h.rest('/api/v1/alarms?state=bogus', { token: h.adminToken })).status).toBe(400);
    expect((await h.rest('/api/v1/alarms')).status).toBe(401);

    // A viewer may not ack; an operator acks with a note.
    expect(await command(watcher, 'alarm.ack', { alarmIds: [c.id] })).toMatchObject({ ok: false, code: 'forbidden' });
    const before = Date.now();
    const acked = await command(operator, 'alarm.ack', { alarmIds: [c.id, ...firstLevels.map((e) => e.payload.alarm.id)], note: '现场确认 / field team sent' });
    expect(acked).toMatchObject({ ok: true });
    await waitFor(() => alarmEvents(watcher, c.id).find((e) => e.payload.cause === 'ack'), 5000, 'the ack event');
    const journal = (await h.rest(`/api/v1/alarms/journal?from=${before - 1}`, { token: h.adminToken })).body as Ack<{ events: AlarmEvent[]; next: number | null }>;
    expect(journal.ok).toBe(true);
    if (!journal.ok) return;
    const ackRow = journal.data.events.find((e) => e.payload.alarm.id === c.id && e.payload.cause === 'ack')!;
    expect(ackRow.actor).toMatch(/^operator-/);
    expect(ackRow.payload.note).toBe('现场确认 / field team sent');
    expect(ackRow.time).toBeGreaterThanOrEqual(before - 50);
    expect(ackRow.payload.alarm.lifecycle).toMatchObject({ acked: true, active: true });
    expect(journal.data.events.every((e) => e.type === 'alarm.changed')).toBe(true);
    // Paging.
    const page = (await h.rest('/api/v1/alarms/journal?from=0&limit=1', { token: h.adminToken })).body as Ack<{ events: AlarmEvent[]; next: number | null }>;
    expect(page.ok && page.data.events.length === 1 && page.data.next === page.data.events[0]!.seq).toBe(true);

    // A latched confirmed alarm needs a reset once the release is over — not before.
    expect(await command(operator, 'alarm.reset', { alarmId: c.id })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await command(coord, 'sim.clear', {})).toMatchObject({ ok: true });
    // The near-field gas fades with τ 20 s, the readings lag by 10 s, the off-delay is 10 s:
    // about a minute of plant time, run at 10× here.
    clock.setRate(10);
    await waitFor(() => alarmEvents(watcher, c.id).find((e) => e.payload.cause === 'clear'), 30_000, 'the confirmed release to clear');
    clock.setRate(1);
    expect(h.server.ctx.engine.state.alarms[c.id]!.lifecycle).toMatchObject({ active: false, latched: true });
    expect(await command(operator, 'alarm.reset', { alarmId: c.id, note: 'leak isolated' })).toMatchObject({ ok: true });
    await waitFor(() => !h.server.ctx.engine.state.alarms[c.id], 2000, 'the reset alarm to leave the list');

    // KPIs over the journal: this release's annunciated activations, by area.
    // The answer must meet the shared contract the console validates it with.
    const kpi = (await h.rest('/api/v1/alarms/kpi?window=3600', { token: await h.tokenFor('viewer') })).body as Ack<unknown>;
    expect(kpi.ok).toBe(true);
    if (!kpi.ok) return;
    const parsed = alarmKpiSchema.safeParse(kpi.data);
    expect(parsed.error).toBeUndefined();
    if (!parsed.success) return;
    const kpiData = parsed.data;
    expect(kpiData.report.rates.count).toBeGreaterThanOrEqual(3);
    expect(kpiData.report.rates.byArea[group[0]!.area]!.count).toBeGreaterThanOrEqual(3);
    expect(kpiData.report.badActors.top.map((a) => a.alarmId)).toContain(c.id);
    expect(kpiData.configured.total).toBeGreaterThan(plant.tags.length);
    expect((await h.rest('/api/v1/alarms/kpi?window=5', { token: h.adminToken })).status).toBe(400);
  }, 120_000);

  it('shelving: over the role maximum refused, within it accepted; the alarm keeps being evaluated and returns when the shelve expires', async () => {
    const { plant } = await miniPlant();
    const coord = await connect('drill_coordinator');
    const operator = await connect('operator');
    const [t1, t2, t3] = plant.tags.filter((t) => t.kind === 'temperature' || t.kind === 'flow');
    const badAlarm = (t: { id: string }) => `${t.id}:BAD`;
    const fail = async (tag: string) => {
      const r = await command<{ injectionId: string }>(coord, 'sim.inject', { kind: 'detector_failure', tag, mode: 'bad' });
      if (!r.ok) throw new Error(r.message);
      return r.data.injectionId;
    };
    const inj = await fail(t1!.id);
    await waitFor(() => h.server.ctx.engine.state.alarms[badAlarm(t1!)]?.lifecycle.active, 5000, 'the BAD alarm');

    const shelve = (alarmId: string, durationS: number) => command(operator, 'alarm.shelve', { alarmId, durationS, reason: 'transmitter on the bench' });
    const tooLong = await shelve(badAlarm(t1!), 3 * 3600);
    expect(tooLong).toMatchObject({ ok: false, code: 'forbidden' });
    expect(!tooLong.ok && tooLong.message).toContain('2 h');
    expect(await shelve(badAlarm(t1!), 30)).toMatchObject({ ok: true });
    expect(await shelve(badAlarm(t2!), 3600)).toMatchObject({ ok: true });
    expect(await shelve(badAlarm(t3!), 60)).toMatchObject({ ok: false, code: 'forbidden' }); // count: 2 at once
    expect(await command(operator, 'alarm.unshelve', { alarmId: badAlarm(t2!) })).toMatchObject({ ok: true });

    // Still evaluated while shelved: it clears and re-activates underneath, journaled.
    expect(await command(coord, 'sim.clear', { injectionId: inj })).toMatchObject({ ok: true });
    await waitFor(() => h.server.ctx.engine.state.alarms[badAlarm(t1!)]?.lifecycle.active === false, 5000, 'the shelved alarm to clear');
    expect(h.server.ctx.engine.state.alarms[badAlarm(t1!)]!.lifecycle.shelved).not.toBeNull();
    await fail(t1!.id);
    await waitFor(() => h.server.ctx.engine.state.alarms[badAlarm(t1!)]?.lifecycle.active, 5000, 'the shelved alarm to re-activate');
    expect(h.server.ctx.engine.state.alarms[badAlarm(t1!)]!.lifecycle.shelved).not.toBeNull();

    // Expiry (30 s of plant time, run at 10× here) hands it back, active and unacknowledged.
    clock.setRate(10);
    const expired = await waitFor(() => h.server.ctx.engine.state.alarms[badAlarm(t1!)]?.lifecycle.shelved === null && h.server.ctx.engine.state.alarms[badAlarm(t1!)], 15_000, 'shelve expiry');
    clock.setRate(1);
    expect(expired.lifecycle).toMatchObject({ active: true, acked: false, shelved: null });
    const causes = (await h.rest(`/api/v1/alarms/journal?from=0&limit=5000`, { token: h.adminToken })).body as Ack<{ events: AlarmEvent[] }>;
    const mine = causes.ok ? causes.data.events.filter((e) => e.payload.alarm.id === badAlarm(t1!)).map((e) => e.payload.cause) : [];
    expect(mine).toEqual(['activate', 'shelve', 'clear', 'activate', 'shelve_expired']);

    // The REST form of ack: same role check, same journal.
    const viaRest = (token: string) => h.rest('/api/v1/alarms/ack', { method: 'POST', token, json: { alarmIds: [badAlarm(t1!)], note: 'REST ack' } });
    expect((await viaRest(await h.tokenFor('viewer'))).status).toBe(403);
    const restAck = await viaRest(await h.tokenFor('shift_lead'));
    expect(restAck).toMatchObject({ status: 200, body: { ok: true, data: { changed: [badAlarm(t1!)] } } });
    expect(h.server.ctx.engine.state.alarms[badAlarm(t1!)]!.lifecycle.acked).toBe(true);
    const metrics = (await h.rest('/metrics')).body as string;
    expect(Number(/^vigil_alarm_transitions_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(mine.length);
    await command(coord, 'sim.clear', {});
  }, 60_000);
});
