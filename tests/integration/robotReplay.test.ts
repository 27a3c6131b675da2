import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayFrame } from '../../shared/drill/drillApi';
import { robotsMessageSchema, type RobotsMessage, type RobotStatus } from '../../shared/robots/model';
import { ManualClock } from '../../shared/util/clock';
import type { LoadedPlant } from '../../server/plant/loadPlant';
import { loadPlant } from '../../server/plant/loadPlant';
import { okData } from './hazardFixture';
import { repoRoot, startHarness, TestConsole, waitFor, type Harness } from './harness';

/**
 * Inspection robots replay with the rest of the console (docs/historian.md §Replay): over a real
 * server with the reference plant and a manual clock (one tick per simulated second), the robots
 * lane is recorded for two minutes; a replay frame at a past instant then has each robot where
 * the lane showed it, facing the same way, in the same state with the same battery, before and
 * after a restart (the open chunks are written at close).
 */
const T0 = Date.UTC(2026, 5, 3, 1, 0, 0);
const LANE_MS = 1000;

/** The replayed status is the lane's at that instant, to the track's grid (mm, mrad, 0.06 %). */
function sameAsLane(got: RobotStatus, lane: RobotStatus, laneTime: number): void {
  expect(got.id).toBe(lane.id);
  expect(got.state).toBe(lane.state);
  expect(got.nextCheckpoint).toBe(lane.nextCheckpoint);
  got.position.forEach((v, i) => expect(Math.abs(v - lane.position[i]!)).toBeLessThan(0.01));
  expect(Math.abs(got.heading - lane.heading)).toBeLessThan(0.002);
  expect(Math.abs(got.batteryPct - lane.batteryPct)).toBeLessThan(0.05);
  expect(got.time).toBeLessThanOrEqual(laneTime);
  expect(got.time).toBeGreaterThan(laneTime - LANE_MS);
}

describe('robot tracks in replay over a real server', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-robot-replay-'));
  let plant: LoadedPlant;
  let h: Harness;
  let clock = new ManualClock(T0);
  let viewerToken = '';
  const messages: RobotsMessage[] = [];

  const tick = async (seconds: number): Promise<void> => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      h.server.ctx.runtime.tick();
      if (s % 2 === 1) await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 40));
  };
  const frame = async (at: number, query = ''): Promise<ReplayFrame> => okData<ReplayFrame>(await h.rest(`/api/v1/replay/frame?at=${at}${query}`, { token: viewerToken }));

  beforeAll(async () => {
    plant = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    h = await startHarness({ plant, clock, dataDir });
    viewerToken = await h.tokenFor('viewer');
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a frame at a past instant has every robot as the robots lane showed it then, also after a restart', async () => {
    const viewer = new TestConsole(h.server.url);
    await viewer.connected();
    expect((await viewer.hello(viewerToken)).ok).toBe(true);
    viewer.socket.on('robots', (m: unknown) => messages.push(robotsMessageSchema.parse(m)));
    expect((await viewer.request('subscribe.positions', { on: true })).ok).toBe(true);
    await tick(120);
    await waitFor(() => messages.length >= 100, 5000, 'robots messages');
    viewer.close();
    const robotCount = plant.plant.robots?.robots.length ?? 0;
    expect(robotCount).toBeGreaterThanOrEqual(3);

    // Instants the lane showed, and instants between two lane messages (the earlier one answers).
    const picks = [messages[5]!, messages[40]!, messages[80]!, messages.at(-2)!];
    const moved = picks.some((m, k) => k > 0 && m.robots.some((r, i) => r.position.join() !== picks[0]!.robots[i]!.position.join()));
    expect(moved).toBe(true);
    const answers: ReplayFrame['robots'][] = [];
    for (const m of picks) {
      for (const at of [m.time, m.time + LANE_MS / 2]) {
        const f = await frame(at);
        expect(f.robots).toHaveLength(m.robots.length);
        f.robots!.forEach((r, i) => sameAsLane(r, m.robots[i]!, m.time));
        expect(f.robots!.every((r) => Object.keys(r.readings).length === 0)).toBe(true);
        expect(f.timing.robotsMs).toBeGreaterThanOrEqual(0);
        if (at === m.time) answers.push(f.robots);
      }
    }
    // Past the last record by more than the window: robots are left out, as people are.
    const last = messages.at(-1)!.time;
    expect((await frame(last + 5000, '&positionWindowMs=1000')).robots).toEqual([]);
    expect((await frame(last, '&robots=false')).robots).toBeUndefined();

    // Restart on the same data: the tracks (all still in open chunks, written at close) read back the same.
    await h.stop();
    clock = new ManualClock(last + 60_000);
    h = await startHarness({ plant, clock, dataDir });
    viewerToken = await h.tokenFor('viewer');
    for (const [k, m] of picks.entries()) expect((await frame(m.time)).robots).toEqual(answers[k]);
  }, 120_000);
});
