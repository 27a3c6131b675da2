import type { Vec3 } from '../plant/primitives';

/** What locating needs from the plant (areas are axis-aligned footprints, docs/plant-model.md). */
export interface LocateContext {
  areas: readonly { id: string; min: readonly [number, number]; max: readonly [number, number] }[];
  equipment: ReadonlyMap<string, { area: string; position: Vec3 }>;
}

export type Located = { ok: true; area: string | null; equipment: string | null; position: Vec3 } | { ok: false; message: string };

/** The area whose footprint holds (x, y), or null (roads, outside the site). Edges count as inside. */
export function areaAt(ctx: LocateContext, x: number, y: number): string | null {
  for (const a of ctx.areas) if (x >= a.min[0] && x <= a.max[0] && y >= a.min[1] && y <= a.max[1]) return a.id;
  return null;
}

export function areaCentroid(ctx: LocateContext, id: string): Vec3 | null {
  const a = ctx.areas.find((x) => x.id === id);
  return a ? [(a.min[0] + a.max[0]) / 2, (a.min[1] + a.max[1]) / 2, 0] : null;
}

/**
 * Where a hazard is: the position given, else the equipment's position, else the area's
 * centroid; the area given, else the equipment's area, else the area under the position.
 * Unknown equipment or area ids, or nothing to locate it by, are refused.
 */
export function locateHazard(ctx: LocateContext, given: { position?: Vec3 | undefined; area?: string | undefined; equipment?: string | undefined }): Located {
  const eq = given.equipment !== undefined ? ctx.equipment.get(given.equipment) : undefined;
  if (given.equipment !== undefined && !eq) return { ok: false, message: `unknown equipment "${given.equipment.slice(0, 80)}" / 未知设备` };
  if (given.area !== undefined && !ctx.areas.some((a) => a.id === given.area)) return { ok: false, message: `unknown area "${given.area.slice(0, 80)}" / 未知区域` };
  const position = given.position ?? eq?.position ?? (given.area !== undefined ? areaCentroid(ctx, given.area) : null);
  if (!position) return { ok: false, message: 'give a position, an area or a piece of equipment to locate the hazard / 请提供隐患的位置、区域或设备' };
  const area = given.area ?? eq?.area ?? areaAt(ctx, position[0], position[1]);
  return { ok: true, area, equipment: given.equipment ?? null, position: [position[0], position[1], position[2]] };
}
