import { createRng } from '../util/rng';
import { RoadGraph, type GraphEdgeInput } from './RoadGraph';

/**
 * A grid-like road network for tests and the routing benchmark: `cols × rows` junctions
 * `spacingM` apart, jittered by up to a fifth of the spacing, joined to their right and upper
 * neighbours (2·c·r − c − r edges), speeds ±50 % around `speedMS` (main roads and lanes).
 */
export function gridRoadGraph(o: { cols: number; rows: number; spacingM: number; speedMS: number; seed: number }): RoadGraph {
  const rng = createRng(o.seed);
  const nodes: [number, number][] = [];
  for (let r = 0; r < o.rows; r++) {
    for (let c = 0; c < o.cols; c++) {
      const j = o.spacingM / 5;
      nodes.push([c * o.spacingM + (c === 0 ? 0 : rng.range(-j, j)), r * o.spacingM + (r === 0 ? 0 : rng.range(-j, j))]);
    }
  }
  const edges: GraphEdgeInput[] = [];
  for (let r = 0; r < o.rows; r++) {
    for (let c = 0; c < o.cols; c++) {
      const i = r * o.cols + c;
      if (c + 1 < o.cols) edges.push({ from: i, to: i + 1, speedMS: o.speedMS * rng.range(0.5, 1.5) });
      if (r + 1 < o.rows) edges.push({ from: i, to: i + o.cols, speedMS: o.speedMS * rng.range(0.5, 1.5) });
    }
  }
  return new RoadGraph(nodes, edges);
}
