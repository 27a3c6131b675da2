import type { Sigmas } from './briggs';

/**
 * Threat-zone footprint of a steady Gaussian plume with ground reflection (DOMAIN.md §5): step
 * downwind until the centreline concentration at the receptor height drops below the level of
 * concern (LOC); the half-width at x is σy·√(2·ln(C(x,0,z)/LOC)).
 */

export type SigmaFn = (x: number) => Sigmas;

export interface PlumeParams {
  /** kg/s. */
  rateKgS: number;
  /** Wind speed at release height, m/s (> 0), used as given. */
  windSpeedMs: number;
  /** Effective release height, m. */
  heightM: number;
  sigma: SigmaFn;
}

/** Concentration, kg/m³, at (x downwind, y crosswind, z height) in metres; 0 for x ≤ 0. */
export function plumeAt(p: PlumeParams, x: number, y: number, z: number): { c: number; sy: number; sz: number } {
  if (!(x > 0)) return { c: 0, sy: 0, sz: 0 };
  const { sy, sz } = p.sigma(x);
  if (!(sy > 0) || !(sz > 0) || !(p.windSpeedMs > 0)) return { c: 0, sy, sz };
  const h = p.heightM;
  const lateral = Math.exp(-(y * y) / (2 * sy * sy));
  const vertical = Math.exp(-((z - h) * (z - h)) / (2 * sz * sz)) + Math.exp(-((z + h) * (z + h)) / (2 * sz * sz));
  return { c: (p.rateKgS / (2 * Math.PI * p.windSpeedMs * sy * sz)) * lateral * vertical, sy, sz };
}

export interface ZoneExtent {
  /** Farthest downwind distance where the centreline reaches the LOC, m (0: nowhere). */
  downwindM: number;
  /** Nearest downwind distance where it does (> 0 for an elevated release), m. */
  nearM: number;
  /** Widest half-width, m, and where. */
  maxHalfWidthM: number;
  maxHalfWidthAtM: number;
  /** Half-width profile [x, halfWidth] along the zone, for drawing; empty when there is no zone. */
  profile: [number, number][];
}

const MIN_X = 1;
const MAX_X = 100_000;
const STEPS = 480;

/**
 * The zone where C ≥ `locKgM3` at height `zM` (usually 0, ground level). Log-spaced scan from
 * 1 m to 100 km, then bisection of the far edge to 0.1 %.
 */
export function threatZone(p: PlumeParams, locKgM3: number, zM = 0): ZoneExtent {
  const none: ZoneExtent = { downwindM: 0, nearM: 0, maxHalfWidthM: 0, maxHalfWidthAtM: 0, profile: [] };
  if (!(locKgM3 > 0)) return none;
  const ratio = Math.pow(MAX_X / MIN_X, 1 / STEPS);
  let near = 0;
  let far = 0;
  let farIndex = -1;
  let widest = 0;
  let widestAt = 0;
  const profile: [number, number][] = [];
  let x = MIN_X;
  for (let i = 0; i <= STEPS; i++, x *= ratio) {
    const { c, sy } = plumeAt(p, x, 0, zM);
    if (c >= locKgM3) {
      if (near === 0) near = x;
      far = x;
      farIndex = i;
      const w = sy * Math.sqrt(2 * Math.log(c / locKgM3));
      profile.push([x, w]);
      if (w > widest) {
        widest = w;
        widestAt = x;
      }
    }
  }
  if (farIndex < 0) return none;
  if (farIndex < STEPS) {
    let lo = far;
    let hi = far * ratio;
    while (hi - lo > lo * 1e-3) {
      const mid = (lo + hi) / 2;
      if (plumeAt(p, mid, 0, zM).c >= locKgM3) lo = mid;
      else hi = mid;
    }
    far = lo;
    profile.push([far, 0]);
  }
  return { downwindM: far, nearM: near, maxHalfWidthM: widest, maxHalfWidthAtM: widestAt, profile };
}
