import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng';
import { RoadGraph, type GraphEdgeInput } from './RoadGraph';
import { gridRoadGraph } from './gridGraph';

/** All-pairs travel times by Floyd–Warshall, the brute-force check. */
function floyd(g: RoadGraph, cap = Infinity): Float64Array {
  const n = g.nodeCount;
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let e = 0; e < g.edgeCount; e++) {
    if (g.blocked[e]) continue;
    const a = g.ea[e]!;
    const b = g.eb[e]!;
    const w = g.length[e]! / Math.min(g.speed[e]!, cap);
    if (w < d[a * n + b]!) d[a * n + b] = d[b * n + a] = w;
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i * n + k]! + d[k * n + j]! < d[i * n + j]!) d[i * n + j] = d[i * n + k]! + d[k * n + j]!;
  return d;
}

function randomGraph(seed: number, n: number, m: number): RoadGraph {
  const rng = createRng(seed);
  const nodes = Array.from({ length: n }, () => [rng.range(0, 1000), rng.range(0, 1000)] as [number, number]);
  const edges: GraphEdgeInput[] = [];
  for (let i = 0; i < m; i++) {
    const a = Math.floor(rng.range(0, n));
    let b = Math.floor(rng.range(0, n));
    if (b === a) b = (a + 1) % n;
    edges.push({ from: a, to: b, speedMS: rng.range(2, 15) });
  }
  return new RoadGraph(nodes, edges);
}

describe('RoadGraph.route', () => {
  it('matches Floyd–Warshall travel times between nodes on random graphs, with and without a speed cap', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const g = randomGraph(seed, 40, 90);
      const cap = seed % 2 === 0 ? 6 : Infinity;
      const d = floyd(g, cap);
      const rng = createRng(seed * 31);
      for (let q = 0; q < 40; q++) {
        const a = Math.floor(rng.range(0, 40));
        const b = Math.floor(rng.range(0, 40));
        const r = g.route(g.nx[a]!, g.ny[a]!, g.nx[b]!, g.ny[b]!, { speedCapMS: cap });
        const want = d[a * 40 + b]!;
        if (want === Infinity) {
          // Unreachable in the graph, but both may still snap to edges of one component only when a node is isolated.
          if (r) expect(r.travelS).toBeGreaterThan(0);
          continue;
        }
        expect(r, `seed ${seed} ${a}→${b}`).not.toBeNull();
        expect(r!.travelS).toBeCloseTo(want, 6);
        expect(r!.timesS[r!.timesS.length - 1]).toBeCloseTo(want, 6);
      }
    }
  });

  it('gives cumulative times that rise along the polyline and sum to the travel time', () => {
    const g = gridRoadGraph({ cols: 10, rows: 10, spacingM: 50, speedMS: 5, seed: 3 });
    const r = g.route(12, 7, 430, 410)!;
    expect(r.points.length).toBe(r.timesS.length);
    for (let i = 1; i < r.timesS.length; i++) expect(r.timesS[i]!).toBeGreaterThanOrEqual(r.timesS[i - 1]!);
    expect(r.points[0]).toEqual([12, 7]);
    expect(r.points[r.points.length - 1]).toEqual([430, 410]);
    // Manhattan distance on a grid is a lower bound of the road distance.
    expect(r.distanceM).toBeGreaterThanOrEqual(Math.abs(430 - 12) + Math.abs(410 - 7) - 1e-6 - 7 - 10);
  });

  it('drives along a single road when start and end lie on it', () => {
    const g = new RoadGraph([[0, 0], [100, 0]], [{ from: 0, to: 1, speedMS: 10 }]);
    const r = g.route(20, 0, 70, 0)!;
    expect(r.travelS).toBeCloseTo(5, 9);
    expect(r.distanceM).toBeCloseTo(50, 9);
  });

  it('skips roads blocked by a polygon and reports no route when none is left', () => {
    // Two ways from (0,0) to (100,0): straight along y=0, or round by y=100.
    const g = new RoadGraph(
      [[0, 0], [100, 0], [0, 100], [100, 100]],
      [
        { from: 0, to: 1, speedMS: 10 },
        { from: 0, to: 2, speedMS: 10 },
        { from: 2, to: 3, speedMS: 10 },
        { from: 3, to: 1, speedMS: 10 },
      ],
    );
    expect(g.route(0, 0, 100, 0)!.travelS).toBeCloseTo(10, 9);
    // A square across the middle of the straight road only (no vertex of the road inside it).
    expect(g.blockInside([[[40, -10], [60, -10], [60, 10], [40, 10]]])).toBe(1);
    const round = g.route(0, 0, 100, 0)!;
    expect(round.travelS).toBeCloseTo(30, 9);
    expect(round.points.some(([, y]) => y === 100)).toBe(true);
    // Blocking the top road too leaves the two ends apart: the start snaps to the left road, the end to the right.
    g.blockInside([[[40, -10], [60, -10], [60, 10], [40, 10]], [[40, 90], [60, 90], [60, 110], [40, 110]]]);
    expect(g.route(0, 0, 100, 0)).toBeNull();
    g.blockInside([]);
    expect(g.route(0, 0, 100, 0)!.travelS).toBeCloseTo(10, 9);
  });
});
