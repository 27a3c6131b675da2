import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InspectionPlan } from '../../shared/hazard/inspection';
import { defaultHazardSettings, type HazardSettings } from '../../shared/hazard/settings';
import { Quality } from '../../shared/plant/band';
import type { Plant } from '../../shared/plant/schema';
import type { Ack } from '../../shared/protocol/messages';
import type { RobotFinding } from '../../shared/robots/model';
import { ManualClock } from '../../shared/util/clock';
import type { AuthUser } from '../auth/authService';
import { CommandEngine } from '../engine/CommandEngine';
import type { SampleBatch } from '../sim/types';
import { openSqliteStore } from '../store/openSqliteStore';
import { testPlant } from '../testing/testPlant';
import { HazardService } from './HazardService';
import { HazardStage } from './HazardStage';

const T0 = Date.UTC(2026, 5, 1, 2, 0, 0); // 10:00 in Shanghai
const MIN = 60_000;
const lead: AuthUser = { name: 'lin', role: 'shift_lead' };
const op: AuthUser = { name: 'wang', role: 'operator', person: 'P-001' };
const plan: InspectionPlan = {
  id: 'IP-A',
  name: { zh: '甲区巡检', en: 'Area A round' },
  area: 'A',
  everyHours: 8,
  graceHours: 2,
  performerRole: 'operator',
  checks: [
    { id: 'C1', text: { zh: '无泄漏', en: 'No leaks' }, category: 'equipment' },
    { id: 'C2', text: { zh: '消防通道畅通', en: 'Fire lane clear' }, category: 'fire' },
  ],
};

function plantWith(): Plant {
  const p = testPlant().plant;
  return {
    ...p,
    equipment: [{ id: 'P-101', area: 'A', name: { zh: '泵', en: 'Pump' }, kind: 'pump', position: [20, 30, 0], shape: { type: 'box', size: [1, 1, 1] }, releaseSources: [], design: {} }],
    inspectionPlans: { version: 1, plans: [plan] },
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(dir?: string, settings: HazardSettings = defaultHazardSettings) {
  const dataDir = dir ?? mkdtempSync(path.join(tmpdir(), 'vigil-hz-'));
  if (!dir) dirs.push(dataDir);
  const clock = new ManualClock(T0);
  const store = openSqliteStore(dataDir);
  const engine = CommandEngine.open(store, clock);
  const plant = plantWith();
  const svc = new HazardService({ plant, engine, clock, people: { indexOf: (id) => (['P-001', 'P-002', 'P-009'].includes(id) ? 0 : undefined) }, settings });
  const stage = new HazardStage(svc, plant.tags, clock.now());
  const empty: SampleBatch = { count: 0, ids: new Uint32Array(0), values: new Float64Array(0), times: new Float64Array(0), quality: new Uint8Array(0) };
  const tick = (batch: SampleBatch = empty): void => {
    engine.appendBatch(stage.run(batch, clock.now()));
  };
  return { dataDir, clock, store, engine, svc, stage, tick, plant };
}
function data<T>(a: Ack<T>): T {
  if (!a.ok) throw new Error(a.message);
  return a.data;
}
const report = (svc: HazardService, title = 'Flange weeping') => data(svc.report({ title, description: '', category: 'equipment', equipment: 'P-101' }, op)).hazardId;

describe('HazardService', () => {
  it('numbers orders per plant-local day and continues the counter after a restart, with closed orders rebuilt from the journal', () => {
    const a = setup();
    expect(report(a.svc)).toBe('HZ-20260601-0001');
    expect(report(a.svc)).toBe('HZ-20260601-0002');
    // More closed orders than the state keeps (200): the index rebuilds all of them from the journal.
    for (let i = 0; i < 205; i++) data(a.svc.dismiss({ hazardId: report(a.svc), reason: 'duplicate report' }, lead));
    expect(Object.keys(a.engine.state.work.hazards).length).toBeLessThan(a.svc.index.records.size);
    a.svc.index.close();
    a.store.close();
    const b = setup(a.dataDir);
    expect(b.svc.index.records.size).toBe(207);
    expect([...b.svc.index.records.values()].filter((h) => h.state === 'dismissed').length).toBe(205);
    expect(report(b.svc)).toBe('HZ-20260601-0208');
    b.clock.set(Date.UTC(2026, 5, 1, 16, 0, 1)); // 00:00:01 on 2 June in Shanghai
    expect(report(b.svc)).toBe('HZ-20260602-0001');
    b.store.close();
  });

  it('locates a report from its equipment and refuses unknown ids, assignees outside the registry and bad deadlines', () => {
    const { svc, clock } = setup();
    const id = report(svc);
    expect(svc.index.records.get(id)).toMatchObject({ area: 'A', position: [20, 30, 0], equipment: 'P-101', source: 'manual', reportedBy: 'wang' });
    expect(svc.report({ title: 'x y z', description: '', category: 'other', equipment: 'NOPE' }, op)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(svc.assess({ hazardId: 'HZ-1', grade: 'general' }, lead)).toMatchObject({ ok: false, code: 'not_found' });
    data(svc.assess({ hazardId: id, grade: 'general' }, lead));
    expect(svc.assign({ hazardId: id, assignee: 'P-404', deadline: clock.now() + MIN }, lead)).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringContaining('registry') });
    expect(svc.assign({ hazardId: id, assignee: 'P-001', deadline: clock.now() - 1 }, lead)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(data(svc.assign({ hazardId: id, assignee: 'P-001', deadline: clock.now() + MIN }, lead)).state).toBe('assigned');
    // Assign again = reassign.
    data(svc.assign({ hazardId: id, assignee: 'P-002', deadline: clock.now() + 2 * MIN }, lead));
    expect(svc.index.records.get(id)!.history.at(-1)!.action).toBe('reassign');
    expect(svc.start({ hazardId: id }, op)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('HazardStage', () => {
  it('marks an order overdue at its deadline and escalates it at the configured multiples, journaling each step', () => {
    const { svc, clock, tick, engine } = setup();
    const id = report(svc);
    data(svc.assess({ hazardId: id, grade: 'general' }, lead));
    data(svc.assign({ hazardId: id, assignee: 'P-001', deadline: clock.now() + 60 * MIN }, lead));
    const steps: string[] = [];
    engine.onEvent((e) => {
      if (e.type === 'hazard.changed' && (e.payload.action === 'overdue' || e.payload.action === 'escalate')) steps.push(`${e.payload.action}${e.payload.hazard.escalation}@${(e.time - T0) / MIN}`);
    });
    for (let s = 0; s < 130 * 60; s += 10) {
      clock.set(T0 + s * 1000);
      tick();
    }
    expect(steps).toEqual(['overdue0@60', 'escalate1@75', 'escalate2@90', 'escalate3@120']);
  });

  it('turns each robot finding into a reported order (major proposed), never two open ones for the same equipment and sensor', () => {
    const { svc, stage, tick, clock } = setup();
    const f = (n: number, sensor: RobotFinding['sensor'], major = false): RobotFinding => ({
      id: `RF-R1-${n}`,
      robot: 'R1',
      checkpoint: 'CP1',
      equipment: 'P-101',
      area: null,
      position: [21, 31, 0],
      sensor,
      value: 95,
      unit: '°C',
      limit: 80,
      major,
      standard: 'DL/T 664 ⚠',
      at: clock.now(),
    });
    stage.enqueueFinding(f(1, 'thermal', true));
    stage.enqueueFinding(f(2, 'thermal'));
    tick();
    stage.enqueueFinding(f(3, 'thermal'));
    stage.enqueueFinding(f(4, 'noise'));
    tick();
    const robot = [...svc.index.records.values()].filter((h) => h.source === 'robot');
    expect(robot.map((h) => [h.sourceRef, h.grade, h.area, h.evidence[0]!.kind])).toEqual([
      ['RF-R1-1', 'major', 'A', 'thermal'],
      ['RF-R1-4', null, 'A', 'noise'],
    ]);
    // Once the first is closed, the same anomaly opens a new order.
    data(svc.dismiss({ hazardId: robot[0]!.id, reason: 'false reading' }, lead));
    stage.enqueueFinding(f(5, 'thermal'));
    tick();
    expect([...svc.index.records.values()].filter((h) => h.source === 'robot' && h.state === 'reported').length).toBe(2);
  });

  it('reports a gas detector that is bad for longer than the threshold, or stuck after it used to move, once per open order', () => {
    const settings: HazardSettings = { ...defaultHazardSettings, sensor: { ...defaultHazardSettings.sensor, badAfterS: 600, stuckAfterS: 1800 } };
    const { svc, clock, tick, plant } = setup(undefined, settings);
    const gasA = plant.tags.findIndex((t) => t.id === 'A.GAS1');
    const gasB = plant.tags.findIndex((t) => t.id === 'B.GAS1');
    let n = 0;
    for (let s = 0; s <= 3600; s += 5) {
      clock.set(T0 + s * 1000);
      // A.GAS1 goes bad after 2 min; B.GAS1 moves for 5 min, then freezes with good quality at 7 %LEL.
      const aBad = s > 120;
      const bValue = s < 300 ? 5 + (n++ % 3) : 7;
      tick({ count: 2, ids: Uint32Array.of(gasA, gasB), values: Float64Array.of(aBad ? Number.NaN : 0, bValue), times: Float64Array.of(clock.now(), clock.now()), quality: Uint8Array.of(aBad ? Quality.Bad : Quality.Good, Quality.Good) });
    }
    const sensor = [...svc.index.records.values()].filter((h) => h.source === 'sensor');
    expect(sensor.map((h) => [h.sourceRef, h.category, h.area, Math.round((h.reportedAt - T0) / 1000)])).toEqual([
      ['A.GAS1', 'gas_detection', 'A', 120 + 600],
      ['B.GAS1', 'gas_detection', 'B', 300 + 1800 - 5],
    ]);
  });

  it('does not call a detector stuck at the bottom of its range (clean air reads zero for days)', () => {
    const settings: HazardSettings = { ...defaultHazardSettings, sensor: { ...defaultHazardSettings.sensor, badAfterS: 600, stuckAfterS: 1800 } };
    const { svc, clock, tick, plant } = setup(undefined, settings);
    const gas = plant.tags.findIndex((t) => t.id === 'B.GAS1');
    for (let s = 0; s <= 7200; s += 5) {
      clock.set(T0 + s * 1000);
      // Noise around zero first, then a flat 0.5 %LEL (within 1 % of the 0–100 span).
      const v = s < 300 ? (s % 10 === 0 ? 0.3 : 0) : 0.5;
      tick({ count: 1, ids: Uint32Array.of(gas), values: Float64Array.of(v), times: Float64Array.of(clock.now()), quality: Uint8Array.of(Quality.Good) });
    }
    // (A.GAS1, never sampled here, is reported as silent: the watch does run.)
    expect([...svc.index.records.values()].filter((h) => h.source === 'sensor').map((h) => h.sourceRef)).toEqual(['A.GAS1']);
  });

  it('makes one due task per plan and period, misses it after grace, and a failed check reports a hazard (reused while open)', () => {
    const { svc, clock, tick, engine } = setup();
    clock.set(T0 - 3_600_000); // 09:00 in Shanghai: inside the 08:00 shift's grace
    tick();
    const due = Object.values(engine.state.work.tasks);
    expect(due.map((t) => [t.plan, new Date(t.dueAt).toISOString(), t.state])).toEqual([['IP-A', '2026-06-01T00:00:00.000Z', 'due']]); // 08:00 in Shanghai
    const first = due[0]!;
    clock.set(first.lateAt - 1000);
    tick();
    expect(engine.state.work.tasks[first.id]?.state).toBe('due');
    clock.set(first.lateAt);
    tick();
    expect(engine.state.work.tasks[first.id]).toBeUndefined();
    expect(svc.index.tasks.get(first.id)?.state).toBe('missed');
    // Next shift (16:00 local).
    clock.set(first.dueAt + 8 * 3_600_000 + 1000);
    tick();
    const second = Object.values(engine.state.work.tasks)[0]!;
    expect(svc.complete({ taskId: second.id, results: [{ check: 'C1', ok: true }] }, op)).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringContaining('C2') });
    const done = data(svc.complete({ taskId: second.id, results: [{ check: 'C1', ok: true }, { check: 'C2', ok: false, note: 'pallets in the lane' }] }, op));
    expect(done.hazardIds).toHaveLength(1);
    expect(done.task).toMatchObject({ state: 'done', doneBy: 'wang' });
    expect(svc.index.records.get(done.hazardIds[0]!)).toMatchObject({ source: 'inspection', category: 'fire', area: 'A', description: 'pallets in the lane', sourceRef: `${second.id}#C2` });
    expect(svc.complete({ taskId: second.id, results: [{ check: 'C1', ok: true }, { check: 'C2', ok: true }] }, op)).toMatchObject({ ok: false, code: 'conflict' });
    // The missed task can still be done late; the same failed check names the open order instead of a new one.
    const late = data(svc.complete({ taskId: first.id, results: [{ check: 'C1', ok: true }, { check: 'C2', ok: false }] }, op));
    expect(late.hazardIds).toEqual(done.hazardIds);
    expect([...svc.index.records.values()].filter((h) => h.source === 'inspection')).toHaveLength(1);
  });
});
