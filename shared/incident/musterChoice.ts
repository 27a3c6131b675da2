import type { Point } from '../routing/polygon';
import { toWindFrame } from '../plume/windFrame';
import { bandAt, type CompiledZones } from './zonesRisk';

/**
 * Where a muster point lies with respect to the plume: `upwind` (behind the source), `crosswind`
 * (downwind but at least 45° off the plume's axis and outside every band), or `downwind`
 * (near the axis, or inside a band). Evacuees are sent upwind or crosswind, never downwind.
 */
export type MusterSide = 'upwind' | 'crosswind' | 'downwind';

export interface PlumeSide {
  source: Point;
  fromDeg: number;
  zones: CompiledZones;
}

export function musterSide(plume: PlumeSide, point: Point): MusterSide {
  if (bandAt(plume.zones, point[0], point[1]) !== null) return 'downwind';
  const f = toWindFrame(plume.source, point, plume.fromDeg);
  if (f.downwind <= 0) return 'upwind';
  return Math.abs(f.crosswind) >= f.downwind ? 'crosswind' : 'downwind';
}

export interface MusterCandidate {
  id: string;
  position: Point;
}

/**
 * The muster point for someone at `at`: the nearest upwind or crosswind one; when there is none,
 * the nearest outside every band; only when every point is inside a band, the nearest of all
 * (`fallback` true). Without a plume (evacuation of areas with no modelled release), the nearest.
 */
export function chooseMusterPoint(at: Point, points: readonly MusterCandidate[], plume: PlumeSide | null): { id: string; side: MusterSide | null; fallback: boolean } | null {
  if (points.length === 0) return null;
  const d = (p: MusterCandidate): number => Math.hypot(p.position[0] - at[0], p.position[1] - at[1]);
  const nearest = (list: readonly MusterCandidate[]): MusterCandidate | null => list.reduce<MusterCandidate | null>((best, p) => (best === null || d(p) < d(best) ? p : best), null);
  if (!plume) return { id: nearest(points)!.id, side: null, fallback: false };
  const sides = new Map(points.map((p) => [p.id, musterSide(plume, p.position)] as const));
  const safe = nearest(points.filter((p) => sides.get(p.id) !== 'downwind'));
  if (safe) return { id: safe.id, side: sides.get(safe.id)!, fallback: false };
  const outside = nearest(points.filter((p) => bandAt(plume.zones, p.position[0], p.position[1]) === null));
  const pick = outside ?? nearest(points)!;
  return { id: pick.id, side: 'downwind', fallback: true };
}
