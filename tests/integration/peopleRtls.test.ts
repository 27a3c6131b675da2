import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../../shared/alarm/model';
import type { Ack } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { loadPlant, type LoadedPlant } from '../../server/plant/loadPlant';
import type { PersonView } from '../../server/people/peopleViews';
import { repoRoot, startHarness, type Harness } from './harness';

/**
 * The RTLS feed replacing the simulator (people source 'rtls'), and the training-system import,
 * on a real server with the reference plant's registry and a manual clock.
 */
const T0 = Date.UTC(2026, 5, 2, 2, 0, 0);

type Body<T> = Ack<T> & { ok: true };

describe('RTLS feed and registry import over a real server', () => {
  let h: Harness;
  let loaded: LoadedPlant;
  const clock = new ManualClock(T0);
  let rtlsToken = '';
  const post = (fixes: unknown, token = rtlsToken) => h.rest('/api/v1/rtls/fixes', { method: 'POST', token, json: { fixes } });
  const person = async (id: string): Promise<PersonView> => ((await h.rest(`/api/v1/people/${id}`, { token: h.adminToken })).body as Body<PersonView>).data;
  const tick = (seconds: number): void => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      h.server.ctx.runtime.tick();
    }
  };
  const journal = (type: string): JournalEvent[] => (h.server.ctx.engine.eventsAfter(0, 1_000_000) ?? []).filter((e) => e.type === type);

  beforeAll(async () => {
    loaded = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    h = await startHarness({ plant: loaded, clock, people: { source: 'rtls' } });
    rtlsToken = readFileSync(h.server.people.rtlsTokenFile, 'utf8').trim();
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('has nobody on site until the feed reports, and refuses person injections without the simulator', async () => {
    tick(5);
    const zones = (await h.rest('/api/v1/zones', { token: h.adminToken })).body as Body<{ onSite: number }>;
    expect(zones.data.onSite).toBe(0);
    const coord = await h.tokenFor('drill_coordinator');
    const res = await h.rest('/api/v1/sim/inject', { method: 'POST', token: coord, json: { kind: 'person_down', person: 'P-0001' } });
    expect(res.status).toBe(404);
    expect((res.body as { message: string }).message).toMatch(/people simulator/);
  });

  it('takes a valid batch, and counts each bad fix by reason without failing the rest', async () => {
    const [a, b] = loaded.people!.people;
    const now = clock.now();
    const res = await post([
      { badge: a!.badge, t: now - 500, x: 300, y: 300, z: 0, floor: 0, battery: 80 },
      { badge: b!.badge, t: now - 400, x: 100, y: 175, floor: 1, battery: 64, sos: false },
      { badge: 'NO-SUCH-BADGE', t: now, x: 1, y: 1 },
      { badge: a!.badge, t: now, x: 'NaN', y: 1 },
      { badge: a!.badge, t: now, x: null, y: 1 },
      { badge: a!.badge, t: now - 500, x: 301, y: 300 },
      { badge: a!.badge, t: now + 3_600_000, x: 301, y: 300 },
      { badge: a!.badge, t: now, x: 1, y: 1, colour: 'red' },
      'not a fix',
    ]);
    expect(res.status).toBe(200);
    expect((res.body as Body<unknown>).data).toEqual({ accepted: 2, refused: { invalid: 4, unknown_badge: 1, rate_limited: 0, stale: 1, future: 1 } });
    const pa = await person(a!.id);
    expect(pa.latest).toMatchObject({ t: now - 500, x: 300, y: 300, floor: 0, battery: 80, area: 'RX', onSite: true });
    const pb = await person(b!.id);
    expect(pb.latest).toMatchObject({ x: 100, y: 175, floor: 1, area: 'WH' });
  });

  it('limits each badge to 10 fixes a second: the rest of a burst is dropped and counted', async () => {
    const c = loaded.people!.people[2]!;
    const now = clock.now();
    const burst = Array.from({ length: 15 }, (_, i) => ({ badge: c.badge, t: now - 900 + i * 50, x: 200 + i, y: 250 }));
    const res = await post(burst);
    expect((res.body as Body<{ accepted: number; refused: Record<string, number> }>).data).toMatchObject({ accepted: 10, refused: { rate_limited: 5 } });
    expect((await person(c.id)).latest!.x).toBe(209);
    clock.advance(1000);
    const later = await post([{ badge: c.badge, t: clock.now(), x: 250, y: 250 }]);
    expect((later.body as Body<{ accepted: number }>).data.accepted).toBe(1);
    const stats = (await h.rest('/api/v1/rtls/stats', { token: rtlsToken })).body as Body<{ accepted: number; refused: Record<string, number>; source: string }>;
    expect(stats.data).toMatchObject({ accepted: 13, source: 'rtls', refused: { rate_limited: 5, invalid: 4, unknown_badge: 1, stale: 1, future: 1 } });
  });

  it('refuses a batch without the RTLS or an admin token, or with a broken envelope', async () => {
    const viewer = await h.tokenFor('viewer');
    expect((await post([{ badge: 'x', t: 1, x: 1, y: 1 }], viewer)).status).toBe(401);
    expect((await post([{ badge: 'x', t: 1, x: 1, y: 1 }], 'not-a-token-at-all')).status).toBe(401);
    expect((await post([])).status).toBe(400);
    expect((await h.rest('/api/v1/rtls/fixes', { method: 'POST', token: rtlsToken, json: { fixes: [{}], extra: 1 } })).status).toBe(400);
    const big = Array.from({ length: 5001 }, () => ({ badge: 'x', t: 1, x: 1, y: 1 }));
    expect((await post(big)).status).toBe(400);
    expect((await post([{ badge: loaded.people!.people[3]!.badge, t: clock.now(), x: 5, y: 5 }], h.adminToken)).status).toBe(200);
  });

  it('raises SIGNAL_LOST for a badge on site that goes silent past signalLostS, and LOW_BATTERY from the feed', async () => {
    const d = loaded.people!.people[4]!;
    expect((await post([{ badge: d.badge, t: clock.now(), x: 480, y: 300, battery: 12 }])).status).toBe(200);
    tick(2);
    const low = h.server.ctx.engine.state.alarms[`${d.id}:LOW_BATTERY`] as AlarmRecord | undefined;
    expect(low?.lifecycle.active).toBe(true);
    expect(low!.message.zh).toContain(d.badge);
    tick(27);
    expect(h.server.ctx.engine.state.alarms[`${d.id}:SIGNAL_LOST`]).toBeUndefined();
    tick(3);
    const lost = h.server.ctx.engine.state.alarms[`${d.id}:SIGNAL_LOST`];
    expect(lost?.lifecycle.active).toBe(true);
    expect(lost!.area).toBe('PROC');
  });

  it('lists certificates expired or expiring within 30 days, and journals one reminder for each', async () => {
    const res = (await h.rest('/api/v1/people/certificates/expiring', { token: h.adminToken })).body as Body<{ days: number; items: { person: string; status: string; daysLeft: number }[] }>;
    expect(res.data.days).toBe(30);
    const expired = res.data.items.filter((i) => i.status === 'expired');
    const expiring = res.data.items.filter((i) => i.status === 'expiring');
    expect(expired.length).toBeGreaterThanOrEqual(2);
    expect(expiring.length).toBeGreaterThanOrEqual(3);
    expect(expiring.every((i) => i.daysLeft >= 0 && i.daysLeft <= 30)).toBe(true);
    expect(res.data.items.map((i) => i.daysLeft)).toEqual([...res.data.items.map((i) => i.daysLeft)].sort((x, y) => x - y));
    const reminders = journal('people.qualification.reminder');
    expect(reminders).toHaveLength(res.data.items.length);
    tick(5);
    expect(journal('people.qualification.reminder')).toHaveLength(res.data.items.length);
  });

  it('imports a CSV from the training system all or nothing: a bad row is reported by line and field, a good file is applied and journaled', async () => {
    const lead = await h.tokenFor('shift_lead');
    const op = await h.tokenFor('operator');
    const csv = (rows: string[]): RequestInit & { token: string } => ({ method: 'POST', token: lead, body: rows.join('\n'), headers: { 'content-type': 'text/csv' } });
    const newOp = 'P-0003';
    const bad = await h.rest('/api/v1/people/import?list=qualifications', csv(['person,type,issued,expires,score,passed', `${newOp},TR-BATCH,2026-05-30,2028-05-29,88,true`, `${newOp},TR-BATCH,2026-05-31,2026-05-01,90,true`]));
    expect(bad.status).toBe(400);
    const issues = (bad.body as { issues: { list: string; row: number; field: string }[] }).issues;
    expect(issues).toEqual([expect.objectContaining({ list: 'qualifications', row: 3, field: 'expires' })]);
    expect((await person(newOp)).qualifications.some((q) => q.type === 'TR-BATCH' && q.passed)).toBe(false);
    expect(h.server.ctx.engine.state.people.registryVersion).toBe(0);

    expect((await h.rest('/api/v1/people/import?list=qualifications', { ...csv(['person,type,issued,expires']), token: op })).status).toBe(403);

    const good = await h.rest('/api/v1/people/import?list=qualifications', csv(['person,type,issued,expires,score,passed', `${newOp},TR-BATCH,2026-05-30,2028-05-29,88,true`, `${newOp},SOC-CHLOR,2020-06-12,2026-06-12,,`]));
    expect(good.status).toBe(200);
    expect((good.body as Body<unknown>).data).toEqual({ people: 0, qualifications: 2, registryVersion: 1 });
    const after = await person(newOp);
    expect(after.qualifications.find((q) => q.type === 'TR-BATCH' && q.passed)).toMatchObject({ status: 'valid', score: 88 });
    expect(after.qualifications.find((q) => q.type === 'SOC-CHLOR')).toMatchObject({ status: 'expiring', daysLeft: 10 });
    expect(journal('people.registry.imported').at(-1)).toMatchObject({ actor: expect.stringContaining('shift_lead'), payload: { format: 'csv', qualifications: 2, registryVersion: 1 } });
    expect(journal('people.qualification.reminder').some((e) => e.type === 'people.qualification.reminder' && e.payload.person === newOp && e.payload.qualification === 'SOC-CHLOR')).toBe(true);
    const list = (await h.rest('/api/v1/people', { token: h.adminToken })).body as Body<{ registryVersion: number }>;
    expect(list.data.registryVersion).toBe(1);
  });

  it('imports people as JSON, and a new badge can report at once', async () => {
    const res = await h.rest('/api/v1/people/import', {
      method: 'POST',
      token: h.adminToken,
      json: { people: [{ id: 'P-9001', name: { zh: '钱多多', en: 'Qian Duoduo' }, role: 'contractor', team: 'CON-HD', badge: 'UWB-99001', employer: 'X', areas: ['TF-D1'] }], qualifications: [{ person: 'P-9001', type: 'TR-INDUCTION', issued: '2026-06-01', expires: null }] },
    });
    expect(res.status).toBe(200);
    expect((await post([{ badge: 'UWB-99001', t: clock.now(), x: 300, y: 60 }])).status).toBe(200);
    expect((await person('P-9001')).latest).toMatchObject({ area: 'TF-D1', onSite: true });
    const dup = await h.rest('/api/v1/people/import', { method: 'POST', token: h.adminToken, json: { people: [{ id: 'P-9002', name: { zh: '甲', en: 'A' }, role: 'visitor', team: 'VIS', badge: 'UWB-99001' }] } });
    expect(dup.status).toBe(400);
    expect((dup.body as { issues: { field: string; row: number }[] }).issues[0]).toMatchObject({ row: 1, field: 'badge' });
  });
});

describe('RTLS fixes in simulator mode', () => {
  it('take a badge over from the people simulator', async () => {
    const clock = new ManualClock(T0);
    const loaded = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    const h = await startHarness({ plant: loaded, clock });
    try {
      for (let s = 0; s < 5; s++) {
        clock.advance(1000);
        h.server.ctx.runtime.tick();
      }
      const list = ((await h.rest('/api/v1/people?onSite=true', { token: h.adminToken })).body as Body<{ people: PersonView[] }>).data.people;
      const who = list.find((p) => p.role === 'operator')!;
      const token = readFileSync(h.server.people.rtlsTokenFile, 'utf8').trim();
      const res = await h.rest('/api/v1/rtls/fixes', { method: 'POST', token, json: { fixes: [{ badge: who.badge, t: clock.now() + 1, x: 50, y: 50 }] } });
      expect((res.body as Body<{ accepted: number }>).data.accepted).toBe(1);
      for (let s = 0; s < 10; s++) {
        clock.advance(1000);
        h.server.ctx.runtime.tick();
      }
      const latest = ((await h.rest(`/api/v1/people/${who.id}`, { token: h.adminToken })).body as Body<PersonView>).data.latest!;
      expect([latest.x, latest.y]).toEqual([50, 50]);
    } finally {
      await h.stop();
    }
  }, 60_000);
});
