import type { Roads } from '../plant/schema';
import { RoadGraph } from '../routing/RoadGraph';

/** Roads narrower than this are single-track lanes, driven at `LANE_FACTOR` of the road speed. */
export const LANE_WIDTH_M = 6;
export const LANE_FACTOR = 0.6;

/**
 * The plant's roads (roads.json) as a routing graph. Plant roads carry no speed of their own:
 * every road is driven at the plant limit `roadKmh` (emergency-resources.json), lanes narrower
 * than 6 m at 60 % of it. Edges naming unknown nodes are left out (the loader reports them).
 */
export function plantRoadGraph(roads: Roads, roadKmh: number): { graph: RoadGraph; edgeIds: string[] } {
  const index = new Map(roads.nodes.map((n, i) => [n.id, i] as const));
  const edges = roads.edges.filter((e) => index.has(e.from) && index.has(e.to));
  const v = roadKmh / 3.6;
  const graph = new RoadGraph(
    roads.nodes.map((n) => n.position),
    edges.map((e) => ({ from: index.get(e.from)!, to: index.get(e.to)!, speedMS: e.widthM < LANE_WIDTH_M ? v * LANE_FACTOR : v })),
  );
  return { graph, edgeIds: edges.map((e) => e.id) };
}
