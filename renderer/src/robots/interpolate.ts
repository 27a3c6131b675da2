/**
 * Smooth robot motion between 1 Hz status messages. Each robot holds a segment: where it was
 * drawn when the latest message arrived (`from`), where that message puts it (`to`), and the
 * local time span over which the map glides from one to the other (the interval between the
 * last two messages, clamped). The drawn position therefore trails the reported one by at most
 * one message interval, and never overshoots it (no dead reckoning: a robot that stops is drawn
 * stopped, not driven past its last fix). Columns are typed arrays; nothing allocates per frame.
 */

/** Shortest glide, ms: a burst of messages never makes a robot jump. */
export const MIN_GLIDE_MS = 250;
/** Longest glide, ms: after a gap (reconnect, slow server) the robot catches up within this. */
export const MAX_GLIDE_MS = 2000;
/** Farther than this between two messages (m) is a teleport (dock reset, new plant): no glide. */
export const JUMP_M = 50;

export interface Segments {
  fromX: Float64Array;
  fromY: Float64Array;
  fromZ: Float64Array;
  fromH: Float64Array;
  toX: Float64Array;
  toY: Float64Array;
  toZ: Float64Array;
  toH: Float64Array;
  /** Local ms the glide started, and how long it lasts. */
  start: Float64Array;
  span: Float64Array;
}

export function segments(n: number): Segments {
  return {
    fromX: new Float64Array(n),
    fromY: new Float64Array(n),
    fromZ: new Float64Array(n),
    fromH: new Float64Array(n),
    toX: new Float64Array(n),
    toY: new Float64Array(n),
    toZ: new Float64Array(n),
    toH: new Float64Array(n),
    start: new Float64Array(n),
    span: new Float64Array(n).fill(1),
  };
}

/** Where a robot is drawn (plant coordinates, heading in radians), written into `out`. */
export interface Pose {
  x: number;
  y: number;
  z: number;
  heading: number;
}

/** Progress of robot i's glide at local time `now`, 0…1. */
export function progress(s: Segments, i: number, now: number): number {
  const t = (now - s.start[i]!) / s.span[i]!;
  return t <= 0 ? 0 : t >= 1 ? 1 : t;
}

/** The signed smallest turn from angle a to b, radians in (−π, π]. */
export function turn(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  else if (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}

/** The pose of robot i at local time `now`, into `out`. */
export function poseAt(s: Segments, i: number, now: number, out: Pose): Pose {
  const t = progress(s, i, now);
  out.x = s.fromX[i]! + (s.toX[i]! - s.fromX[i]!) * t;
  out.y = s.fromY[i]! + (s.toY[i]! - s.fromY[i]!) * t;
  out.z = s.fromZ[i]! + (s.toZ[i]! - s.fromZ[i]!) * t;
  out.heading = s.fromH[i]! + turn(s.fromH[i]!, s.toH[i]!) * t;
  return out;
}

const scratch: Pose = { x: 0, y: 0, z: 0, heading: 0 };

/**
 * A new reported pose for robot i, received at local time `now`: the glide restarts from
 * where the robot is drawn now towards the report, over `intervalMs` (the time since the
 * previous message, clamped). `first`: the robot had no pose yet, so it is placed at once.
 */
export function retarget(s: Segments, i: number, x: number, y: number, z: number, heading: number, now: number, intervalMs: number, first: boolean): void {
  const p = first ? null : poseAt(s, i, now, scratch);
  const jump = !p || Math.hypot(x - p.x, y - p.y) > JUMP_M;
  s.fromX[i] = jump ? x : p.x;
  s.fromY[i] = jump ? y : p.y;
  s.fromZ[i] = jump ? z : p.z;
  s.fromH[i] = jump ? heading : p.heading;
  s.toX[i] = x;
  s.toY[i] = y;
  s.toZ[i] = z;
  s.toH[i] = heading;
  s.start[i] = now;
  s.span[i] = Math.min(MAX_GLIDE_MS, Math.max(MIN_GLIDE_MS, Number.isFinite(intervalMs) ? intervalMs : MAX_GLIDE_MS));
}
