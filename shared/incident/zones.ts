import { evaluatePlume, sigmaFunction, type SigmaScheme } from '../plume/dispersionApi';
import { ppmToMgM3 } from '../plume/gasUnits';
import { insolationAt, stabilityClass, type StabilityClass } from '../plume/stability';
import type { ChemicalThreat, ThreatBand } from '../plume/threatLevels';
import { threatZone, type PlumeParams } from '../plume/threatZones';
import type { IncidentZones, ThreatZone } from './threat';

/**
 * Live threat zones of an incident (docs/incidents.md, "Threat zones, muster and dispatch"):
 * the shared Gaussian plume's footprint at each level of concern, laid on the plant as
 * ground-level polygons. The wind frame is the one of shared/plume/windFrame.ts: the wind blows
 * FROM `fromDeg` (meteorological, clockwise from north), so the plume points to fromDeg + 180°.
 */

/** Most vertices one zone polygon may have (the event schema allows 400). */
export const MAX_ZONE_VERTICES = 360;

export interface ZoneInput {
  incidentId: string;
  /** Release point in plant coordinates (m). */
  position: readonly [number, number, number];
  chemical: ChemicalThreat;
  rateKgS: number;
  heightM: number;
  /** Wind at 10 m: speed and the bearing it blows from. */
  wind: { speedMS: number; fromDeg: number };
  stability: StabilityClass;
  sigma?: SigmaScheme;
}

/** Unit vector the air travels along, and its right-hand perpendicular (looking downwind). */
export function windAxes(fromDeg: number): { wx: number; wy: number; rx: number; ry: number } {
  const rad = (fromDeg * Math.PI) / 180;
  const wx = -Math.sin(rad);
  const wy = -Math.cos(rad);
  return { wx, wy, rx: wy, ry: -wx };
}

/** A point of the wind frame (downwind, crosswind) back to plant coordinates; inverse of toWindFrame. */
export function fromWindFrame(source: readonly [number, number], downwind: number, crosswind: number, fromDeg: number): [number, number] {
  const { wx, wy, rx, ry } = windAxes(fromDeg);
  return [source[0] + downwind * wx + crosswind * rx, source[1] + downwind * wy + crosswind * ry];
}

/**
 * Pasquill–Gifford class from the 10 m wind, the plant's local hour and cloud cover (NOAA table
 * via shared/plume/stability.ts; the more stable class where the table gives two).
 */
export function stabilityFor(windSpeedMS: number, localHour: number, cloudy = false): StabilityClass {
  return stabilityClass(windSpeedMS, insolationAt(localHour, cloudy));
}

/** Threshold of a level in ppm (given, or a fraction of the LEL); null when the chemical has no LEL. */
function levelPpm(chem: ChemicalThreat, level: { ppm?: number | undefined; lelFraction?: number | undefined }): number | null {
  if (level.ppm !== undefined) return level.ppm;
  if (level.lelFraction !== undefined && chem.lelPctVol !== undefined) return level.lelFraction * chem.lelPctVol * 1e4;
  return null;
}

/** Profile [x, halfWidth] thinned to at most `max` points, keeping both ends. */
function thin(profile: readonly [number, number][], max: number): [number, number][] {
  if (profile.length <= max) return profile.map(([x, w]) => [x, w]);
  const out: [number, number][] = [];
  for (let i = 0; i < max; i++) {
    const p = profile[Math.round((i * (profile.length - 1)) / (max - 1))]!;
    out.push([p[0], p[1]]);
  }
  return out;
}

/**
 * The closed ground-level outline of one zone: up the right-hand edge (crosswind +w), back down
 * the left (−w), counter-clockwise seen from above when the wind blows from the south.
 */
export function zonePolygon(source: readonly [number, number], fromDeg: number, profile: readonly [number, number][]): [number, number][] {
  if (profile.length === 0) return [];
  const side = thin(profile, Math.floor(MAX_ZONE_VERTICES / 2));
  const out: [number, number][] = [];
  for (const [x, w] of side) out.push(fromWindFrame(source, x, w, fromDeg));
  for (let i = side.length - 1; i >= 0; i--) {
    const [x, w] = side[i]!;
    if (w > 0) out.push(fromWindFrame(source, x, -w, fromDeg));
  }
  return out.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
}

/**
 * Zones at every level of the chemical's default level set (AEGL for toxics, LEL fractions for
 * flammables), innermost (red) first, with the plume API's warnings (dense gas, calm wind).
 * The wind speed at 10 m is used as the speed at release height (no profile correction).
 */
export function computeIncidentZones(input: ZoneInput): IncidentZones {
  const sigma = input.sigma ?? 'briggs-rural';
  const speed = Math.max(input.wind.speedMS, 0.5);
  const params: PlumeParams = { rateKgS: input.rateKgS, windSpeedMs: speed, heightM: input.heightM, sigma: sigmaFunction(sigma, input.stability) };
  const chem = input.chemical;
  const setName = Object.keys(chem.levelSets)[0] as 'aegl' | 'erpg' | 'lel';
  const levels = chem.levelSets[setName] ?? [];
  const source: [number, number] = [input.position[0], input.position[1]];
  const zones: ThreatZone[] = levels.flatMap((level): ThreatZone[] => {
    const ppm = levelPpm(chem, level);
    if (ppm === null) return [];
    const zone = threatZone(params, ppmToMgM3(ppm, chem.molarMass) / 1e6, 0);
    return [{ band: level.band, level: level.name, ppm, downwindM: zone.downwindM, halfWidthM: zone.maxHalfWidthM, polygon: zonePolygon(source, input.wind.fromDeg, zone.profile) }];
  });
  zones.sort((a, b) => bandRank(a.band) - bandRank(b.band));
  const { warnings } = evaluatePlume(
    { releaseRateKgS: input.rateKgS, windSpeedMS: speed, releaseHeightM: input.heightM, stability: input.stability, sigma, receptors: [], chemical: chem.id, levelSet: setName },
    chem,
  );
  return {
    incidentId: input.incidentId,
    wind: { speedMS: input.wind.speedMS, fromDeg: input.wind.fromDeg },
    stability: input.stability,
    sigma,
    source: { position: [input.position[0], input.position[1], input.position[2]], chemical: chem.id, rateKgS: input.rateKgS, heightM: input.heightM },
    zones,
    warnings,
  };
}

export function bandRank(b: ThreatBand): number {
  return b === 'red' ? 0 : b === 'orange' ? 1 : 2;
}

/** Smallest angle between two bearings, degrees (0–180). */
export function bearingDiff(a: number, b: number): number {
  const d = Math.abs((((a - b) % 360) + 540) % 360 - 180);
  return d;
}

/**
 * Whether the wind moved enough to recompute the zones: direction by more than `dirDeg`, speed
 * by more than `speedFrac` of the last, or another stability class.
 */
export function windChanged(
  last: { speedMS: number; fromDeg: number; stability: StabilityClass },
  now: { speedMS: number; fromDeg: number; stability: StabilityClass },
  dirDeg = 5,
  speedFrac = 0.1,
): boolean {
  if (now.stability !== last.stability) return true;
  if (bearingDiff(now.fromDeg, last.fromDeg) > dirDeg) return true;
  return Math.abs(now.speedMS - last.speedMS) > speedFrac * Math.max(last.speedMS, 0.5);
}
