import type { RobotsFile, RobotsMessage, RobotStatus } from '../../../shared/robots/model';

/**
 * Robots without a server (FakeSource, demos, tests): each robot drives its route loop at its
 * speed, forever, as a deterministic function of time — where it is at `t` does not depend on
 * when it was asked. Readings are a calm value per sensor at the last checkpoint passed.
 */
export function fakeRobotsMessage(file: RobotsFile, t: number): RobotsMessage {
  return { time: t, robots: file.robots.map((r, k) => fakeStatus(r, k, t)) };
}

const calm: Record<string, { value: number; unit: string }> = { thermal: { value: 38, unit: '°C' }, gas: { value: 0, unit: '%LEL' }, noise: { value: 72, unit: 'dB(A)' } };

function fakeStatus(r: RobotsFile['robots'][number], k: number, t: number): RobotStatus {
  const pts = r.route.map((c) => c.position);
  const legs = pts.map((p, i) => Math.hypot(pts[(i + 1) % pts.length]![0] - p[0], pts[(i + 1) % pts.length]![1] - p[1]));
  const loop = legs.reduce((a, b) => a + b, 0) || 1;
  // Robots start spread over their loops (by index), so a demo fleet is not bunched at the start.
  let d = (((t / 1000) * r.speedMS + (k * loop) / 3) % loop + loop) % loop;
  let i = 0;
  while (d > legs[i]! && i < legs.length - 1) d -= legs[i++]!;
  const a = pts[i]!;
  const b = pts[(i + 1) % pts.length]!;
  const f = legs[i]! > 0 ? d / legs[i]! : 0;
  const cp = r.route[i]!;
  const readings: RobotStatus['readings'] = {};
  for (const s of cp.measure) readings[s] = { ...calm[s]!, at: t, checkpoint: cp.id };
  return {
    id: r.id,
    state: 'patrolling',
    position: [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f],
    heading: Math.atan2(b[1] - a[1], b[0] - a[0]),
    batteryPct: 90 - k * 7,
    nextCheckpoint: (i + 1) % pts.length,
    readings,
    time: t,
  };
}
