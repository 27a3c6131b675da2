import { MinHeap } from './MinHeap';
import { boundingBox, segmentTouchesPolygon, type Point } from './polygon';

/** One road, undirected: node indices, length (m, default the straight distance) and speed (m/s). */
export interface GraphEdgeInput {
  from: number;
  to: number;
  speedMS: number;
  lengthM?: number;
}

/** A shortest route from a point to a point: polyline, cumulative seconds at each vertex, totals. */
export interface GraphRoute {
  points: [number, number][];
  timesS: number[];
  distanceM: number;
  travelS: number;
  /** Edge indices driven, in order. */
  edges: number[];
}

export interface RouteOptions {
  /** Top speed of the unit, m/s: each road is driven at min(road speed, this). Default: no cap. */
  speedCapMS?: number;
  /** Speed off the roads (the legs from the start to the nearest road and from the road to the end), m/s. Default 1.4 (walking). */
  offroadMS?: number;
}

interface Snap {
  edge: number;
  /** Position along the edge, 0 = `from`, 1 = `to`. */
  t: number;
  x: number;
  y: number;
  dist: number;
}

/**
 * The road graph for routing emergency units (docs/incidents.md, "Threat zones, muster and
 * dispatch"): nodes and undirected edges in compressed adjacency (typed arrays), a per-edge
 * `blocked` flag (roads inside a threat zone), and point-to-point shortest routes by travel time
 * with A* on a binary heap (the straight-line distance at the fastest speed is the admissible
 * heuristic). A route starts and ends off the network: it joins the nearest open road point
 * straight (at `offroadMS`), so units and targets need not sit on a node.
 *
 * Not thread-safe and not re-entrant: queries share scratch arrays (stamped, never cleared).
 */
export class RoadGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly nx: Float64Array;
  readonly ny: Float64Array;
  readonly ea: Int32Array;
  readonly eb: Int32Array;
  readonly length: Float64Array;
  readonly speed: Float64Array;
  readonly blocked: Uint8Array;
  private readonly adjStart: Int32Array;
  private readonly adjNode: Int32Array;
  private readonly adjEdge: Int32Array;
  private readonly maxSpeed: number;
  private readonly dist: Float64Array;
  private readonly prevEdge: Int32Array;
  private readonly stamp: Uint32Array;
  private readonly closed: Uint32Array;
  private current = 0;
  private readonly heap: MinHeap;

  constructor(nodes: readonly Point[], edges: readonly GraphEdgeInput[]) {
    const n = nodes.length;
    this.nodeCount = n;
    this.edgeCount = edges.length;
    this.nx = Float64Array.from(nodes, (p) => p[0]);
    this.ny = Float64Array.from(nodes, (p) => p[1]);
    this.ea = new Int32Array(edges.length);
    this.eb = new Int32Array(edges.length);
    this.length = new Float64Array(edges.length);
    this.speed = new Float64Array(edges.length);
    this.blocked = new Uint8Array(edges.length);
    const degree = new Int32Array(n + 1);
    let maxSpeed = 0;
    edges.forEach((e, i) => {
      if (!(e.from >= 0 && e.from < n && e.to >= 0 && e.to < n)) throw new RangeError(`edge ${i}: node index out of range`);
      if (!(e.speedMS > 0)) throw new RangeError(`edge ${i}: speed must be positive`);
      this.ea[i] = e.from;
      this.eb[i] = e.to;
      this.length[i] = e.lengthM ?? Math.hypot(this.nx[e.to]! - this.nx[e.from]!, this.ny[e.to]! - this.ny[e.from]!);
      this.speed[i] = e.speedMS;
      maxSpeed = Math.max(maxSpeed, e.speedMS);
      degree[e.from]!++;
      degree[e.to]!++;
    });
    this.maxSpeed = maxSpeed || 1;
    this.adjStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.adjStart[i + 1] = this.adjStart[i]! + degree[i]!;
    this.adjNode = new Int32Array(this.adjStart[n]!);
    this.adjEdge = new Int32Array(this.adjStart[n]!);
    const fill = this.adjStart.slice(0, n);
    for (let i = 0; i < edges.length; i++) {
      const a = this.ea[i]!;
      const b = this.eb[i]!;
      this.adjNode[fill[a]!] = b;
      this.adjEdge[fill[a]!++] = i;
      this.adjNode[fill[b]!] = a;
      this.adjEdge[fill[b]!++] = i;
    }
    this.dist = new Float64Array(n);
    this.prevEdge = new Int32Array(n);
    this.stamp = new Uint32Array(n);
    this.closed = new Uint32Array(n);
    this.heap = new MinHeap(Math.max(64, n));
  }

  /** Blocks every road with any part inside one of the polygons (and unblocks the rest); returns how many are blocked. */
  blockInside(polygons: readonly (readonly Point[])[]): number {
    this.blocked.fill(0);
    let count = 0;
    for (const poly of polygons) {
      if (poly.length < 3) continue;
      const box = boundingBox(poly);
      for (let i = 0; i < this.edgeCount; i++) {
        if (this.blocked[i]) continue;
        const a = this.ea[i]!;
        const b = this.eb[i]!;
        if (segmentTouchesPolygon(poly, box, this.nx[a]!, this.ny[a]!, this.nx[b]!, this.ny[b]!)) {
          this.blocked[i] = 1;
          count++;
        }
      }
    }
    return count;
  }

  /** The nearest point on an open road; null when every road is blocked. */
  snap(x: number, y: number): Snap | null {
    let best: Snap | null = null;
    for (let i = 0; i < this.edgeCount; i++) {
      if (this.blocked[i]) continue;
      const ax = this.nx[this.ea[i]!]!;
      const ay = this.ny[this.ea[i]!]!;
      const dx = this.nx[this.eb[i]!]! - ax;
      const dy = this.ny[this.eb[i]!]! - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
      const px = ax + t * dx;
      const py = ay + t * dy;
      const d = Math.hypot(x - px, y - py);
      if (!best || d < best.dist) best = { edge: i, t, x: px, y: py, dist: d };
    }
    return best;
  }

  /**
   * The fastest route from (sx, sy) to (tx, ty) over open roads, or null when the open roads
   * do not connect them. Cost is seconds: road length ÷ min(road speed, cap), plus the off-road
   * legs at `offroadMS`.
   */
  route(sx: number, sy: number, tx: number, ty: number, opts: RouteOptions = {}): GraphRoute | null {
    const cap = opts.speedCapMS ?? Infinity;
    const off = opts.offroadMS ?? 1.4;
    const s = this.snap(sx, sy);
    const g = this.snap(tx, ty);
    if (!s || !g) return null;
    const v = (e: number): number => Math.min(this.speed[e]!, cap);
    const vmax = Math.max(Math.min(this.maxSpeed, cap), off);
    const startLeg = s.dist / off;
    const endLeg = g.dist / off;
    // Best so far: same edge, driven directly between the two snapped points.
    let best = Infinity;
    let bestEnd = -1;
    if (s.edge === g.edge) best = startLeg + (Math.abs(s.t - g.t) * this.length[s.edge]!) / v(s.edge) + endLeg;
    const cur = this.nextStamp();
    const heap = this.heap;
    heap.clear();
    const hx = (i: number): number => Math.hypot(this.nx[i]! - g.x, this.ny[i]! - g.y) / vmax;
    const seed = (node: number, cost: number): void => {
      if (this.stamp[node] === cur && this.dist[node]! <= cost) return;
      this.stamp[node] = cur;
      this.dist[node] = cost;
      this.prevEdge[node] = -1;
      heap.push(cost + hx(node), node);
    };
    const sLen = this.length[s.edge]!;
    seed(this.ea[s.edge]!, startLeg + (s.t * sLen) / v(s.edge));
    seed(this.eb[s.edge]!, startLeg + ((1 - s.t) * sLen) / v(s.edge));
    const gLen = this.length[g.edge]!;
    const ga = this.ea[g.edge]!;
    const gb = this.eb[g.edge]!;
    const tailA = (g.t * gLen) / v(g.edge) + endLeg;
    const tailB = ((1 - g.t) * gLen) / v(g.edge) + endLeg;
    while (heap.size > 0) {
      if (heap.peekKey() >= best) break;
      const u = heap.pop();
      if (this.closed[u] === cur) continue;
      this.closed[u] = cur;
      const du = this.dist[u]!;
      if (u === ga && du + tailA < best) {
        best = du + tailA;
        bestEnd = u;
      }
      if (u === gb && du + tailB < best) {
        best = du + tailB;
        bestEnd = u;
      }
      for (let k = this.adjStart[u]!; k < this.adjStart[u + 1]!; k++) {
        const e = this.adjEdge[k]!;
        if (this.blocked[e]) continue;
        const w = this.adjNode[k]!;
        if (this.closed[w] === cur) continue;
        const dw = du + this.length[e]! / v(e);
        if (this.stamp[w] !== cur || dw < this.dist[w]!) {
          this.stamp[w] = cur;
          this.dist[w] = dw;
          this.prevEdge[w] = e;
          heap.push(dw + hx(w), w);
        }
      }
    }
    if (best === Infinity) return null;
    return this.build(sx, sy, tx, ty, s, g, bestEnd, best, off, v);
  }

  private build(sx: number, sy: number, tx: number, ty: number, s: Snap, g: Snap, end: number, total: number, off: number, v: (e: number) => number): GraphRoute {
    const points: [number, number][] = [[sx, sy], [s.x, s.y]];
    const timesS = [0, s.dist / off];
    const edges: number[] = [];
    let distanceM = s.dist;
    const push = (x: number, y: number, dt: number, dd: number): void => {
      points.push([x, y]);
      timesS.push(timesS[timesS.length - 1]! + dt);
      distanceM += dd;
    };
    if (end >= 0) {
      const chain: number[] = [];
      for (let n = end; ; ) {
        chain.push(n);
        const e = this.prevEdge[n]!;
        if (e < 0) break;
        n = this.ea[e] === n ? this.eb[e]! : this.ea[e]!;
      }
      chain.reverse();
      const first = chain[0]!;
      const firstT = first === this.ea[s.edge] ? s.t : 1 - s.t;
      const d0 = firstT * this.length[s.edge]!;
      edges.push(s.edge);
      push(this.nx[first]!, this.ny[first]!, d0 / v(s.edge), d0);
      for (let i = 1; i < chain.length; i++) {
        const e = this.prevEdge[chain[i]!]!;
        edges.push(e);
        push(this.nx[chain[i]!]!, this.ny[chain[i]!]!, this.length[e]! / v(e), this.length[e]!);
      }
      const lastT = end === this.ea[g.edge] ? g.t : 1 - g.t;
      const d1 = lastT * this.length[g.edge]!;
      if (edges[edges.length - 1] !== g.edge || chain.length > 1) edges.push(g.edge);
      push(g.x, g.y, d1 / v(g.edge), d1);
    } else {
      const d = Math.abs(s.t - g.t) * this.length[s.edge]!;
      edges.push(s.edge);
      push(g.x, g.y, d / v(s.edge), d);
    }
    push(tx, ty, g.dist / off, g.dist);
    // The summed legs equal `total` up to rounding; keep the search's figure as the last time.
    timesS[timesS.length - 1] = total;
    const c = compact(points, timesS);
    return { points: c.points, timesS: c.times, distanceM, travelS: total, edges };
  }

  private nextStamp(): number {
    this.current = (this.current + 1) >>> 0;
    if (this.current === 0) {
      this.stamp.fill(0);
      this.closed.fill(0);
      this.current = 1;
    }
    return this.current;
  }
}

/** Drops consecutive duplicate vertices (a start or end already on a road); a dropped vertex's later time wins. */
function compact(points: readonly [number, number][], times: readonly number[]): { points: [number, number][]; times: number[] } {
  const out: [number, number][] = [];
  const t: number[] = [];
  points.forEach((p, i) => {
    const last = out[out.length - 1];
    if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) <= 1e-9) t[t.length - 1] = times[i]!;
    else {
      out.push([p[0], p[1]]);
      t.push(times[i]!);
    }
  });
  if (out.length === 1) {
    out.push([out[0]![0], out[0]![1]]);
    t.push(t[0]!);
  }
  return { points: out, times: t };
}
