import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HazardList } from '../../shared/hazard/api';
import { hazardStatsSchema, isOpenHazard, type HazardRecord, type HazardStats } from '../../shared/hazard/model';
import type { Ack } from '../../shared/protocol/messages';
import { ManualClock } from '../../shared/util/clock';
import { TestConsole, type Harness } from './harness';
import { HZ_T0, hazardsFromJournal, journal, okData, signIn, startHazardHarness, tickSeconds } from './hazardFixture';

/**
 * A hidden-hazard work order through its whole life on a real server (docs/hazards.md):
 * REST and socket commands, the person link of accounts, four eyes at verification, clear
 * refusals that change nothing, overdue from the tick stage, the journal as the record, and
 * statistics equal to a count made from the journal alone.
 */
describe('hazard work orders over a real server', () => {
  const clock = new ManualClock(HZ_T0);
  let h: Harness;
  let opToken = '';
  let wangToken = '';
  let leadToken = '';
  let lead2Token = '';
  let sock: TestConsole;
  const H = 3_600_000;

  const get = async <T>(p: string, token = opToken): Promise<T> => okData<T>(await h.rest(p, { token }));
  const post = (p: string, json: unknown, token: string) => h.rest(p, { method: 'POST', token, json });
  const record = (id: string): Promise<HazardRecord> => get<HazardRecord>(`/api/v1/hazards/${id}`);
  const command = (name: string, payload: unknown): Promise<Ack<{ hazardId: string; state: string }>> => sock.request('command', { id: randomUUID(), name, payload });

  beforeAll(async () => {
    h = await startHazardHarness(clock);
    opToken = await signIn(h, 'zhao', 'operator', 'P-002');
    wangToken = await signIn(h, 'wang', 'operator', 'P-001');
    leadToken = await signIn(h, 'lin', 'shift_lead', 'P-009');
    lead2Token = await signIn(h, 'gao', 'commander');
    sock = new TestConsole(h.server.url);
    await sock.connected();
    expect((await sock.hello(leadToken)).ok).toBe(true);
  }, 60_000);
  afterAll(async () => {
    sock?.close();
    await h?.stop();
  });

  let id = '';
  it('report (REST) → assess, assign (socket, lead) → start, submit (the linked assignee) → verify (another lead) closes it', async () => {
    const rep = await post('/api/v1/hazards', { title: '泵 P-1 机封渗漏', description: 'drips at the seal', category: 'equipment', equipment: 'P-1' }, opToken);
    expect(rep.status).toBe(201);
    id = okData<{ hazardId: string }>(rep).hazardId;
    expect(id).toBe('HZ-20260601-0001');
    expect(await record(id)).toMatchObject({ state: 'reported', source: 'manual', area: 'A1', equipment: 'P-1', reportedBy: 'zhao' });

    expect(await command('hazard.assess', { hazardId: id, grade: 'general', note: 'fix at once' })).toMatchObject({ ok: true, data: { state: 'assessed' } });
    expect(await command('hazard.assign', { hazardId: id, assignee: 'P-001', deadline: clock.now() + 24 * H })).toMatchObject({ ok: true, data: { state: 'assigned' } });

    // Another operator is refused; the account linked to P-001 may start.
    const other = await post(`/api/v1/hazards/${id}/start`, {}, opToken);
    expect(other.status).toBe(403);
    expect((other.body as { message: string }).message).toMatch(/assignee.*P-001/);
    expect(okData(await post(`/api/v1/hazards/${id}/start`, { note: 'isolated the pump' }, wangToken))).toEqual({ hazardId: id, state: 'rectifying' });
    clock.advance(60_000);
    expect(okData(await post(`/api/v1/hazards/${id}/submit`, { note: 'new mechanical seal fitted' }, wangToken))).toEqual({ hazardId: id, state: 'verification' });
    // An operator cannot verify at all (role); a lead can.
    expect((await post(`/api/v1/hazards/${id}/verify`, { passed: true, note: 'looks fine' }, wangToken)).status).toBe(403);
    expect(okData(await post(`/api/v1/hazards/${id}/verify`, { passed: true, note: 'dry after 10 min run' }, leadToken))).toEqual({ hazardId: id, state: 'closed' });

    const closed = await record(id);
    expect(closed).toMatchObject({ state: 'closed', rectifiedBy: 'wang', verifiedBy: 'lin', assignee: 'P-001' });
    expect(closed.history.map((e) => `${e.action}:${e.actor}`)).toEqual(['report:zhao', 'assess:lin', 'assign:lin', 'start:wang', 'submit:wang', 'verify_pass:lin']);
  });

  it('refuses verification by the lead who rectified on the assignee\'s behalf (four eyes)', async () => {
    const id2 = okData<{ hazardId: string }>(await post('/api/v1/hazards', { title: 'Missing guard on coupling', area: 'A2' }, opToken)).hazardId;
    await post(`/api/v1/hazards/${id2}/assess`, { grade: 'general' }, leadToken);
    await post(`/api/v1/hazards/${id2}/assign`, { assignee: 'P-002', deadline: clock.now() + 8 * H }, leadToken);
    await post(`/api/v1/hazards/${id2}/start`, {}, leadToken);
    await post(`/api/v1/hazards/${id2}/submit`, { note: 'guard refitted by the lead' }, leadToken);
    const self = await post(`/api/v1/hazards/${id2}/verify`, { passed: true, note: 'looks ok' }, leadToken);
    expect(self.status).toBe(403);
    expect((self.body as { message: string }).message).toMatch(/four eyes/);
    expect(okData(await post(`/api/v1/hazards/${id2}/verify`, { passed: false, note: 'bolts loose' }, lead2Token))).toEqual({ hazardId: id2, state: 'rectifying' });
  });

  it('refuses a major hazard without its plan, unknown ids, NaN deadlines, past deadlines, strangers and oversized text, changing nothing', async () => {
    const major = okData<{ hazardId: string }>(await post('/api/v1/hazards', { title: 'Dike wall cracked', area: 'A1', category: 'equipment' }, opToken)).hazardId;
    await post(`/api/v1/hazards/${major}/assess`, { grade: 'major' }, leadToken);
    const viewer = await signIn(h, 'vera', 'viewer');
    const before = await journal(h);
    const beforeRec = await record(major);
    const refusals: [string, unknown, number, RegExp][] = [
      [`/api/v1/hazards/${major}/assign`, { assignee: 'P-001', deadline: clock.now() + H }, 409, /plan/],
      ['/api/v1/hazards/HZ-19990101-0001/assign', { assignee: 'P-001', deadline: clock.now() + H }, 404, /unknown hazard/],
      [`/api/v1/hazards/${major}/assign`, { assignee: 'P-001', deadline: Number.NaN }, 400, /deadline/],
      [`/api/v1/hazards/${major}/assign`, { assignee: 'P-001', deadline: clock.now() - 1 }, 400, /future/],
      [`/api/v1/hazards/${major}/assign`, { assignee: 'P-404', deadline: clock.now() + H }, 400, /registry/],
      [`/api/v1/hazards/${major}/assess`, { grade: 'major', plan: { goal: 'g', method: 'x' } }, 400, /plan/],
      ['/api/v1/hazards', { title: 'x'.repeat(201), area: 'A1' }, 400, /title/],
      ['/api/v1/hazards', { title: 'Big text', area: 'A1', description: 'y'.repeat(4001) }, 400, /description/],
      ['/api/v1/hazards', { title: 'Nowhere' }, 400, /position, an area or/],
      ['/api/v1/hazards', { title: 'Unknown kit', equipment: 'NOPE-9' }, 400, /unknown equipment/],
    ];
    for (const [p, body, status, msg] of refusals) {
      const r = await post(p, body, leadToken);
      expect(r.status, p).toBe(status);
      expect((r.body as { ok: boolean; message: string }).ok).toBe(false);
      expect((r.body as { message: string }).message, p).toMatch(msg);
    }
    // A viewer may read but not report.
    expect((await post('/api/v1/hazards', { title: 'Seen from the screen', area: 'A1' }, viewer)).status).toBe(403);
    expect((await h.rest('/api/v1/hazards')).status).toBe(401);
    expect((await journal(h)).length).toBe(before.length);
    expect(await record(major)).toEqual(beforeRec);

    // With its six-item plan (owner from the registry) the major hazard can be assigned.
    const plan = { goal: 'restore the dike', method: 'cut out and recast the cracked panel', fundsCny: 180000, owner: 'P-009', deadline: clock.now() + 30 * 24 * H, safetyMeasures: 'tank level kept low, temporary bund' };
    expect(okData(await post(`/api/v1/hazards/${major}/assess`, { grade: 'major', plan }, leadToken))).toMatchObject({ state: 'assessed' });
    expect(okData(await post(`/api/v1/hazards/${major}/assign`, { assignee: 'P-001', deadline: clock.now() + 20 * 24 * H }, leadToken))).toMatchObject({ state: 'assigned' });
    expect((await record(major)).plan).toEqual(plan);
  });

  it('turns an order overdue when its deadline passes a few seconds later, in the journal and the list', async () => {
    const od = okData<{ hazardId: string }>(await post('/api/v1/hazards', { title: 'Eyewash blocked', area: 'A2', category: 'fire' }, opToken)).hazardId;
    await post(`/api/v1/hazards/${od}/assess`, { grade: 'general' }, leadToken);
    await post(`/api/v1/hazards/${od}/assign`, { assignee: 'P-002', deadline: clock.now() + 8000 }, leadToken);
    tickSeconds(h, clock, 7);
    expect((await record(od)).overdue).toBe(false);
    tickSeconds(h, clock, 1);
    const rec = await record(od);
    expect(rec).toMatchObject({ overdue: true, state: 'assigned', escalation: 0 });
    expect(rec.history.at(-1)).toMatchObject({ action: 'overdue', actor: 'system' });
    const list = await get<HazardList>('/api/v1/hazards?overdue=true');
    expect(list.hazards.map((x) => x.id)).toEqual([od]);
    // Escalation level 1 at 1.25× the 8 s granted (default settings).
    tickSeconds(h, clock, 1);
    expect((await record(od)).escalation).toBe(0);
    tickSeconds(h, clock, 1);
    expect((await record(od)).escalation).toBe(1);
    const events = (await journal(h)).filter((e) => e.type === 'hazard.changed' && e.payload.hazard.id === od);
    expect(events.map((e) => (e.type === 'hazard.changed' ? `${e.payload.action}:${e.actor}` : ''))).toEqual(['report:zhao', 'assess:lin', 'assign:lin', 'overdue:system', 'escalate:system']);
  });

  it('takes near misses by REST and lists them apart', async () => {
    const nm = { occurredAt: clock.now() - 600_000, whatHappened: 'a hose whipped loose during unloading', potentialConsequence: 'injury to the driver', peopleInvolved: ['P-002'] };
    const r = await post('/api/v1/near-misses', { title: 'Hose whip at unloading', area: 'A2', category: 'behaviour', nearMiss: nm }, opToken);
    expect(r.status).toBe(201);
    const nid = okData<{ hazardId: string }>(r).hazardId;
    expect((await post('/api/v1/near-misses', { title: 'No details given', area: 'A2' }, opToken)).status).toBe(400);
    const list = await get<HazardList>('/api/v1/near-misses');
    expect(list.hazards.map((x) => [x.id, x.source, x.nearMiss?.whatHappened])).toEqual([[nid, 'near_miss', nm.whatHappened]]);
  });

  it('keeps everything in the journal, and the list and the statistics equal a count from the journal alone', async () => {
    const events = await journal(h);
    const fromJournal = hazardsFromJournal(events);
    const list = await get<HazardList>('/api/v1/hazards?limit=5000');
    expect(list.total).toBe(fromJournal.size);
    for (const x of list.hazards) expect(x).toEqual(fromJournal.get(x.id));
    // The closed order is listed even with the open filter off, and not with it on.
    expect((await get<HazardList>('/api/v1/hazards?open=false')).hazards.map((x) => x.id)).toContain(id);
    expect((await get<HazardList>('/api/v1/hazards?open=true')).hazards.map((x) => x.id)).not.toContain(id);

    const stats = hazardStatsSchema.parse(await get<HazardStats>(`/api/v1/hazards/stats?from=${HZ_T0 - H}&to=${clock.now() + 1}`));
    const all = [...fromJournal.values()];
    const count = (f: (x: HazardRecord) => boolean): number => all.filter(f).length;
    expect(stats.total).toBe(all.length);
    expect(stats.open).toBe(count(isOpenHazard));
    expect(stats.closed).toBe(count((x) => x.state === 'closed'));
    expect(stats.overdue).toBe(count((x) => x.overdue));
    expect(stats.closureRate).toBeCloseTo(count((x) => x.state === 'closed') / count((x) => x.state !== 'dismissed'), 10);
    expect(stats.bySource).toEqual({ manual: count((x) => x.source === 'manual'), near_miss: count((x) => x.source === 'near_miss') });
    expect(stats.byGrade.major).toBe(1);
    expect(stats.daily).toEqual([{ date: '2026-06-01', reported: all.length, closed: 1 }]);
    expect((await h.rest('/api/v1/hazards/stats?from=10&to=5', { token: opToken })).status).toBe(400);
  });
});
