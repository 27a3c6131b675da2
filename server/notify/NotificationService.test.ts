import { beforeAll, describe, expect, it } from 'vitest';
import type { Plant } from '../../shared/plant/schema';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { CommandEngine } from '../engine/CommandEngine';
import { loadPlant } from '../plant/loadPlant';
import { MINI_PLANT_DIR } from '../plant/testing/plantPaths';
import { openSqliteStore } from '../store/openSqliteStore';
import type { WebhookBody } from './notificationBody';
import { NotificationService } from './NotificationService';
import { acked, activated, alarmRecord, changed, cleared } from './testing/alarmEvents';
import type { WebhookResult } from './webhook';

const t0 = Date.UTC(2025, 5, 1, 8, 0, 0);
let plant: Plant;
beforeAll(async () => {
  plant = (await loadPlant(MINI_PLANT_DIR)).plant;
});

interface Rig {
  clock: ManualClock;
  engine: CommandEngine;
  svc: NotificationService;
  posts: { url: string; body: WebhookBody }[];
  /** Runs the service's tick stage at the clock's time and appends what it returns. */
  tick(advanceMs?: number): void;
  notified(): Extract<JournalEvent, { type: 'alarm.notified' }>[];
}

function rig(o: { webhooks?: string[]; result?: (url: string) => WebhookResult; plant?: Plant } = {}): Rig {
  const clock = new ManualClock(t0);
  const engine = CommandEngine.open(openSqliteStore(':memory:'), clock);
  const posts: Rig['posts'] = [];
  const svc = new NotificationService({
    plant: o.plant ?? plant,
    engine,
    webhooks: o.webhooks ?? [],
    post: (url, body) => {
      posts.push({ url, body: body as WebhookBody });
      return Promise.resolve(o.result?.(url) ?? { delivered: true, attempts: 1 });
    },
  });
  svc.start();
  return {
    clock,
    engine,
    svc,
    posts,
    tick: (ms = 0) => {
      clock.advance(ms);
      for (const e of svc.stage.run(null, clock.now())) engine.append(e.body, e.actor);
    },
    notified: () => engine.eventsPage(0, 10_000).filter((e): e is Extract<JournalEvent, { type: 'alarm.notified' }> => e.type === 'alarm.notified'),
  };
}

const p1 = alarmRecord({ id: 'R-1.PI-01:HH', area: 'A2', priority: 1, equipment: 'R-1' });

describe('NotificationService', () => {
  it('tells the area field operator and the shift lead at once (console events and webhook posts)', async () => {
    const r = rig({ webhooks: ['http://gw.test/hook'] });
    r.engine.append(changed(activated(p1, t0), 'activate'), 'system');
    r.tick();
    const consoleEvents = r.notified().filter((e) => e.payload.channel === 'console');
    expect(consoleEvents.map((e) => [e.payload.recipient, e.payload.step, e.payload.consolidated, e.payload.delivered])).toEqual([
      ['FO-A2', 0, false, true],
      ['SL-1', 0, false, true],
    ]);
    expect(consoleEvents[0]?.payload.alarmIds).toEqual([p1.id]);
    expect(r.posts.map((p) => p.body.recipient.id)).toEqual(['FO-A2', 'SL-1']);
    const body = r.posts[0]?.body as WebhookBody;
    expect(body).toMatchObject({ schema: 'vigil.alarm-notification/1', step: 0, escalation: false, consolidated: false, priority: 1, alarmCount: 1, alarmIds: [p1.id] });
    expect(body.alarms[0]).toMatchObject({ id: p1.id, area: 'A2', areaName: { zh: '反应区', en: 'Reactor area' }, message: p1.message });
    expect(body.text.zh).toContain('一级报警');
    expect(body.text.en).toContain('priority 1');
    await r.svc.stop();
    expect(r.notified().filter((e) => e.payload.channel === 'webhook').map((e) => [e.payload.recipient, e.payload.delivered])).toEqual([
      ['FO-A2', true],
      ['SL-1', true],
    ]);
  });

  it('escalates while unacknowledged: HSE manager after 120 s, plant manager (webhook only) after 600 s', async () => {
    const r = rig({ webhooks: ['http://gw.test/hook'] });
    r.engine.append(changed(activated(p1, t0), 'activate'), 'system');
    r.tick();
    r.tick(119_000);
    expect(r.notified().filter((e) => e.payload.step > 0)).toEqual([]);
    r.tick(1000);
    expect(r.notified().filter((e) => e.payload.step === 1).map((e) => [e.payload.recipient, e.payload.channel])).toEqual([['HSE-1', 'console']]);
    r.tick(480_000);
    expect(r.posts.filter((p) => p.body.step === 2).map((p) => p.body.recipient.id)).toEqual(['PM-1']);
    expect(r.posts.find((p) => p.body.step === 2)?.body.text.zh).toContain('升级通知 第2级');
    await r.svc.stop();
    expect(r.notified().filter((e) => e.payload.step === 2).map((e) => e.payload.channel)).toEqual(['webhook']);
  });

  it('an ack (or a clear) stops the escalation', () => {
    const r = rig();
    const p2 = alarmRecord({ id: 'R-1.TI-01:HH', area: 'A2', priority: 2, equipment: 'R-1' });
    r.engine.append(changed(activated(p1, t0), 'activate'), 'system');
    r.engine.append(changed(activated(p2, t0), 'activate'), 'system');
    r.tick();
    r.clock.advance(60_000);
    r.engine.append(changed(acked(activated(p1, t0)), 'ack'), 'op');
    r.engine.append(changed(cleared(activated(p2, t0)), 'clear'), 'system');
    r.tick(600_000);
    expect(r.notified().filter((e) => e.payload.step > 0)).toEqual([]);
  });

  it('does not tell shelved, suppressed or out-of-service activations, nor alarms no rule covers', () => {
    const r = rig();
    const shelved = alarmRecord({ id: 'R-1.LI-01:HH', area: 'A2', priority: 2, lifecycle: { shelved: { until: t0 + 1e6, reason: 'test', by: 'x', at: t0 } } });
    const suppressed = alarmRecord({ id: 'R-1.FI-01:HH', area: 'A2', priority: 2, lifecycle: { suppressed: true } });
    r.engine.append(changed(activated(shelved, t0), 'activate'), 'system');
    r.engine.append(changed(activated(suppressed, t0), 'activate'), 'system');
    const noRule: Plant = { ...plant, notifications: { ...(plant.notifications as NonNullable<Plant['notifications']>), rules: [{ priorities: [1], notify: ['shift_lead'], escalate: [] }] } };
    const r2 = rig({ plant: noRule });
    r2.engine.append(changed(activated(alarmRecord({ id: 'X:H', area: 'A2', priority: 3 }), t0), 'activate'), 'system');
    r.tick(1000);
    r2.tick(1000);
    expect(r.notified()).toEqual([]);
    expect(r2.notified()).toEqual([]);
  });

  it('consolidates a burst: five singles to the field operator, then one notice with the rest', () => {
    const r = rig({ webhooks: ['http://gw.test/hook'] });
    for (let i = 0; i < 8; i++) r.engine.append(changed(activated(alarmRecord({ id: `T${i}:H`, area: 'A2', priority: 3 }), t0), 'activate'), 'system');
    r.tick();
    const fo = r.notified().filter((e) => e.payload.recipient === 'FO-A2');
    expect(fo.filter((e) => !e.payload.consolidated)).toHaveLength(5);
    const merged = fo.filter((e) => e.payload.consolidated);
    expect(merged.map((e) => e.payload.alarmIds)).toEqual([['T5:H', 'T6:H', 'T7:H']]);
    const body = r.posts.find((p) => p.body.consolidated)?.body as WebhookBody;
    expect(body).toMatchObject({ alarmCount: 3, priority: 3 });
    expect(body.text.en).toMatch(/3 alarms \(highest priority 3\) in Reactor area/);
  });

  it('names at most 100 alarms of a flood in the journal, and counts them all', () => {
    const r = rig();
    for (let i = 0; i < 250; i++) r.engine.append(changed(activated(alarmRecord({ id: `F${i}:H`, area: 'A2', priority: 3 }), t0), 'activate'), 'system');
    r.tick();
    const merged = r.notified().filter((e) => e.payload.recipient === 'FO-A2' && e.payload.consolidated);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.payload.alarmIds).toHaveLength(100);
    expect(merged[0]!.payload.alarmIds[0]).toBe('F5:H');
    expect(merged[0]!.payload.alarmCount).toBe(245);
  });

  it('journals a failed webhook as delivered:false with the error, and keeps going', async () => {
    const r = rig({ webhooks: ['http://ok.test/', 'http://down.test/'], result: (url) => (url.includes('down') ? { delivered: false, error: 'ECONNREFUSED', attempts: 2 } : { delivered: true, attempts: 1 }) });
    r.engine.append(changed(activated(p1, t0), 'activate'), 'system');
    r.tick();
    await r.svc.stop();
    const hooks = r.notified().filter((e) => e.payload.channel === 'webhook' && e.payload.recipient === 'FO-A2');
    expect(hooks.map((e) => [e.payload.delivered, e.payload.error])).toEqual([
      [true, undefined],
      [false, 'http://down.test/: ECONNREFUSED'],
    ]);
  });

  it('resumes the remaining escalations of unacknowledged alarms after a restart, without repeating first notices', () => {
    const r = rig();
    r.engine.append(changed(activated(p1, t0), 'activate'), 'system');
    r.tick();
    const restart = (): ((ms: number) => void) => {
      const svc = new NotificationService({ plant, engine: r.engine, webhooks: [] });
      svc.start();
      return (ms) => {
        r.clock.advance(ms);
        for (const e of svc.stage.run(null, r.clock.now())) r.engine.append(e.body, e.actor);
      };
    };
    void r.svc.stop();
    r.clock.advance(60_000);
    const second = restart();
    second(0);
    expect(r.notified().map((e) => e.payload.recipient)).toEqual(['FO-A2', 'SL-1']);
    second(70_000);
    expect(r.notified().map((e) => [e.payload.recipient, e.payload.step])).toEqual([
      ['FO-A2', 0],
      ['SL-1', 0],
      ['HSE-1', 1],
    ]);
    // A restart after the first escalation does not send it again.
    const third = restart();
    third(0);
    third(100_000);
    expect(r.notified()).toHaveLength(3);
  });
});
