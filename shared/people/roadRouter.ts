import type { Roads } from '../plant/schema';

/** The nearest point of the road network to some point: on edge `edge`, at `t` (0 = its `from` node, 1 = its `to`). */
export interface RoadPoint {
  edge: number;
  t: number;
  x: number;
  y: number;
  dist: number;
}

/**
 * Shortest walking routes over the plant's road graph. All-pairs distances and next hops are
 * computed once (Floyd–Warshall; fine for the few hundred nodes of a plant). A route leaves
 * its start straight to the nearest road point, follows the roads, and leaves them straight to
 * its end — areas border roads, so the straight legs stay inside the block of their end point.
 */
export class RoadRouter {
  readonly nx: Float64Array;
  readonly ny: Float64Array;
  private readonly ea: Int32Array;
  private readonly eb: Int32Array;
  private readonly dist: Float64Array;
  private readonly next: Int32Array;
  private readonly index: Map<string, number>;

  constructor(roads: Roads) {
    const n = roads.nodes.length;
    this.index = new Map(roads.nodes.map((node, i) => [node.id, i] as const));
    this.nx = Float64Array.from(roads.nodes, (node) => node.position[0]);
    this.ny = Float64Array.from(roads.nodes, (node) => node.position[1]);
    const edges = roads.edges.filter((e) => this.index.has(e.from) && this.index.has(e.to));
    this.ea = Int32Array.from(edges, (e) => this.index.get(e.from)!);
    this.eb = Int32Array.from(edges, (e) => this.index.get(e.to)!);
    const d = new Float64Array(n * n).fill(Infinity);
    const next = new Int32Array(n * n).fill(-1);
    for (let i = 0; i < n; i++) {
      d[i * n + i] = 0;
      next[i * n + i] = i;
    }
    for (let k = 0; k < this.ea.length; k++) {
      const a = this.ea[k]!;
      const b = this.eb[k]!;
      const len = Math.hypot(this.nx[a]! - this.nx[b]!, this.ny[a]! - this.ny[b]!);
      if (len < d[a * n + b]!) {
        d[a * n + b] = len;
        d[b * n + a] = len;
        next[a * n + b] = b;
        next[b * n + a] = a;
      }
    }
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        const ik = d[i * n + k]!;
        if (ik === Infinity) continue;
        for (let j = 0; j < n; j++) {
          const via = ik + d[k * n + j]!;
          if (via < d[i * n + j]!) {
            d[i * n + j] = via;
            next[i * n + j] = next[i * n + k]!;
          }
        }
      }
    }
    this.dist = d;
    this.next = next;
  }

  get nodeCount(): number {
    return this.nx.length;
  }

  nodeIndex(id: string): number | undefined {
    return this.index.get(id);
  }

  /** The nearest point on any road edge; null when there are no edges. */
  nearest(x: number, y: number): RoadPoint | null {
    let best: RoadPoint | null = null;
    for (let k = 0; k < this.ea.length; k++) {
      const a = this.ea[k]!;
      const b = this.eb[k]!;
      const ax = this.nx[a]!;
      const ay = this.ny[a]!;
      const dx = this.nx[b]! - ax;
      const dy = this.ny[b]! - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      const px = ax + t * dx;
      const py = ay + t * dy;
      const dist = Math.hypot(x - px, y - py);
      if (!best || dist < best.dist) best = { edge: k, t, x: px, y: py, dist };
    }
    return best;
  }

  /** Road distance between two nodes (Infinity when not connected). */
  nodeDistance(a: number, b: number): number {
    return this.dist[a * this.nodeCount + b]!;
  }

  /**
   * Waypoints from (x0, y0) to (x1, y1) as a flat [x, y, x, y, …] list, both ends included.
   * Falls back to the straight line when the roads do not connect the two.
   */
  route(x0: number, y0: number, x1: number, y1: number): number[] {
    const p = this.nearest(x0, y0);
    const q = this.nearest(x1, y1);
    if (!p || !q) return [x0, y0, x1, y1];
    const out = [x0, y0];
    const push = (x: number, y: number): void => {
      const lx = out[out.length - 2]!;
      const ly = out[out.length - 1]!;
      if (Math.abs(lx - x) > 1e-9 || Math.abs(ly - y) > 1e-9) out.push(x, y);
    };
    push(p.x, p.y);
    if (p.edge !== q.edge) {
      const n = this.nodeCount;
      const ends = (r: RoadPoint): [number, number][] => {
        const a = this.ea[r.edge]!;
        const b = this.eb[r.edge]!;
        return [
          [a, Math.hypot(r.x - this.nx[a]!, r.y - this.ny[a]!)],
          [b, Math.hypot(r.x - this.nx[b]!, r.y - this.ny[b]!)],
        ];
      };
      let best = Infinity;
      let bu = -1;
      let bv = -1;
      for (const [u, du] of ends(p)) {
        for (const [v, dv] of ends(q)) {
          const total = du + this.dist[u * n + v]! + dv;
          if (total < best) {
            best = total;
            bu = u;
            bv = v;
          }
        }
      }
      if (best === Infinity) {
        push(x1, y1);
        return out;
      }
      for (let u = bu; ; u = this.next[u * n + bv]!) {
        push(this.nx[u]!, this.ny[u]!);
        if (u === bv) break;
      }
    }
    push(q.x, q.y);
    push(x1, y1);
    return out;
  }
}
