import { describe, expect, it } from 'vitest';
import { JUMP_M, MAX_GLIDE_MS, MIN_GLIDE_MS, poseAt, retarget, segments, turn, type Pose } from './interpolate';

const pose = (): Pose => ({ x: 0, y: 0, z: 0, heading: 0 });

describe('robot interpolation', () => {
  it('places a robot at once on its first report, then glides to each next one over the message interval', () => {
    const s = segments(1);
    retarget(s, 0, 10, 20, 0, 0, 1000, NaN, true);
    expect(poseAt(s, 0, 1000, pose())).toMatchObject({ x: 10, y: 20 });
    retarget(s, 0, 12, 20, 0, 0, 2000, 1000, false);
    expect(poseAt(s, 0, 2000, pose()).x).toBeCloseTo(10);
    expect(poseAt(s, 0, 2500, pose()).x).toBeCloseTo(11);
    expect(poseAt(s, 0, 3000, pose()).x).toBeCloseTo(12);
    // Never past the report (no dead reckoning).
    expect(poseAt(s, 0, 9000, pose()).x).toBeCloseTo(12);
  });

  it('restarts a glide from where the robot is drawn, not from the previous report', () => {
    const s = segments(1);
    retarget(s, 0, 0, 0, 0, 0, 0, NaN, true);
    retarget(s, 0, 10, 0, 0, 0, 1000, 1000, false);
    // A message arrives half way through the glide: it goes on from x = 5.
    retarget(s, 0, 20, 0, 0, 0, 1500, 500, false);
    expect(poseAt(s, 0, 1500, pose()).x).toBeCloseTo(5);
    expect(poseAt(s, 0, 1750, pose()).x).toBeCloseTo(12.5);
  });

  it('clamps the glide between MIN and MAX and jumps on a teleport', () => {
    const s = segments(1);
    retarget(s, 0, 0, 0, 0, 0, 0, NaN, true);
    retarget(s, 0, 1, 0, 0, 0, 10, 10, false);
    expect(s.span[0]).toBe(MIN_GLIDE_MS);
    retarget(s, 0, 2, 0, 0, 0, 60_000, 60_000, false);
    expect(s.span[0]).toBe(MAX_GLIDE_MS);
    retarget(s, 0, 2 + JUMP_M + 1, 0, 0, 0, 70_000, 1000, false);
    expect(poseAt(s, 0, 70_000, pose()).x).toBe(2 + JUMP_M + 1);
  });

  it('turns the short way round', () => {
    expect(turn(0.1, 2 * Math.PI - 0.1)).toBeCloseTo(-0.2);
    expect(turn(3, -3)).toBeCloseTo(2 * Math.PI - 6);
    const s = segments(1);
    retarget(s, 0, 0, 0, 0, Math.PI - 0.1, 0, NaN, true);
    retarget(s, 0, 1, 0, 0, -Math.PI + 0.1, 1000, 1000, false);
    expect(Math.abs(poseAt(s, 0, 1500, pose()).heading)).toBeCloseTo(Math.PI);
  });
});
