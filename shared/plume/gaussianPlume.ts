import { briggsSigma, type Terrain } from './briggs';
import type { StabilityClass } from './stability';

/**
 * Steady Gaussian plume with total ground reflection (DOMAIN.md §5):
 *   C = Q / (2π u σy σz) · exp(−y²/2σy²) · [exp(−(z−H)²/2σz²) + exp(−(z+H)²/2σz²)]
 * Units are whatever Q is in per m³: Q in mg/s gives mg/m³. u is clamped to ≥ `minWindMs`
 * because the formula diverges in calm air, where a plume model does not apply anyway.
 */
export function gaussianPlume(q: number, u: number, sy: number, sz: number, y: number, z: number, h: number): number {
  if (!(sy > 0) || !(sz > 0) || !(q > 0)) return 0;
  const uu = Math.max(u, minWindMs);
  const lateral = Math.exp((-y * y) / (2 * sy * sy));
  const vertical = Math.exp((-(z - h) * (z - h)) / (2 * sz * sz)) + Math.exp((-(z + h) * (z + h)) / (2 * sz * sz));
  return (q / (2 * Math.PI * uu * sy * sz)) * lateral * vertical;
}

/** Below this the plume formula is not used as-is (calm conditions). */
export const minWindMs = 0.5;

export interface PlumePoint {
  /** Distance downwind of the source along the plume axis, m (≤ 0 is upwind). */
  x: number;
  /** Crosswind distance from the axis, m. */
  y: number;
  /** Receptor height above grade, m. */
  z: number;
}

export interface PlumeRelease {
  /** Release rate, kg/s. */
  rateKgS: number;
  /** Release height above grade, m. */
  heightM: number;
  windSpeedMs: number;
  stability: StabilityClass;
  terrain?: Terrain;
  /**
   * Virtual-source distance, m, added to x: a real release starts with a finite size, and
   * Briggs' σ go to zero at the source. 0 gives the textbook point source.
   */
  virtualSourceM?: number;
}

/** Concentration in mg/m³ at a receptor in the wind frame; zero upwind (x ≤ 0). */
export function plumeConcentration(r: PlumeRelease, p: PlumePoint): number {
  if (!(p.x > 0)) return 0;
  const { sy, sz } = briggsSigma(r.stability, p.x + (r.virtualSourceM ?? 0), r.terrain ?? 'rural');
  return gaussianPlume(r.rateKgS * 1e6, r.windSpeedMs, sy, sz, p.y, p.z, r.heightM);
}

/**
 * Near-field term: close to a release the gas spreads in every direction (jet momentum,
 * eddies round equipment, slumping of heavy gas) before the wind organises it into a plume.
 * Modelled as the release mixing through a hemisphere of radius r at a local mixing speed
 * (the wind, at least 1 m/s), cut off beyond a few tens of metres:
 *   C(r) = Q / (2π · u_mix · max(r, coreM)²) · exp(−r / decayM)      (mg/m³ for Q in kg/s × 10⁶)
 * It makes a detector a few metres from a leak read high even slightly upwind; it is a floor
 * under the plume near the source, not a dispersion model.
 */
export function nearFieldConcentration(rateKgS: number, windSpeedMs: number, r: number, decayM = 10, coreM = 1): number {
  if (!(rateKgS > 0) || !(decayM > 0)) return 0;
  const u = Math.max(windSpeedMs, 1);
  const rr = Math.max(Math.abs(r), coreM);
  return ((rateKgS * 1e6) / (2 * Math.PI * u * rr * rr)) * Math.exp(-Math.abs(r) / decayM);
}
