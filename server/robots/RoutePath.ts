import type { RobotDef } from '../../shared/robots/model';

/**
 * A robot's patrol route as a closed polyline through its checkpoints (the last leads back to
 * the first), measured by arc length `s` in [0, length). The robot drives straight between
 * consecutive checkpoints — the route file puts them on roads and unit aisles so that these
 * legs follow them — and straight between its dock and the first checkpoint (the spur).
 */
export class RoutePath {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly zs: Float64Array;
  /** Arc length at each checkpoint; cum[n] = length. */
  readonly cum: Float64Array;
  readonly length: number;
  readonly spurLength: number;

  constructor(readonly def: RobotDef) {
    const n = def.route.length;
    this.xs = Float64Array.from(def.route, (c) => c.position[0]);
    this.ys = Float64Array.from(def.route, (c) => c.position[1]);
    this.zs = Float64Array.from(def.route, (c) => c.position[2]);
    this.cum = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      this.cum[i + 1] = this.cum[i]! + Math.hypot(this.xs[j]! - this.xs[i]!, this.ys[j]! - this.ys[i]!);
    }
    this.length = this.cum[n]!;
    this.spurLength = Math.hypot(def.dock[0] - this.xs[0]!, def.dock[1] - this.ys[0]!);
  }

  get count(): number {
    return this.xs.length;
  }

  /** Arc length of checkpoint i. */
  at(i: number): number {
    return this.cum[i]!;
  }

  /** Distance from s to t going forward (dir 1) or backward (dir −1) around the loop. */
  distance(s: number, t: number, dir: 1 | -1): number {
    const L = this.length;
    if (L <= 0) return 0;
    const d = dir === 1 ? t - s : s - t;
    return ((d % L) + L) % L;
  }

  /** The shorter way round from s to t. */
  shorter(s: number, t: number): 1 | -1 {
    return this.distance(s, t, 1) <= this.distance(s, t, -1) ? 1 : -1;
  }

  /** Moves s by d along dir, wrapped into [0, length). */
  move(s: number, d: number, dir: 1 | -1): number {
    const L = this.length;
    if (L <= 0) return 0;
    const v = s + dir * d;
    return ((v % L) + L) % L;
  }

  /** Position on the loop at s, and the heading when travelling in dir (radians, 0 = +x, counter-clockwise). */
  point(s: number, dir: 1 | -1, out: { x: number; y: number; z: number; heading: number }): void {
    const n = this.count;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cum[mid]! <= s) lo = mid;
      else hi = mid - 1;
    }
    const i = lo;
    const j = (i + 1) % n;
    const seg = this.cum[i + 1]! - this.cum[i]!;
    const f = seg > 0 ? (s - this.cum[i]!) / seg : 0;
    const dx = this.xs[j]! - this.xs[i]!;
    const dy = this.ys[j]! - this.ys[i]!;
    out.x = this.xs[i]! + f * dx;
    out.y = this.ys[i]! + f * dy;
    out.z = this.zs[i]! + f * (this.zs[j]! - this.zs[i]!);
    if (seg > 0) out.heading = dir === 1 ? Math.atan2(dy, dx) : Math.atan2(-dy, -dx);
  }

  /** Position on the spur at fraction f (0 = dock, 1 = the first checkpoint); heading for the direction of travel. */
  spurPoint(f: number, outbound: boolean, out: { x: number; y: number; z: number; heading: number }): void {
    const [dx0, dy0, dz0] = this.def.dock;
    const dx = this.xs[0]! - dx0;
    const dy = this.ys[0]! - dy0;
    out.x = dx0 + f * dx;
    out.y = dy0 + f * dy;
    out.z = dz0 + f * (this.zs[0]! - dz0);
    if (this.spurLength > 0) out.heading = outbound ? Math.atan2(dy, dx) : Math.atan2(-dy, -dx);
  }
}
