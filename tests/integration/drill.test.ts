import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillDetail, DrillReview, ScenarioListItem } from '../../shared/drill/drillApi';
import type { DrillRecord, DrillScore } from '../../shared/drill/scenario';
import type { IncidentList } from '../../shared/incident/incidentApi';
import type { HazardList } from '../../shared/hazard/api';
import type { HazardStats } from '../../shared/hazard/model';
import type { JournalEvent } from '../../shared/state/events';
import { journal, okData } from './hazardFixture';
import { startHarness, waitFor, type Harness } from './harness';
import { incidentPlant, ScaledClock } from './incidentFixture';

type DrillEvent = Extract<JournalEvent, { type: 'drill.changed' }>;
const RATE = 4;

/** A small scenario for the mini plant: a chlorine release at V-1, a wind, a detector failure cleared later. */
function scenarioYaml(failingTag: string, durationS: number): string {
  return `version: 1
id: mini-toxic
name: { zh: 迷你氯气泄漏演练, en: Mini chlorine drill }
description: { zh: 测试, en: test }
plant: mini
incidentType: toxic_release
durationS: ${durationS}
timeline:
  - { atS: 0, action: { do: announce, text: { zh: 演练开始, en: Drill started } } }
  - { atS: 2, action: { do: inject, id: rel, injection: { kind: gas_release, position: [160, 30, 0.4], chemical: chlorine, rateKgS: 2, durationS: 900 } } }
  - { atS: 4, action: { do: wind, wind: { speedMS: 3, fromDeg: 90 } } }
  - { atS: 6, action: { do: inject, id: df, injection: { kind: detector_failure, tag: ${failingTag}, mode: bad } } }
  - { atS: 40, action: { do: clear, id: df } }
  - { atS: 50, action: { do: announce, text: { zh: 即将结束, en: Ending soon } } }
expect:
  - { milestone: first_ack, targetS: 30 }
  - { milestone: incident_open, targetS: 60, weight: 2 }
  - { milestone: evacuation_ordered, targetS: 90 }
  - { planStep: confirm, targetS: 90 }
`;
}

/**
 * Drills end to end on a real server (docs/drills.md): start with role checks and one at a
 * time, timeline steps on drill time, pause stops the clock, stop clears the drill's injections
 * and wind, completion by itself, the score card journaled, records tagged drill=true and kept
 * out of real lists and alarm KPIs.
 */
describe('drills over a real server', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-drill-'));
  const scnDir = mkdtempSync(path.join(tmpdir(), 'vigil-drill-scn-'));
  const clock = new ScaledClock();
  let h: Harness;
  let coord = '';
  let viewer = '';
  let op = '';
  let failing = '';

  const drillEvents = async (id: string): Promise<DrillEvent[]> => (await journal(h)).filter((e): e is DrillEvent => e.type === 'drill.changed' && e.payload.drill.id === id);
  const activeDrill = (): DrillRecord | null => h.server.ctx.engine.state.drill.active;
  const drillInjections = (id: string): string[] =>
    Object.entries(h.server.ctx.engine.state.injections)
      .filter(([, i]) => i.actor.startsWith(`drill:${id}/`))
      .map(([k]) => k);

  beforeAll(async () => {
    const loaded = await incidentPlant();
    failing = loaded.plant.tags.find((t) => t.kind === 'flow' || t.kind === 'temperature')!.id;
    writeFileSync(path.join(scnDir, 'mini-toxic.yaml'), scenarioYaml(failing, 75));
    writeFileSync(path.join(scnDir, 'broken.yaml'), 'version: 1\nid: broken\n');
    h = await startHarness({ plant: loaded, clock, dataDir, people: { source: 'rtls' }, drills: { scenariosDir: scnDir } });
    coord = await h.tokenFor('drill_coordinator');
    viewer = await h.tokenFor('viewer');
    op = await h.tokenFor('operator');
  });
  afterAll(async () => {
    await h.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scnDir, { recursive: true, force: true });
  });

  it('lists scenarios, runnable or with the reasons', async () => {
    const { scenarios } = okData<{ scenarios: ScenarioListItem[] }>(await h.rest('/api/v1/scenarios', { token: viewer }));
    expect(scenarios.find((s) => s.id === 'mini-toxic')).toMatchObject({ runnable: true, errors: [] });
    const broken = scenarios.find((s) => s.file === 'broken.yaml')!;
    expect(broken.runnable).toBe(false);
    expect(broken.errors[0]).toMatch(/^broken\.yaml:\d+:\d+: /);
  });

  it('refuses bad starts with clear errors: a viewer, an unknown scenario, an invalid one', async () => {
    const asViewer = await h.rest('/api/v1/drills', { method: 'POST', token: viewer, json: { scenario: 'mini-toxic' } });
    expect(asViewer.status).toBe(403);
    const unknown = await h.rest('/api/v1/drills', { method: 'POST', token: coord, json: { scenario: 'no-such' } });
    expect(unknown.status).toBe(404);
    expect((unknown.body as { message: string }).message).toMatch(/unknown scenario "no-such"/);
    const broken = await h.rest('/api/v1/drills', { method: 'POST', token: coord, json: { scenario: 'broken' } });
    expect(broken.status).toBe(400);
    expect(activeDrill()).toBeNull();
  });

  let drill: DrillRecord;

  it('starts one drill (a second is refused), runs its timeline on drill time, tags what it causes, pauses and resumes', async () => {
    clock.setRate(RATE);
    const started = await h.rest('/api/v1/drills', { method: 'POST', token: coord, json: { scenario: 'mini-toxic', note: 'quarterly drill' } });
    expect(started.status).toBe(201);
    drill = okData<{ drill: DrillRecord }>(started).drill;
    expect(drill).toMatchObject({ scenario: 'mini-toxic', state: 'running', startedBy: expect.stringMatching(/^drill_coordinator-/) });
    expect(drill.id).toMatch(/^DR-\d{8}-01$/);
    // The banner: the state carries the active drill with the first announcement (step at 0 s ran at once).
    expect(activeDrill()).toMatchObject({ id: drill.id, announcement: { en: 'Drill started' } });
    // The start event is journaled at the drill's own start time, so a replay from that instant shows the drill.
    const startEvent = (await drillEvents(drill.id)).find((e) => e.payload.action === 'start')!;
    expect(startEvent.time).toBe(drill.startedAt);
    const frame = okData<{ state: { drill: { active: DrillRecord | null } } }>(await h.rest(`/api/v1/replay/frame?at=${drill.startedAt}&positions=false`, { token: viewer }));
    expect(frame.state.drill.active?.id).toBe(drill.id);
    const second = await h.rest('/api/v1/drills', { method: 'POST', token: coord, json: { scenario: 'mini-toxic' } });
    expect(second.status).toBe(409);

    // Steps run on time (drill seconds from the record, within a tick at RATE×).
    await waitFor(() => (activeDrill()?.nextStep ?? 0) >= 4, 10_000, 'the first four steps');
    const steps = (await drillEvents(drill.id)).filter((e) => e.payload.action === 'step' || e.payload.action === 'announce');
    const atS = [0, 2, 4, 6];
    steps.slice(0, 4).forEach((e, i) => {
      const late = (e.time - drill.startedAt) / 1000 - atS[i]!;
      expect(late, `step ${i}`).toBeGreaterThanOrEqual(0);
      expect(late, `step ${i}`).toBeLessThan(1.5);
    });
    expect(steps[1]!.payload.note).toMatch(/inject gas_release \(rel\) → inj-\d+/);
    expect(drillInjections(drill.id)).toHaveLength(2);
    expect(h.server.emergency.service.wind.current()).toMatchObject({ speedMS: 3, fromDeg: 90 });

    // An operator acks the failed detector's alarm (first ack), an incident opens by itself: both drill-tagged.
    const bad = `${failing}:BAD`;
    await waitFor(() => h.server.ctx.engine.state.alarms[bad]?.lifecycle.active, 10_000, 'the BAD alarm');
    const acked = await h.rest('/api/v1/alarms/ack', { method: 'POST', token: op, json: { alarmIds: [bad] } });
    expect(acked.status).toBeLessThan(300);
    const inc = await waitFor(() => [...h.server.incidents.service.index.records.values()][0], 30_000, 'an incident');
    expect(inc.drill).toBe(true);
    const real = okData<IncidentList>(await h.rest('/api/v1/incidents', { token: viewer }));
    expect(real.incidents.map((i) => i.incident.id)).not.toContain(inc.id);
    const drills = okData<IncidentList>(await h.rest('/api/v1/incidents?drill=true', { token: viewer }));
    expect(drills.incidents.map((i) => i.incident.id)).toContain(inc.id);
    const reported = await h.rest('/api/v1/hazards', { method: 'POST', token: op, json: { title: 'Smell of chlorine', description: 'drill', category: 'equipment', equipment: 'V-1' } });
    expect(reported.status).toBeLessThan(300);
    const hzId = (reported.body as { data: { hazardId: string } }).data.hazardId;
    expect(h.server.hazards.service.index.records.get(hzId)?.drill).toBe(true);
    expect(okData<HazardList>(await h.rest('/api/v1/hazards', { token: viewer })).hazards.map((x) => x.id)).not.toContain(hzId);
    expect(okData<HazardList>(await h.rest('/api/v1/hazards?drill=true', { token: viewer })).hazards.map((x) => x.id)).toContain(hzId);
    const stats = async (q: string) => okData<HazardStats>(await h.rest(`/api/v1/hazards/stats${q}`, { token: viewer }));
    expect((await stats('')).total).toBe(0);
    expect((await stats('?drill=true')).total).toBeGreaterThanOrEqual(1);

    // Alarm KPIs leave the drill's window out: none of its activations count.
    const activations = (await journal(h)).filter((e) => e.type === 'alarm.changed' && e.payload.cause === 'activate' && !e.payload.alarm.lifecycle.shelved);
    expect(activations.length).toBeGreaterThan(0);
    expect(activations.every((e) => e.time >= drill.startedAt)).toBe(true);
    const kpi = h.server.ctx.alarmKpi.report(3600);
    expect(kpi.report.rates.count).toBe(0);

    // Pause: the timeline stops, drill time stands still.
    expect((await h.rest('/api/v1/drills/pause', { method: 'POST', token: coord, json: {} })).status).toBe(200);
    const before = okData<DrillDetail>(await h.rest(`/api/v1/drills/${drill.id}`, { token: viewer }));
    expect(before.drill.state).toBe('paused');
    await new Promise((r) => setTimeout(r, 2000)); // 8 s of plant time
    const during = okData<DrillDetail>(await h.rest(`/api/v1/drills/${drill.id}`, { token: viewer }));
    expect(during.drillS).toBeCloseTo(before.drillS, 1);
    expect(during.drill.nextStep).toBe(before.drill.nextStep);
    expect((await h.rest('/api/v1/drills/pause', { method: 'POST', token: coord, json: {} })).status).toBe(409);
    expect((await h.rest('/api/v1/drills/resume', { method: 'POST', token: coord, json: {} })).status).toBe(200);
    expect(activeDrill()!.pausedMs).toBeGreaterThanOrEqual(7000);
  }, 60_000);

  it('completes by itself after its duration: injections and wind cleared, scored and journaled, review and exports', async () => {
    await waitFor(() => activeDrill() === null, 40_000, 'the drill to complete');
    const events = await drillEvents(drill.id);
    const done = events.find((e) => e.payload.action === 'complete')!;
    expect(done.payload.drill.state).toBe('completed');
    // Drill time at completion ≈ durationS (pauses excluded).
    const drillS = (done.payload.drill.endedAt! - done.payload.drill.startedAt - done.payload.drill.pausedMs) / 1000;
    expect(drillS).toBeGreaterThanOrEqual(75);
    expect(drillS).toBeLessThan(77);
    expect(drillInjections(drill.id)).toEqual([]);
    expect(h.server.emergency.service.wind.current()?.speedMS).not.toBe(3);
    const scored = (await journal(h)).find((e): e is Extract<JournalEvent, { type: 'drill.scored' }> => e.type === 'drill.scored' && e.payload.drillId === drill.id)!;
    expect(scored).toBeDefined();
    const card = okData<DrillScore>(await h.rest(`/api/v1/drills/${drill.id}/score`, { token: viewer }));
    expect(card).toEqual(scored.payload);
    const ack = card.items.find((i) => i.key === 'first_ack')!;
    expect(ack.actor).toMatch(/^operator-/);
    expect(ack.actualS).not.toBeNull();
    expect(card.items.find((i) => i.key === 'incident_open')!.actualS).not.toBeNull();
    expect(card.items.find((i) => i.key === 'evacuation_ordered')).toMatchObject({ outcome: 'missed', points: 0 });
    expect(card.score).toBeGreaterThan(0);
    expect(card.score).toBeLessThan(100);
    expect(h.server.ctx.engine.state.drill.recent.at(-1)).toMatchObject({ drill: { id: drill.id, state: 'completed' }, score: { score: card.score } });
    // The drill's incident ends with the drill (closed, noted), so no board keeps showing it.
    const drillIncidents = Object.values(h.server.ctx.engine.state.emergency.incidents).filter((i) => i.drill);
    expect(drillIncidents.length).toBeGreaterThan(0);
    for (const i of drillIncidents) {
      expect(i.state).toBe('closed');
      expect(h.server.ctx.engine.state.emergency.logs[i.id]?.at(-1)).toMatchObject({ action: 'close', note: expect.stringContaining(drill.id) });
    }

    const review = okData<DrillReview>(await h.rest(`/api/v1/drills/${drill.id}/review`, { token: viewer }));
    expect(review.expected.map((x) => x.key)).toEqual(['first_ack', 'incident_open', 'evacuation_ordered', 'step:confirm']);
    expect(review.script).toHaveLength(6);
    expect(review.script.every((s) => s.ranS !== null && s.ranS >= s.atS && s.ranS < s.atS + 1.5)).toBe(true);
    expect(review.events.some((e) => e.type === 'alarm.changed' && e.actor.startsWith('operator-'))).toBe(true);
    const csv = await h.rest(`/api/v1/drills/${drill.id}/review?format=csv`, { token: viewer });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body)).toContain('expected,first_ack,');
    const html = await h.rest(`/api/v1/drills/${drill.id}/review?format=html`, { token: viewer });
    expect(String(html.body)).toContain(drill.id);
    const list = okData<{ active: DrillRecord | null; drills: { drill: DrillRecord }[] }>(await h.rest('/api/v1/drills', { token: viewer }));
    expect(list.active).toBeNull();
    expect(list.drills[0]!.drill.id).toBe(drill.id);
  }, 60_000);

  it('stop ends a drill early and clears exactly its injections (not a real one)', async () => {
    const realInj = okData<{ injectionId: string }>(await h.rest('/api/v1/sim/inject', { method: 'POST', token: coord, json: { kind: 'detector_failure', tag: failing, mode: 'stuck', durationS: 600 } })).injectionId;
    const second = okData<{ drill: DrillRecord }>(await h.rest('/api/v1/drills', { method: 'POST', token: coord, json: { scenario: 'mini-toxic' } })).drill;
    expect(second.id).toMatch(/-02$/);
    await waitFor(() => drillInjections(second.id).length >= 1, 10_000, 'a drill injection');
    const stopped = await h.rest('/api/v1/drills/stop', { method: 'POST', token: coord, json: { note: 'enough' } });
    expect(stopped.status).toBe(200);
    expect(drillInjections(second.id)).toEqual([]);
    expect(h.server.ctx.engine.state.injections[realInj]).toBeDefined();
    expect(h.server.ctx.engine.state.drill.recent.at(-1)).toMatchObject({ drill: { id: second.id, state: 'stopped' } });
    expect((await h.rest('/api/v1/drills/stop', { method: 'POST', token: coord, json: {} })).status).toBe(409);
    expect((await h.rest('/api/v1/drills/NOPE/score', { token: viewer })).status).toBe(404);
  }, 30_000);

  it('a drill survives a server restart: still active, its injections restored under its actor, its wind re-applied, then stop clears them', async () => {
    const third = okData<{ drill: DrillRecord }>(await h.rest('/api/v1/drills', { method: 'POST', token: coord, json: { scenario: 'mini-toxic' } })).drill;
    await waitFor(() => (activeDrill()?.nextStep ?? 0) >= 4, 10_000, 'the wind step');
    await h.server.close();
    h = await startHarness({ plant: await incidentPlant(), clock, dataDir, people: { source: 'rtls' }, drills: { scenariosDir: scnDir } });
    expect(activeDrill()).toMatchObject({ id: third.id, state: 'running' });
    expect(drillInjections(third.id).length).toBeGreaterThanOrEqual(1);
    expect(h.server.emergency.service.wind.current()).toMatchObject({ speedMS: 3, fromDeg: 90 });
    const stopped = await h.rest('/api/v1/drills/stop', { method: 'POST', token: coord, json: {} });
    expect(stopped.status).toBe(200);
    expect(drillInjections(third.id)).toEqual([]);
  }, 40_000);
});
