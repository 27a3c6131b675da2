import { nearFieldConcentration, plumeConcentration } from '../plume/gaussianPlume';
import type { StabilityClass } from '../plume/stability';
import { toWindFrame } from '../plume/windFrame';

/** Bounds of an estimated rate, kg/s: below, nothing worth modelling; above, no plant hole gives it. */
export const RATE_ESTIMATE_MIN_KGS = 0.01;
export const RATE_ESTIMATE_MAX_KGS = 100;
/** The same virtual-source distance the plant simulator uses (server/sim/gasField.ts). */
const VIRTUAL_SOURCE_M = 5;

export interface DetectorReading {
  position: readonly [number, number, number];
  /** Reading above baseline, mg/m³. */
  mgM3: number;
}

export interface RateEstimateInput {
  source: readonly [number, number, number];
  readings: readonly DetectorReading[];
  windSpeedMs: number;
  windFromDeg: number;
  stability: StabilityClass;
}

/**
 * Release rate back-calculated from a detector group's readings (docs/incidents.md §Release
 * rate). Concentration is linear in the rate, so each detector gives Q = C_read / C(1 kg/s) with
 * C(1 kg/s) the larger of the Gaussian plume (Briggs rural, ground reflection) and the
 * near-field term at that detector; the estimate is the largest over the group, bounded to
 * [RATE_ESTIMATE_MIN_KGS, RATE_ESTIMATE_MAX_KGS]. It is a screening number and low at first:
 * detectors lag (T90 20–30 s) and a group confirms at its first level, before the cloud has
 * built up — the record marks it `rateEstimated` and the commander corrects it with
 * `incident.setSource`. Null when no detector reads anything.
 */
export function estimateReleaseRate(p: RateEstimateInput): number | null {
  let best = 0;
  for (const d of p.readings) {
    if (!(d.mgM3 > 0)) continue;
    const dx = d.position[0] - p.source[0];
    const dy = d.position[1] - p.source[1];
    const dz = d.position[2] - p.source[2];
    const w = toWindFrame([p.source[0], p.source[1]], [d.position[0], d.position[1]], p.windFromDeg);
    const far = plumeConcentration({ rateKgS: 1, heightM: p.source[2], windSpeedMs: p.windSpeedMs, stability: p.stability, virtualSourceM: VIRTUAL_SOURCE_M }, { x: w.downwind, y: w.crosswind, z: d.position[2] });
    const near = nearFieldConcentration(1, p.windSpeedMs, Math.hypot(dx, dy, dz));
    const unit = Math.max(far, near);
    if (unit > 0) best = Math.max(best, d.mgM3 / unit);
  }
  if (!(best > 0)) return null;
  return Math.min(RATE_ESTIMATE_MAX_KGS, Math.max(RATE_ESTIMATE_MIN_KGS, Number(best.toPrecision(3))));
}
