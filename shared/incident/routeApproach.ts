import type { Point } from '../routing/polygon';
import { toWindFrame } from '../plume/windFrame';
import { fromWindFrame } from './zones';
import { bandAt, type CompiledZones } from './zonesRisk';

/** Default stand-off upwind of the source where responders form up, m. */
export const APPROACH_STANDOFF_M = 50;

/**
 * Where units are sent: a point `standoffM` upwind of the source on the plume's axis, moved
 * further upwind in 25 m steps while it lies inside a band. Without a plume, the source itself.
 */
export function approachPoint(source: Point, plume: { fromDeg: number; zones: CompiledZones } | null, standoffM = APPROACH_STANDOFF_M): [number, number] {
  if (!plume) return [source[0], source[1]];
  for (let d = standoffM, i = 0; i < 40; i++, d += 25) {
    const p = fromWindFrame(source, -d, 0, plume.fromDeg);
    if (bandAt(plume.zones, p[0], p[1]) === null) return p;
  }
  return fromWindFrame(source, -(standoffM + 1000), 0, plume.fromDeg);
}

/**
 * True when the route reaches its target from upwind: the last vertex before the target (the
 * road point it leaves the roads at, or the last junction) lies upwind of the source.
 */
export function approachesFromUpwind(route: readonly Point[], source: Point, fromDeg: number): boolean {
  if (route.length < 2) return false;
  const before = route[route.length - 2]!;
  return toWindFrame(source, before, fromDeg).downwind < 0;
}
