import { describe, expect, it } from 'vitest';
import { robotsMessageSchema } from '../../../shared/robots/model';
import { FakeSource } from '../data/FakeSource';
import { testPlant } from '../testing/testPlant';
import { ManualTimers } from '../testing/manualTimers';
import { fakeRobotsMessage } from './fakeRobots';
import { testRobots } from './robotFixtures';

describe('fake robots', () => {
  it('drive their route loops at their speed, as valid robots messages', () => {
    const file = testRobots();
    const a = fakeRobotsMessage(file, 0);
    const b = fakeRobotsMessage(file, 1000);
    expect(robotsMessageSchema.safeParse(a).success).toBe(true);
    const moved = Math.hypot(b.robots[0]!.position[0] - a.robots[0]!.position[0], b.robots[0]!.position[1] - a.robots[0]!.position[1]);
    expect(moved).toBeCloseTo(1, 5);
    expect(fakeRobotsMessage(file, 123_456)).toEqual(fakeRobotsMessage(file, 123_456));
  });

  it('come from FakeSource once a second when the plant has robots', () => {
    let now = 10_000;
    const timers = new ManualTimers();
    const src = new FakeSource({ plant: { ...testPlant(), robots: testRobots() }, clock: () => now, timers });
    const got: number[] = [];
    src.start({ plant: () => undefined, samples: () => undefined, state: () => undefined, presence: () => undefined, robots: (m) => got.push(m.time) });
    src.tick();
    now += 600;
    src.tick();
    now += 600;
    src.tick();
    expect(got).toEqual([10_000, 11_200]);
    src.stop();
  });
});
