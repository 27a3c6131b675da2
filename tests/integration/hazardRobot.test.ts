import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HazardList, InspectionTaskList } from '../../shared/hazard/api';
import type { RobotView } from '../../shared/robots/rest';
import { checkReading } from '../../shared/robots/standards';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { loadPlant } from '../../server/plant/loadPlant';
import { repoRoot, startHarness, type Harness } from './harness';
import { okData, signIn } from './hazardFixture';

/**
 * On the reference plant (robots.json, inspection-plans.json, people.json): a hot spot that a
 * patrolling robot's thermal camera sees becomes a robot finding and, in the same tick, a
 * reported hazard order (source robot) at the equipment with the finding as evidence; the
 * reference inspection plans put their due tasks up; a lead assigns the order to a registry
 * person with a deadline.
 */
describe('robot finding → hazard order on the reference plant', () => {
  const clock = new ManualClock(Date.UTC(2026, 5, 2, 2, 0, 30)); // 10:00:30 in Shanghai
  let h: Harness;
  let lead = '';
  const tick = async (seconds: number, until?: () => boolean): Promise<void> => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      h.server.ctx.runtime.tick();
      if (until?.()) break;
    }
    await new Promise((r) => setTimeout(r, 20));
  };
  const journal = (): JournalEvent[] => h.server.ctx.engine.eventsAfter(0, 1_000_000) ?? [];

  beforeAll(async () => {
    h = await startHarness({ plant: await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference')), clock, people: { source: 'rtls' } });
    lead = await signIn(h, 'lin', 'shift_lead');
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('puts up the due tasks of the reference inspection plans', async () => {
    await tick(1);
    const due = okData<InspectionTaskList>(await h.rest('/api/v1/inspection/tasks?state=due', { token: lead })).tasks;
    const plans = h.server.ctx.loaded.plant.inspectionPlans!.plans;
    // Tuesday 10:00 local: hourly and 2-hourly rounds fall due now; the 12-hourly, daily (08:00, 4 h grace) and weekly
    // (Monday 08:00, 48 h grace) ones are still within grace, so every plan has its due task, starting on its period.
    expect(due.map((t) => t.plan).sort()).toEqual(plans.map((p) => p.id).sort());
    const local = (t: number): string => new Date(t + 8 * 3_600_000).toISOString().slice(0, 16);
    for (const t of due) {
      const p = plans.find((x) => x.id === t.plan)!;
      const start = p.everyHours === 168 ? '2026-06-01T08:00' : p.everyHours >= 12 ? '2026-06-02T08:00' : '2026-06-02T10:00';
      expect(local(t.dueAt), t.plan).toBe(start);
    }
  });

  it('turns a thermal finding into a reported order in the same tick, which a lead can assign to a registry person', async () => {
    const ready = (r: RobotView): boolean => r.status.state === 'patrolling' && r.def.route[r.status.nextCheckpoint]!.measure.includes('thermal');
    const views = (): RobotView[] => h.server.robots.service.views(clock.now());
    await tick(120, () => views().some(ready));
    const target = views().find(ready)!;
    const cp = target.def.route[target.status.nextCheckpoint]!;
    const plant = h.server.ctx.loaded.plant;
    const kind = plant.equipment.find((e) => e.id === cp.equipment)!.kind;
    const limit = checkReading(plant.robots!.standards, kind, 'thermal', 0)!.limit;
    const coord = await signIn(h, 'dora', 'drill_coordinator');
    expect((await h.rest('/api/v1/sim/inject', { method: 'POST', token: coord, json: { kind: 'hot_spot', equipment: cp.equipment, surfaceC: limit + 40 } })).status).toBe(201);
    const seen = journal().length;
    const finding = (): JournalEvent | undefined => journal().slice(seen).find((e) => e.type === 'robot.finding' && e.payload.finding.equipment === cp.equipment);
    await tick(120, () => finding() !== undefined);
    const f = finding();
    expect(f?.type).toBe('robot.finding');
    if (f?.type !== 'robot.finding') return;
    const order = journal().find((e) => e.type === 'hazard.changed' && e.payload.hazard.sourceRef === f.payload.finding.id);
    expect(order?.type).toBe('hazard.changed');
    if (order?.type !== 'hazard.changed') return;
    expect(order.seq).toBeGreaterThan(f.seq);
    expect(order.time).toBe(f.time);
    expect(order.payload.hazard).toMatchObject({ source: 'robot', state: 'reported', equipment: cp.equipment, area: plant.equipment.find((e) => e.id === cp.equipment)!.area });
    expect(order.payload.hazard.evidence[0]).toMatchObject({ kind: 'thermal', ref: f.payload.finding.id, limit: f.payload.finding.limit, value: f.payload.finding.value });
    const listed = okData<HazardList>(await h.rest('/api/v1/hazards?source=robot', { token: lead })).hazards;
    expect(listed.map((x) => x.id)).toContain(order.payload.hazard.id);

    const id = order.payload.hazard.id;
    const person = h.server.people.service.registry.people.find((p) => p.role === 'maintenance')!.id;
    expect(okData(await h.rest(`/api/v1/hazards/${id}/assess`, { method: 'POST', token: lead, json: { grade: 'general' } }))).toMatchObject({ state: 'assessed' });
    expect(okData(await h.rest(`/api/v1/hazards/${id}/assign`, { method: 'POST', token: lead, json: { assignee: person, deadline: clock.now() + 3_600_000 } }))).toMatchObject({ state: 'assigned' });
  });
});
