import { describe, expect, it } from 'vitest';
import { RobotStore, robotsView } from './robotStore';
import { status, testRobots } from '../robots/robotFixtures';
import type { Pose } from '../robots/interpolate';

const pose = (): Pose => ({ x: 0, y: 0, z: 0, heading: 0 });

describe('RobotStore', () => {
  it('indexes the plant robots, keeps the latest status of each and drops unknown robots', () => {
    const s = new RobotStore();
    s.setPlant(testRobots());
    expect(s.indexOf('RB-2')).toBe(1);
    expect(s.poseAt(0, 0, pose())).toBeNull();
    const v0 = robotsView.getState().version;
    s.apply({ time: 5000, robots: [status('RB-2', 5000, { position: [60, 10, 0] }), status('RB-9', 5000)] }, 100);
    expect(s.unknown).toBe(1);
    expect(s.present[0]).toBe(0);
    expect(s.statuses[1]!.position).toEqual([60, 10, 0]);
    expect(s.poseAt(1, 100, pose())).toMatchObject({ x: 60, y: 10 });
    expect(s.time).toBe(5000);
    expect(robotsView.getState().version).toBeGreaterThan(v0);
  });

  it('glides between messages at their pace and says when everyone has arrived', () => {
    const s = new RobotStore();
    s.setPlant(testRobots());
    s.apply({ time: 1000, robots: [status('RB-1', 1000, { position: [10, 10, 0] })] }, 0);
    expect(s.moving(0)).toBe(false);
    s.apply({ time: 2000, robots: [status('RB-1', 2000, { position: [11, 10, 0] })] }, 1000);
    expect(s.moving(1200)).toBe(true);
    expect(s.poseAt(0, 1500, pose())!.x).toBeCloseTo(10.5);
    expect(s.moving(2001)).toBe(false);
    expect(s.poseAt(0, 2001, pose())!.x).toBeCloseTo(11);
  });

  it('forgets statuses on clear and on a new plant', () => {
    const s = new RobotStore();
    s.setPlant(testRobots());
    s.apply({ time: 1000, robots: [status('RB-1', 1000)] }, 0);
    s.clear();
    expect(s.statuses[0]).toBeNull();
    s.apply({ time: 1000, robots: [status('RB-1', 1000)] }, 0);
    s.setPlant(undefined);
    expect(s.defs).toHaveLength(0);
    expect(s.poseAt(0, 0, pose())).toBeNull();
  });
});
