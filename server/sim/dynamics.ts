import type { Rng } from '../../shared/util/rng';

/** Fraction of the way a first-order lag with time constant `tauS` moves in `dtS`; exact for any step. */
export function lag(dtS: number, tauS: number): number {
  return 1 - Math.exp(-dtS / tauS);
}

/**
 * One exact step of an Ornstein–Uhlenbeck process (mean-reverting noise) with stationary
 * standard deviation `sigma`: stable and statistically correct for any step length, so a long
 * gap between ticks is one step rather than many.
 */
export function ou(x: number, mean: number, tauS: number, sigma: number, dtS: number, rng: Rng): number {
  const decay = Math.exp(-dtS / tauS);
  return mean + (x - mean) * decay + sigma * Math.sqrt(1 - decay * decay) * rng.normal();
}

/** 0 → 1 over [0, 1] with zero slope at both ends. */
export function smoothstep(u: number): number {
  const c = Math.min(1, Math.max(0, u));
  return c * c * (3 - 2 * c);
}

export const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

const atm = 1.01325;

/**
 * Vapour-pressure coupling (Clausius–Clapeyron) anchored at a design point: pressure (barg) at
 * temperature `tC` for a liquid whose saturation pressure is `pdBarg` at `tdC`.
 * `b` = ΔHvap / R in kelvin (≈ 2,300 for propane, 2,450 chlorine, 2,800 ammonia, ~4,000 for
 * solvents such as toluene or methanol).
 */
export function vapourPressure(tC: number, tdC: number, pdBarg: number, b: number): number {
  return (pdBarg + atm) * Math.exp(b * (1 / (tdC + 273.15) - 1 / (tC + 273.15))) - atm;
}

/** Inverse of vapourPressure: the temperature (°C) at which the liquid's pressure is `pBarg`. */
export function vapourTemperature(pBarg: number, tdC: number, pdBarg: number, b: number): number {
  const ratio = (Math.max(pBarg, -0.99) + atm) / (pdBarg + atm);
  return 1 / (1 / (tdC + 273.15) - Math.log(ratio) / b) - 273.15;
}
