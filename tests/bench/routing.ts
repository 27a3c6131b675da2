/**
 * Shortest routes on a road graph (`bench: "routing"`, docs/performance.md): a grid-like network
 * of ~10,000 edges (shared/routing/gridGraph.ts: jittered junctions 25 m apart, speeds ±50 %),
 * point-to-point A* queries between random points (off-road legs included), each timed alone;
 * then the same with the roads inside a plume-shaped polygon blocked. Goal: p99 < 5 ms.
 */
import { gridRoadGraph } from '../../shared/routing/gridGraph';
import type { RoadGraph } from '../../shared/routing/RoadGraph';
import { createRng } from '../../shared/util/rng';

export interface RoutingBenchResult {
  nodes: number;
  edges: number;
  queries: number;
  found: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** CPU time per query (process user + system), which a busy shared machine does not inflate the way it inflates wall time. */
  cpuP50Ms: number;
  cpuP99Ms: number;
  blocked: { edges: number; p50Ms: number; p99Ms: number; found: number };
  /** Blocking every road inside the polygon (done once per zone change), ms. */
  blockMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function run(g: RoadGraph, queries: number, seed: number, size: number): { times: number[]; cpu: number[]; found: number } {
  const rng = createRng(seed);
  const times: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (let i = 0; i < queries + 50; i++) {
    const [sx, sy, tx, ty] = [rng.range(0, size), rng.range(0, size), rng.range(0, size), rng.range(0, size)];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = g.route(sx, sy, tx, ty, { speedCapMS: 11, offroadMS: 1.4 });
    const dt = performance.now() - t0;
    const dc = process.cpuUsage(c0);
    if (i < 50) continue;
    times.push(dt);
    cpu.push((dc.user + dc.system) / 1000);
    if (r) found++;
  }
  return { times: times.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b), found };
}

export function runRoutingBench(o: { queries: number; side?: number }): RoutingBenchResult {
  const side = o.side ?? 71;
  const spacing = 25;
  const g = gridRoadGraph({ cols: side, rows: side, spacingM: spacing, speedMS: 8, seed: 11 });
  const size = (side - 1) * spacing;
  const open = run(g, o.queries, 5, size);
  // A plume-like wedge from the centre towards the east, 40 % of the site long.
  const c = size / 2;
  const wedge: [number, number][] = [[c, c], [c + 0.4 * size, c + 0.08 * size], [c + 0.42 * size, c], [c + 0.4 * size, c - 0.08 * size]];
  const t0 = performance.now();
  const blockedEdges = g.blockInside([wedge]);
  const blockMs = performance.now() - t0;
  const shut = run(g, o.queries, 6, size);
  g.blockInside([]);
  const mean = open.times.reduce((a, b) => a + b, 0) / open.times.length;
  const r3 = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    nodes: g.nodeCount,
    edges: g.edgeCount,
    queries: o.queries,
    found: open.found,
    p50Ms: r3(percentile(open.times, 0.5)),
    p99Ms: r3(percentile(open.times, 0.99)),
    meanMs: r3(mean),
    maxMs: r3(open.times[open.times.length - 1]!),
    cpuP50Ms: r3(percentile(open.cpu, 0.5)),
    cpuP99Ms: r3(percentile(open.cpu, 0.99)),
    blocked: { edges: blockedEdges, p50Ms: r3(percentile(shut.times, 0.5)), p99Ms: r3(percentile(shut.times, 0.99)), found: shut.found },
    blockMs: r3(blockMs),
  };
}
