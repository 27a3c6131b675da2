import { inBox, SlabPolygon, type Box, type Point } from '../routing/polygon';
import type { ThreatBand } from '../plume/threatLevels';
import type { IncidentZones, PeopleAtRisk } from './threat';
import { bandRank } from './zones';

/** Zone polygons prepared for fast point tests (bounding box, then slab-bucketed edges), innermost band first. */
export interface CompiledZones {
  bands: { band: ThreatBand; polygon: readonly Point[]; box: Box; fast: SlabPolygon }[];
  /** Box of all bands together (the outermost band's, normally). */
  box: Box | null;
}

export function compileZones(z: Pick<IncidentZones, 'zones'>): CompiledZones {
  const bands = z.zones
    .filter((zone) => zone.polygon.length >= 3)
    .map((zone) => {
      const fast = new SlabPolygon(zone.polygon);
      return { band: zone.band, polygon: zone.polygon, box: fast.box, fast };
    })
    .sort((a, b) => bandRank(a.band) - bandRank(b.band));
  if (bands.length === 0) return { bands, box: null };
  const box = {
    minX: Math.min(...bands.map((b) => b.box.minX)),
    minY: Math.min(...bands.map((b) => b.box.minY)),
    maxX: Math.max(...bands.map((b) => b.box.maxX)),
    maxY: Math.max(...bands.map((b) => b.box.maxY)),
  };
  return { bands, box };
}

/** The innermost band holding the point, or null. */
export function bandAt(c: CompiledZones, x: number, y: number): ThreatBand | null {
  if (!c.box || !inBox(c.box, x, y)) return null;
  for (const b of c.bands) if (b.fast.contains(x, y)) return b.band;
  return null;
}

/** Positions of people as columns (person index → x, y); people not `onSite` are skipped. */
export interface PositionColumns {
  count: number;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  onSite(p: number): boolean;
  id(p: number): string;
}

/**
 * Everyone inside a band (innermost band wins), in person order. One bounding-box test rejects
 * most people; the polygon test runs only inside it.
 */
export function peopleAtRisk(incidentId: string, c: CompiledZones, pos: PositionColumns, limit = 10_000): PeopleAtRisk {
  const counts = { red: 0, orange: 0, yellow: 0 };
  const people: PeopleAtRisk['people'] = [];
  for (let p = 0; p < pos.count; p++) {
    if (!pos.onSite(p)) continue;
    const band = bandAt(c, pos.x[p]!, pos.y[p]!);
    if (band === null) continue;
    counts[band]++;
    if (people.length < limit) people.push({ person: pos.id(p), band });
  }
  return { incidentId, counts, people };
}

/** Order-insensitive identity of a people-at-risk set, to journal only changes. */
export function riskKey(r: PeopleAtRisk): string {
  return r.people.map((e) => `${e.person}:${e.band}`).join(',');
}
