import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/messages';
import { robotsMessageSchema, type RobotFinding, type RobotsMessage } from '../../shared/robots/model';
import { robotFindingsSchema, robotsListSchema, robotViewSchema, type RobotsList, type RobotView } from '../../shared/robots/rest';
import { checkReading } from '../../shared/robots/standards';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { loadPlant } from '../../server/plant/loadPlant';
import { repoRoot, startHarness, TestConsole, waitFor, type Harness } from './harness';

/**
 * Inspection robots on a real server with the reference plant and a manual clock (one tick
 * per simulated second, so a minute of patrol takes well under a second): the robots lane
 * follows the positions subscription, a hot spot on the equipment of a robot's next checkpoint
 * becomes one finding with its evidence, a fault is journaled, bad input is refused clearly.
 */
const T0 = Date.UTC(2026, 5, 2, 2, 0, 0);

describe('robots over a real server', () => {
  let h: Harness;
  const clock = new ManualClock(T0);
  let viewer: TestConsole;
  let lead: TestConsole;
  let coordToken = '';
  const messages: RobotsMessage[] = [];
  let requestNo = 0;

  const tick = async (seconds: number, until?: () => boolean): Promise<void> => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      h.server.ctx.runtime.tick();
      // Let socket.io drain now and then: a console still congested is skipped by the lanes.
      if (s % 2 === 1) await new Promise((r) => setTimeout(r, 2));
      if (until?.()) break;
    }
    await new Promise((r) => setTimeout(r, 40));
  };
  const journal = (): JournalEvent[] => h.server.ctx.engine.eventsAfter(0, 1_000_000) ?? [];
  const findings = (): RobotFinding[] => journal().flatMap((e) => (e.type === 'robot.finding' ? [e.payload.finding] : []));
  const list = async (): Promise<RobotsList> => {
    const res = await h.rest('/api/v1/robots', { token: h.adminToken });
    expect(res.status).toBe(200);
    return robotsListSchema.parse((res.body as Ack<unknown> & { ok: true }).data);
  };
  const robot = async (id: string): Promise<RobotView> => {
    const res = await h.rest(`/api/v1/robots/${id}`, { token: h.adminToken });
    expect(res.status).toBe(200);
    return robotViewSchema.parse((res.body as Ack<unknown> & { ok: true }).data);
  };
  const inject = (payload: unknown): Promise<{ status: number; body: unknown }> => h.rest('/api/v1/sim/inject', { method: 'POST', token: coordToken, json: payload });
  const command = <T = unknown>(name: string, payload: unknown): Promise<Ack<T>> => lead.request<T>('command', { id: `robots-it-${++requestNo}`, name, payload });

  beforeAll(async () => {
    const loaded = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    h = await startHarness({ plant: loaded, clock });
    coordToken = await h.tokenFor('drill_coordinator');
    viewer = new TestConsole(h.server.url);
    await viewer.connected();
    expect((await viewer.hello(await h.tokenFor('viewer'))).ok).toBe(true);
    viewer.socket.on('robots', (m: unknown) => messages.push(robotsMessageSchema.parse(m)));
    lead = new TestConsole(h.server.url);
    await lead.connected();
    expect((await lead.hello(await h.tokenFor('shift_lead'))).ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    viewer?.close();
    lead?.close();
    await h?.stop();
  });

  it('sends the robots lane only after subscribe.positions, once a second, and stops after unsubscribing', async () => {
    await tick(5);
    expect(messages).toEqual([]);
    expect(await viewer.request('subscribe.positions', { on: true })).toEqual({ ok: true, data: { on: true } });
    await tick(5);
    await waitFor(() => messages.length >= 4, 5000, 'robots messages');
    const m = messages[messages.length - 1]!;
    expect(m.robots.length).toBeGreaterThanOrEqual(3);
    expect(new Set(m.robots.map((r) => r.state))).not.toContain('offline');
    expect(messages.length).toBeLessThanOrEqual(6);
    // Positions move between messages (interpolated along the route).
    await tick(3);
    const later = messages[messages.length - 1]!;
    expect(later.robots.some((r, i) => r.position.join() !== m.robots[i]!.position.join())).toBe(true);
    expect(await viewer.request('subscribe.positions', { on: false })).toEqual({ ok: true, data: { on: false } });
    await new Promise((r) => setTimeout(r, 50));
    const n = messages.length;
    await tick(3);
    expect(messages.length).toBe(n);
    // Every robot's state is in the journal (offline → patrolling at the start), never its position alone.
    const started = journal().filter((e) => e.type === 'robot.state.changed');
    expect(new Set(started.map((e) => (e.type === 'robot.state.changed' ? e.payload.robot : '')))).toEqual(new Set(m.robots.map((r) => r.id)));
  });

  it('a quiet plant gives no findings in 10 simulated minutes of patrol', async () => {
    await tick(600);
    expect(findings()).toEqual([]);
    // Every robot measured something meanwhile.
    expect(h.server.robots.service.statuses().every((r) => Object.keys(r.readings).length > 0)).toBe(true);
  }, 60_000);

  it('a hot spot on the equipment of a robot’s next checkpoint becomes one finding with evidence above the limit', async () => {
    // A robot on its way to a checkpoint with a thermal camera shot (corners far from equipment have none).
    const ready = (r: RobotView): boolean => r.status.state === 'patrolling' && r.def.route[r.status.nextCheckpoint]!.measure.includes('thermal');
    const views = (): RobotView[] => h.server.robots.service.views(clock.now());
    await tick(120, () => views().some(ready));
    const { robots, standards } = await list();
    const target = robots.find(ready)!;
    expect(target).toBeDefined();
    const cp = target.def.route[target.status.nextCheckpoint]!;
    const kind = h.server.ctx.loaded.plant.equipment.find((e) => e.id === cp.equipment)!.kind;
    const limit = checkReading(standards, kind, 'thermal', 0)!.limit;
    const injected = await inject({ kind: 'hot_spot', equipment: cp.equipment, surfaceC: limit + 40 });
    expect(injected.status).toBe(201);
    const before = findings().length;
    const found = (): RobotFinding | undefined => findings().slice(before).find((f) => f.equipment === cp.equipment && f.sensor === 'thermal');
    // Checkpoints are ≤ 50 m apart at 1 m/s plus a 10 s dwell: 90 simulated seconds is plenty.
    await tick(90, () => found() !== undefined);
    const f = found();
    expect(f, `no finding for ${cp.equipment} within 90 s`).toBeDefined();
    expect(f).toMatchObject({ robot: target.def.id, checkpoint: cp.id, unit: '°C', limit, standard: expect.stringMatching(/^thermal\//) });
    expect(f!.id).toMatch(new RegExp(`^RF-${target.def.id}-\\d+$`));
    expect(f!.value).toBeGreaterThanOrEqual(limit + 39);
    expect(f!.area).toBe(h.server.ctx.loaded.plant.equipment.find((e) => e.id === cp.equipment)!.area);
    expect(h.server.ctx.engine.state.work.findings.map((x) => x.id)).toContain(f!.id);
    const rest = await h.rest(`/api/v1/robots/findings?from=${T0}`, { token: h.adminToken });
    expect(robotFindingsSchema.parse((rest.body as Ack<unknown> & { ok: true }).data).findings.map((x) => x.id)).toContain(f!.id);

    // Sent back while the hot spot lasts: measured again, no second finding.
    expect(await command('robot.goto', { robotId: target.def.id, checkpoint: cp.id })).toMatchObject({ ok: true });
    await tick(2);
    expect((await robot(target.def.id)).status.state).toBe('investigating');
    const measuredAgain = (): boolean => (h.server.robots.service.sim.status(h.server.robots.service.sim.indexOf(target.def.id)!, clock.now()).readings.thermal?.at ?? 0) > f!.at;
    await tick(200, measuredAgain);
    expect(measuredAgain()).toBe(true);
    expect(findings().filter((x) => x.checkpoint === cp.id && x.sensor === 'thermal')).toHaveLength(1);

    // Cleared, read normal once, hot again: a new finding.
    const id = (injected.body as Ack<{ injectionId: string }> & { ok: true }).data.injectionId;
    expect((await h.rest('/api/v1/sim/clear', { method: 'POST', token: coordToken, json: { injectionId: id } })).status).toBe(200);
    const readAt = async (): Promise<number> => (await robot(target.def.id)).status.readings.thermal?.at ?? 0;
    let last = await readAt();
    expect(await command('robot.goto', { robotId: target.def.id, checkpoint: cp.id })).toMatchObject({ ok: true });
    await tick(200, () => (h.server.robots.service.sim.status(h.server.robots.service.sim.indexOf(target.def.id)!, clock.now()).readings.thermal?.at ?? 0) > last);
    expect((await robot(target.def.id)).status.readings.thermal!.value).toBeLessThan(limit);
    last = await readAt();
    expect((await inject({ kind: 'hot_spot', equipment: cp.equipment, surfaceC: limit + 40 })).status).toBe(201);
    expect(await command('robot.goto', { robotId: target.def.id, checkpoint: cp.id })).toMatchObject({ ok: true });
    await tick(200, () => findings().filter((x) => x.checkpoint === cp.id && x.sensor === 'thermal').length === 2);
    const both = findings().filter((x) => x.checkpoint === cp.id && x.sensor === 'thermal');
    expect(both).toHaveLength(2);
    expect(both[1]!.id).not.toBe(both[0]!.id);
  }, 60_000);

  it('a robot_fault injection stops the robot in fault, journaled; clearing it lets it carry on', async () => {
    const { robots } = await list();
    const r = robots.find((x) => x.status.state !== 'fault' && x.status.state !== 'charging')!;
    const res = await inject({ kind: 'robot_fault', robot: r.def.id });
    expect(res.status).toBe(201);
    await tick(2);
    const changed = journal().filter((e) => e.type === 'robot.state.changed' && e.payload.robot === r.def.id);
    expect(changed[changed.length - 1]).toMatchObject({ payload: { to: 'fault', reason: expect.stringContaining('injection') } });
    const at = (await robot(r.def.id)).status;
    expect(at.state).toBe('fault');
    expect(h.server.ctx.engine.state.work.robots[r.def.id]?.state).toBe('fault');
    await tick(10);
    expect((await robot(r.def.id)).status.position).toEqual(at.position);
    expect(await command('robot.goto', { robotId: r.def.id, checkpoint: r.def.route[0]!.id })).toMatchObject({ ok: false, code: 'conflict' });
    const id = (res.body as Ack<{ injectionId: string }> & { ok: true }).data.injectionId;
    expect((await h.rest('/api/v1/sim/clear', { method: 'POST', token: coordToken, json: { injectionId: id } })).status).toBe(200);
    await tick(2);
    expect((await robot(r.def.id)).status.state).not.toBe('fault');
  });

  it('refuses bad input with clear errors', async () => {
    expect(await command('robot.goto', { robotId: 'RB-99', checkpoint: 'X' })).toMatchObject({ ok: false, code: 'not_found', message: expect.stringContaining('unknown robot "RB-99"') });
    expect(await command('robot.goto', { robotId: 'RB-01', checkpoint: 'RB-02-CP01' })).toMatchObject({ ok: false, code: 'not_found', message: expect.stringContaining('no checkpoint') });
    expect(await command('robot.goto', { robotId: 'RB-01' })).toMatchObject({ ok: false, code: 'bad_request' });
    const viewerGoto = await viewer.request('command', { id: 'robots-it-viewer-1', name: 'robot.goto', payload: { robotId: 'RB-01', checkpoint: 'RB-01-CP01' } });
    expect(viewerGoto).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await inject({ kind: 'hot_spot', equipment: 'NO-SUCH', surfaceC: 200 })).toMatchObject({ status: 404, body: { ok: false, message: expect.stringContaining('unknown equipment "NO-SUCH"') } });
    expect(await inject({ kind: 'robot_fault', robot: 'RB-99' })).toMatchObject({ status: 404, body: { ok: false, message: expect.stringContaining('unknown robot "RB-99"') } });
    expect((await inject({ kind: 'hot_spot', equipment: 'P-201A' })).status).toBe(400);
    expect((await h.rest('/api/v1/robots/RB-99', { token: h.adminToken })).status).toBe(404);
    expect((await h.rest('/api/v1/robots', {})).status).toBe(401);
    expect((await h.rest('/api/v1/robots/findings?from=abc', { token: h.adminToken })).status).toBe(400);
    expect((await h.rest(`/api/v1/robots/findings?from=${T0 + 10}&to=${T0}`, { token: h.adminToken })).status).toBe(400);
  });
});
