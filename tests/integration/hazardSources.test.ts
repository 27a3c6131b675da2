import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HazardList, InspectionCompleteResult, InspectionPlanList, InspectionTaskList } from '../../shared/hazard/api';
import type { HazardRecord } from '../../shared/hazard/model';
import type { RobotFinding } from '../../shared/robots/model';
import { ManualClock } from '../../shared/util/clock';
import type { Harness } from './harness';
import { HZ_T0, journal, okData, plan, signIn, startHazardHarness, tickSeconds } from './hazardFixture';

/**
 * The automatic sources of hidden hazards on a real server (docs/hazards.md §Sources):
 * scheduled inspection tasks (due, completed with a failed check, missed), robot findings
 * handed to `hazards.enqueueFinding`, and gas detectors that go silent or freeze (through the
 * simulator's detector_failure injection). Then a restart: closed orders, tasks and the id
 * counter come back from the journal.
 */
describe('hazard sources and restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-hz-it-'));
  const clock = new ManualClock(HZ_T0);
  const settings = { sensor: { badAfterS: 60, stuckAfterS: 600, source: 'test thresholds' } };
  let h: Harness;
  let wang = '';
  afterAll(async () => {
    await h?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const get = async <T>(p: string): Promise<T> => okData<T>(await h.rest(p, { token: wang }));
  const hazards = async (q = ''): Promise<HazardRecord[]> => (await get<HazardList>(`/api/v1/hazards?limit=5000${q}`)).hazards;

  it('creates the due inspection task of the current period; a failed check reports a hazard with source inspection', async () => {
    h = await startHazardHarness(clock, { dataDir, hazards: settings });
    wang = await signIn(h, 'wang', 'operator', 'P-001');
    tickSeconds(h, clock, 1);
    expect((await get<InspectionPlanList>('/api/v1/inspection/plans')).plans).toEqual([plan]);
    const due = (await get<InspectionTaskList>('/api/v1/inspection/tasks?state=due')).tasks;
    expect(due.map((t) => [t.plan, new Date(t.dueAt).toISOString(), new Date(t.lateAt).toISOString()])).toEqual([['IP-A1-ROUND', '2026-06-01T01:00:00.000Z', '2026-06-01T01:30:00.000Z']]);

    const res = await h.rest(`/api/v1/inspection/tasks/${encodeURIComponent(due[0]!.id)}/complete`, {
      method: 'POST',
      token: wang,
      json: { results: [{ check: 'LEAK', ok: true }, { check: 'GD', ok: false, note: 'GD-TK-1-02 shows fault' }] },
    });
    const done = okData<InspectionCompleteResult>(res);
    expect(done.task).toMatchObject({ state: 'done', doneBy: 'wang' });
    expect(done.hazardIds).toHaveLength(1);
    const [hz] = await hazards('&source=inspection');
    expect(hz).toMatchObject({ id: done.hazardIds[0], category: 'gas_detection', area: 'A1', description: 'GD-TK-1-02 shows fault', sourceRef: `${due[0]!.id}#GD`, reportedBy: 'wang' });
    expect((await get<InspectionTaskList>('/api/v1/inspection/tasks?state=done')).tasks.map((t) => t.id)).toEqual([due[0]!.id]);
    // Done once only; unknown tasks and unknown checks are refused.
    expect((await h.rest(`/api/v1/inspection/tasks/${encodeURIComponent(due[0]!.id)}/complete`, { method: 'POST', token: wang, json: { results: [{ check: 'LEAK', ok: true }, { check: 'GD', ok: true }] } })).status).toBe(409);
    expect((await h.rest('/api/v1/inspection/tasks/nope@1/complete', { method: 'POST', token: wang, json: { results: [{ check: 'LEAK', ok: true }] } })).status).toBe(404);
  });

  it('marks the next period\'s task missed after its grace', async () => {
    clock.set(Date.UTC(2026, 5, 1, 2, 0, 0) - 1000); // 09:59:59 local
    tickSeconds(h, clock, 2);
    const next = (await get<InspectionTaskList>('/api/v1/inspection/tasks?state=due')).tasks;
    expect(next.map((t) => new Date(t.dueAt).toISOString())).toEqual(['2026-06-01T02:00:00.000Z']);
    clock.set(next[0]!.lateAt - 1000);
    tickSeconds(h, clock, 2);
    expect((await get<InspectionTaskList>('/api/v1/inspection/tasks?state=missed')).tasks.map((t) => t.id)).toEqual([next[0]!.id]);
    const ev = (await journal(h)).filter((e) => e.type === 'inspection.task.changed').map((e) => (e.type === 'inspection.task.changed' ? `${e.payload.task.dueAt}:${e.payload.task.state}` : ''));
    expect(ev).toEqual([`${Date.UTC(2026, 5, 1, 1)}:due`, `${Date.UTC(2026, 5, 1, 1)}:done`, `${next[0]!.dueAt}:due`, `${next[0]!.dueAt}:missed`]);
  });

  it('turns a robot finding into a reported order with its evidence and proposed grade, once while open', async () => {
    const finding: RobotFinding = { id: 'RF-R1-7', robot: 'R1', checkpoint: 'CP-3', equipment: 'R-1', area: null, position: [150, 50, 0], sensor: 'thermal', value: 142, unit: '°C', limit: 90, major: true, standard: 'test standard', at: clock.now() };
    h.server.hazards.enqueueFinding(finding);
    h.server.hazards.enqueueFinding({ ...finding, id: 'RF-R1-8', value: 150 });
    tickSeconds(h, clock, 1);
    const robot = await hazards('&source=robot');
    expect(robot).toHaveLength(1);
    expect(robot[0]).toMatchObject({ sourceRef: 'RF-R1-7', grade: 'major', state: 'reported', area: 'A2', equipment: 'R-1', reportedBy: 'robot:R1', position: [150, 50, 0] });
    expect(robot[0]!.evidence).toEqual([{ kind: 'thermal', value: 142, unit: '°C', limit: 90, standard: 'test standard', ref: 'RF-R1-7', at: finding.at }]);
  });

  it('reports a gas detector that went offline or bad, once per detector while the order is open', async () => {
    const coord = await signIn(h, 'dora', 'drill_coordinator');
    for (const [tag, mode] of [['GD-TK-1-01', 'offline'], ['GT-V-1-01', 'bad']] as const) {
      const r = await h.rest('/api/v1/sim/inject', { method: 'POST', token: coord, json: { kind: 'detector_failure', tag, mode } });
      expect(r.status).toBe(201);
    }
    tickSeconds(h, clock, 59);
    expect(await hazards('&source=sensor')).toEqual([]);
    tickSeconds(h, clock, 2);
    const sensor = await hazards('&source=sensor');
    expect(sensor.map((x) => [x.sourceRef, x.category, x.area, x.title.en]).sort()).toEqual([
      ['GD-TK-1-01', 'gas_detection', 'A1', 'Gas detector GD-TK-1-01 out of service (no good reading)'],
      ['GT-V-1-01', 'gas_detection', 'A2', 'Gas detector GT-V-1-01 out of service (no good reading)'],
    ]);
    tickSeconds(h, clock, 300);
    expect((await hazards('&source=sensor')).length).toBe(2);
  });

  it('after a restart lists every order and task from the journal and continues the id counter', async () => {
    const before = await hazards();
    const tasksBefore = (await get<InspectionTaskList>('/api/v1/inspection/tasks?limit=5000')).tasks;
    await h.stop();
    h = await startHazardHarness(clock, { dataDir, hazards: settings });
    wang = await signIn(h, 'wang', 'operator', 'P-001');
    expect(await hazards()).toEqual(before);
    expect((await get<InspectionTaskList>('/api/v1/inspection/tasks?limit=5000')).tasks).toEqual(tasksBefore);
    const maxN = Math.max(...before.map((x) => Number(x.id.split('-')[2])));
    const r = okData<{ hazardId: string }>(await h.rest('/api/v1/hazards', { method: 'POST', token: wang, json: { title: 'After restart', area: 'A1' } }));
    expect(r.hazardId).toBe(`HZ-20260601-${String(maxN + 1).padStart(4, '0')}`);
  });
});
