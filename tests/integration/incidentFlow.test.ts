import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail, IncidentList } from '../../shared/incident/incidentApi';
import type { IncidentRecord } from '../../shared/incident/model';
import type { IncidentReport } from '../../shared/incident/reportModel';
import type { JournalEvent } from '../../shared/state/events';
import { journal, okData } from './hazardFixture';
import { startHarness, waitFor, type Harness } from './harness';
import { CL_GROUPS, incidentPlant, ScaledClock } from './incidentFixture';

type IncidentEvent = Extract<JournalEvent, { type: 'incident.changed' }>;
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/**
 * Incident command end to end on a real server (docs/incidents.md): a chlorine release at V-1
 * confirms two detector groups; one incident opens by itself and the second group escalates it;
 * the plan checklist runs with due times; people act on it over REST; it survives a restart.
 */
describe('incidents over a real server', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-inc-'));
  const clock = new ScaledClock();
  let h: Harness;
  let commander = '';
  let viewer = '';
  let lead = '';

  const start = async (): Promise<Harness> => startHarness({ plant: await incidentPlant(), clock, dataDir, people: { source: 'rtls' } });
  const list = async (): Promise<IncidentRecord[]> => okData<IncidentList>(await h.rest('/api/v1/incidents', { token: viewer })).incidents.map((i) => i.incident);
  const detail = async (id: string): Promise<IncidentDetail> => okData<IncidentDetail>(await h.rest(`/api/v1/incidents/${id}`, { token: viewer }));
  const post = (p: string, token: string, json: unknown) => h.rest(`/api/v1/incidents${p}`, { method: 'POST', token, json });
  const incidentEvents = async (id: string): Promise<IncidentEvent[]> => (await journal(h)).filter((e): e is IncidentEvent => e.type === 'incident.changed' && e.payload.incident.id === id);

  beforeAll(async () => {
    h = await start();
    commander = await h.tokenFor('commander');
    viewer = await h.tokenFor('viewer');
    lead = await h.tokenFor('shift_lead');
  });
  afterAll(async () => {
    await h.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let inc: IncidentRecord;

  it('a chlorine release at V-1 opens one toxic_release incident by itself, with a level, an estimated source and the plan checklist', async () => {
    const coord = await h.tokenFor('drill_coordinator');
    const injected = await h.rest('/api/v1/sim/inject', { method: 'POST', token: coord, json: { kind: 'gas_release', position: [160, 30, 0.4], chemical: 'chlorine', rateKgS: 2, durationS: 900 } });
    expect(injected.status).toBeLessThan(300);
    const [opened] = await waitFor(async () => {
      const all = await list();
      return all.length > 0 ? all : null;
    }, 30_000, 'an incident to open');
    inc = opened!;
    expect(inc.id).toMatch(/^INC-\d{8}-01$/);
    expect(inc).toMatchObject({ type: 'toxic_release', state: 'open', openedBy: 'system', area: 'A2', trigger: { kind: 'alarm' }, drill: false });
    expect([`${CL_GROUPS.A}:CONFIRMED`, `${CL_GROUPS.B}:CONFIRMED`]).toContain(inc.trigger.ref);
    expect(['III', 'II']).toContain(inc.level);
    expect(inc.levelReasons.length).toBeGreaterThan(0);
    expect(inc.source).toMatchObject({ chemical: 'chlorine', equipment: 'V-1', rateEstimated: true });
    expect(inc.source.rateKgS).toBeGreaterThan(0);
    expect(inc.source.position).toEqual([160, 28.8, 0.4]);
    expect(inc.plan?.id).toBe('toxic-release');
    const d = await detail(inc.id);
    for (const s of d.incident.plan!.steps) {
      const def = d.plan!.steps.find((x) => x.id === s.step)!;
      expect(s.dueAt - inc.openedAt).toBe(Math.round(def.targetMin * 60_000));
    }
    expect(d.incident.plan!.steps[0]).toMatchObject({ step: 'activate', state: 'done', by: 'system' });
    expect(d.log[0]).toMatchObject({ action: 'open', actor: 'system' });
  });

  it('the second confirmed group in the area escalates the same incident and the rules raise its level to II', async () => {
    const esc = await waitFor(async () => (await incidentEvents(inc.id)).find((e) => e.payload.action === 'escalate'), 30_000, 'the escalation');
    expect(esc.actor).toBe('system');
    expect(await list()).toHaveLength(1);
    const raised = await waitFor(async () => {
      const d = await detail(inc.id);
      return d.incident.level === 'II' ? d : null;
    }, 10_000, 'level II');
    expect(raised.flags.escalation).toBe(2);
    expect(raised.incident.levelReasons.at(-1)?.en).toMatch(/second confirmed group/);
  });

  it('a commander marks a step done (journaled with the actor); late steps flag by themselves', async () => {
    const done = await post(`/${inc.id}/step`, commander, { step: 'confirm', state: 'done', note: '现场确认 V-1 排液阀泄漏 / V-1 drain valve leaking' });
    expect(done.status).toBe(200);
    const ev = (await incidentEvents(inc.id)).find((e) => e.payload.action === 'step');
    expect(ev?.actor).toMatch(/^commander-/);
    expect(ev?.payload.incident.plan!.steps.find((s) => s.step === 'confirm')).toMatchObject({ state: 'done', late: false });
    // Six minutes pass: `isolate` (5 min) is late, and flagged once by the system.
    clock.setRate(200);
    await waitFor(() => clock.now() > inc.openedAt + 6 * 60_000, 10_000, 'six minutes');
    clock.setRate(1);
    const flagged = await waitFor(async () => (await incidentEvents(inc.id)).find((e) => e.payload.action === 'step_late'), 10_000, 'step_late');
    expect(flagged.actor).toBe('system');
    expect(flagged.payload.note).toContain('isolate');
    const d = await detail(inc.id);
    expect(d.incident.plan!.steps.find((s) => s.step === 'isolate')).toMatchObject({ state: 'pending', late: true });
    expect(d.flags.overdueSteps).toContain('isolate');
  });

  it('setLevel with a reason, ICS role, agency notification (ticks the auto step, first report on time); refusals are clear', async () => {
    expect(await post(`/${inc.id}/level`, viewer, { level: 'I', reason: 'viewer tries' })).toMatchObject({ status: 403, body: { ok: false, code: 'forbidden' } });
    const lowered = await post(`/${inc.id}/level`, commander, { level: 'III', reason: '泄漏已隔离 / leak isolated at the drain' });
    expect(lowered.status).toBe(200);
    const rec = okData<{ incident: IncidentRecord }>(lowered).incident;
    expect(rec.level).toBe('III');
    expect(rec.levelReasons.at(-1)?.en).toMatch(/^commander-\d+: .*leak isolated/);
    expect(await post(`/${inc.id}/role`, commander, { role: 'commander', person: 'P-404' })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect((await post(`/${inc.id}/role`, commander, { role: 'commander', person: 'P-009' })).status).toBe(200);
    expect(await post('/INC-19990101-01/step', commander, { step: 'confirm', state: 'done' })).toMatchObject({ status: 404, body: { ok: false, code: 'not_found' } });
    expect(await post(`/${inc.id}/step`, commander, { step: 'no_such_step', state: 'done' })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await post(`/${inc.id}/step`, commander, { step: 'confirm', state: 'done' })).toMatchObject({ status: 409, body: { code: 'conflict' } });
    expect((await post(`/${inc.id}/step`, commander, { step: 'confirm', state: 'maybe' })).status).toBe(400);
    expect((await h.rest('/api/v1/incidents/INC-19990101-01', { token: viewer })).status).toBe(404);
    expect((await h.rest('/api/v1/incidents')).status).toBe(401);
    const notified = await post(`/${inc.id}/agency`, lead, { agency: 'emergency_management', channel: 'phone 12350', note: '首报 / first report' });
    expect(notified.status).toBe(200);
    const d = await waitFor(async () => {
      const x = await detail(inc.id);
      return x.incident.plan!.steps.find((s) => s.step === 'notify')?.state === 'done' ? x : null;
    }, 10_000, 'the agency_notified milestone');
    expect(d.incident.plan!.steps.find((s) => s.step === 'notify')).toMatchObject({ by: 'system' });
    expect(d.flags.firstReport).toMatchObject({ late: false });
    expect(d.flags.firstReport.at).not.toBeNull();
    // No automatic raise back over the commander's level: the rules' level has not risen since.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await detail(inc.id)).incident.level).toBe('III');
  });

  it('the after-action report (HTML and JSON) has the timeline, the steps and an uploaded map snapshot', async () => {
    expect((await h.rest(`/api/v1/incidents/${inc.id}/snapshots`, { method: 'POST', token: commander, headers: { 'content-type': 'image/png' }, body: Buffer.from('GIF89a not a png at all, honestly') })).status).toBe(400);
    const up = await h.rest(`/api/v1/incidents/${inc.id}/snapshots?caption=plume%20at%2010%20min`, { method: 'POST', token: commander, headers: { 'content-type': 'image/png' }, body: PNG_1PX });
    expect(up.status).toBe(201);
    const json = okData<IncidentReport>(await h.rest(`/api/v1/incidents/${inc.id}/report?format=json`, { token: viewer }));
    expect(json.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['open', 'escalate', 'level', 'step', 'step_late', 'role', 'agency']));
    expect(json.decisions.every((e) => e.actor !== 'system')).toBe(true);
    expect(json.steps.find((s) => s.step === 'confirm')?.timing).toBe('on_time');
    expect(json.steps.find((s) => s.step === 'isolate')?.timing).toBe('overdue');
    expect(json.agencies[0]).toMatchObject({ agency: 'emergency_management', withinHour: true });
    expect(json.snapshots).toHaveLength(1);
    const html = await h.rest(`/api/v1/incidents/${inc.id}/report`, { token: viewer });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = html.body as string;
    for (const s of ['<!DOCTYPE html>', '@page', 'size: A4', '时间线', 'Timeline', '预案步骤执行', inc.id, 'step_late', 'commander-', 'data:image/png;base64,', 'plume at 10 min']) expect(page).toContain(s);
    expect(page).not.toMatch(/<script|src="http/);
  });

  it('nothing is lost across a restart; ids continue', async () => {
    const before = await detail(inc.id);
    await h.server.close();
    h = await start();
    const after = await detail(inc.id);
    expect(after.incident).toEqual(before.incident);
    expect(after.flags.escalation).toBe(2);
    const manual = await post('', commander, { type: 'injury', title: '装车站人员滑倒 / slip at the loading bay', position: [40, 30, 0] });
    expect(manual.status).toBe(201);
    const m = okData<{ incident: IncidentRecord }>(manual).incident;
    expect(m.id).toBe(inc.id.replace(/-01$/, '-02'));
    expect(m).toMatchObject({ type: 'injury', level: 'IV', area: 'A1', plan: { id: 'injury' }, trigger: { kind: 'manual' } });
    expect(okData<IncidentList>(await h.rest('/api/v1/incidents?state=open', { token: viewer })).total).toBe(2);
    expect((await post(`/${m.id}/close`, commander, { note: '轻伤已处理 / first aid given' })).status).toBe(200);
    expect(okData<IncidentList>(await h.rest('/api/v1/incidents?state=closed', { token: viewer })).incidents.map((i) => i.incident.id)).toEqual([m.id]);
    expect((await post(`/${m.id}/log`, commander, { note: 'after close' })).status).toBe(409);
    expect(okData<{ plans: unknown[] }>(await h.rest('/api/v1/plans', { token: viewer })).plans).toHaveLength(5);
  });
});
