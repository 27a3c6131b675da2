import type { CompiledZone } from '../../shared/people/compileZones';
import { compileShape, insideShape } from '../../shared/people/geometry';
import type { RoadRouter } from '../../shared/people/roadRouter';
import type { Plant } from '../../shared/plant/schema';

/** Where simulated people stand to work: beside equipment, or inside a building on a storey. */
export interface WorkPoint {
  x: number;
  y: number;
  z: number;
  /** 0 outdoors, k = storey k of `building`. */
  floor: number;
  area: number;
  building: string | null;
  /** Zones the point lies in or its access leg from the road crosses (people need authorisation for each; confined spaces are never crossed). */
  zones: number[];
}

/** Distance kept from an equipment footprint, m (people stand beside it, not in it). */
const STAND_OFF_M = 2;
const LEG_STEP_M = 0.5;
/** How far from its point a worker moves while working (PeopleSimulator fidgets 1.2–1.4 m), plus fix noise (3σ). */
export const FIDGET_REACH_M = 2.2;

/**
 * Work points of a plant: one beside each piece of equipment at grade (on the side facing its
 * nearest road), and one per storey of each building. Points outside their area, and points
 * whose access leg from the road would cross a confined space or other equipment standing on
 * the ground, are dropped.
 */
export function buildWorkPoints(plant: Plant, router: RoadRouter, zones: readonly CompiledZone[]): WorkPoint[] {
  const areaIndex = new Map(plant.areas.map((a, i) => [a.id, i] as const));
  const inArea = (i: number, x: number, y: number): boolean => {
    const a = plant.areas[i]!;
    return x >= a.min[0] && x <= a.max[0] && y >= a.min[1] && y <= a.max[1];
  };
  // Equipment standing on the ground that people walk round, not through (elevated items, such as
  // condensers and pipe racks, they walk under).
  const solids = plant.equipment
    .filter((e) => e.position[2] < 2 && e.kind !== 'pipe_rack')
    .map((e) => ({ id: e.id, shape: compileShape(plant, { type: 'equipment', equipment: e.id, marginM: 0.3 })! }));
  const out: WorkPoint[] = [];
  const add = (x: number, y: number, z: number, floor: number, area: number, building: string | null, own: string | null): void => {
    const road = router.nearest(x, y);
    const crossed = new Set<number>();
    const steps = road ? Math.max(1, Math.ceil(road.dist / LEG_STEP_M)) : 0;
    for (let s = 0; s <= steps; s++) {
      const f = steps === 0 ? 1 : s / steps;
      const px = road ? road.x + (x - road.x) * f : x;
      const py = road ? road.y + (y - road.y) * f : y;
      const pz = s === steps ? z : 0;
      zones.forEach((zone, k) => {
        if (insideShape(zone.shape, px, py, pz)) crossed.add(k);
      });
      if (building === null && solids.some((e) => e.id !== own && insideShape(e.shape, px, py, 0))) return;
    }
    // People fidget round the point (PeopleSimulator): the circle they use counts as the point.
    for (let k = 0; k < 16; k++) {
      const a = (k * Math.PI) / 8;
      const px = x + FIDGET_REACH_M * Math.cos(a);
      const py = y + FIDGET_REACH_M * Math.sin(a);
      zones.forEach((zone, zi) => {
        if (insideShape(zone.shape, px, py, z)) crossed.add(zi);
      });
    }
    if ([...crossed].some((k) => zones[k]!.kind === 'confined')) return;
    out.push({ x, y, z, floor, area, building, zones: [...crossed].sort((a, b) => a - b) });
  };
  for (const e of plant.equipment) {
    const area = areaIndex.get(e.area);
    // Elevated items (condensers on structures) are worked from platforms, not modelled here.
    if (area === undefined || e.position[2] >= 2 || e.kind === 'pipe_rack' || e.kind === 'met_mast' || e.kind === 'flare') continue;
    const [cx, cy] = e.position;
    const reach = e.shape.type === 'box' ? Math.max(e.shape.size[0], e.shape.size[1]) / 2 : e.shape.radius;
    const road = router.nearest(cx, cy);
    let dx = road ? road.x - cx : 0;
    let dy = road ? road.y - cy : -1;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    const x = Math.round((cx + dx * (reach + STAND_OFF_M)) * 100) / 100;
    const y = Math.round((cy + dy * (reach + STAND_OFF_M)) * 100) / 100;
    if (inArea(area, x, y)) add(x, y, 0, 0, area, null, e.id);
  }
  for (const b of plant.buildings) {
    const area = areaIndex.get(b.area);
    if (area === undefined) continue;
    const storey = b.size[2] / b.floors;
    for (let f = 1; f <= b.floors; f++) add(b.position[0], b.position[1], Math.round((b.position[2] + (f - 1) * storey) * 100) / 100, f, area, b.id, null);
  }
  return out;
}
