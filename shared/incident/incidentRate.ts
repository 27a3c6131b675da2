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

/** Universal gas constant, J/(mol·K); atmospheric pressure, Pa. */
const R = 8.314;
const P_ATM = 101_325;

export interface OrificeInput {
  /** Gauge pressure upstream of the hole, bar. */
  pressureBarg: number;
  /** g/mol. */
  molarMass: number;
  temperatureC?: number;
  /** Hole diameter, mm (default 10: the "small" representative hole of QRA practice ⚠ recalled). */
  holeMm?: number;
  /** Discharge coefficient (default 0.85 for gas through a sharp hole ⚠ recalled, CCPS). */
  cd?: number;
  /** Ratio of specific heats (default 1.3). */
  gamma?: number;
}

/**
 * Gas-phase discharge through a hole in pressurised equipment (ideal gas): choked flow
 *   Q = Cd·A·P·√(γ·M/(R·T)·(2/(γ+1))^((γ+1)/(γ−1)))
 * when P/Pa is above the critical ratio ((γ+1)/2)^(γ/(γ−1)) ≈ 1.83, else the subsonic
 * incompressible form Q = Cd·A·√(2·ρ·ΔP). A screening value for equipment with no detector
 * reading, and a floor under a back-calculation from saturated detectors; it understates a
 * liquid-phase leak of a liquefied gas (chlorine, ammonia, LPG), which the commander corrects.
 * Null when the equipment is not above atmospheric pressure.
 */
export function orificeRateKgS(o: OrificeInput): number | null {
  const gamma = o.gamma ?? 1.3;
  const p = o.pressureBarg * 1e5 + P_ATM;
  if (!(p > P_ATM) || !(o.molarMass > 0)) return null;
  const t = (o.temperatureC ?? 20) + 273.15;
  const m = o.molarMass / 1000;
  const d = (o.holeMm ?? 10) / 1000;
  const area = (Math.PI * d * d) / 4;
  const cd = o.cd ?? 0.85;
  const critical = ((gamma + 1) / 2) ** (gamma / (gamma - 1));
  const q = p / P_ATM >= critical ? cd * area * p * Math.sqrt(((gamma * m) / (R * t)) * (2 / (gamma + 1)) ** ((gamma + 1) / (gamma - 1))) : cd * area * Math.sqrt(2 * ((p * m) / (R * t)) * (p - P_ATM));
  return Math.min(RATE_ESTIMATE_MAX_KGS, Math.max(RATE_ESTIMATE_MIN_KGS, Number(q.toPrecision(3))));
}
