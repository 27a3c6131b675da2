import type { Rng } from '../../shared/util/rng';
import { Ch, NCH } from './channels';
import type { Layout } from './layout';
import { vapourPressure, vapourTemperature } from './dynamics';

/** What every unit model gets on each physics step. */
export interface StepContext {
  L: Layout;
  rng: Rng;
  /** Step end time, ms since epoch. */
  t: number;
  /** Step length, s. */
  dt: number;
  /**
   * Overpressure per unit: the fraction of the unit's base pressure to add on top of normal
   * operation (0 = none; factor − 1 at the end of the ramp). See pressureBase().
   */
  boost: Float64Array;
}

/** A model of one kind of unit, stepping every unit of that kind. */
export interface UnitModel {
  step(ctx: StepContext): void;
  /** Sets a unit's state from a restored channel value (canonical units) so values continue. */
  restore(unit: number, ch: number, x: number): void;
}

export const slot = (u: number, ch: number): number => u * NCH + ch;

/**
 * The pressure an overpressure factor multiplies: the design pressure, or the H limit where the
 * design pressure is smaller than its margin to H (near-atmospheric tanks, where "2 × 0.02 barg"
 * would mean nothing).
 */
export function pressureBase(L: Layout, u: number): number {
  const pd = L.xd[slot(u, Ch.P)] as number;
  const up = L.up[slot(u, Ch.P)] as number;
  return pd >= up ? pd : pd + up;
}

/** Temperature ↔ pressure coupling of a unit holding a boiling liquid. */
export interface Coupling {
  p(tC: number): number;
  t(p: number): number;
}

/**
 * Clausius–Clapeyron when both channels are in canonical units (°C, barg); otherwise a linear
 * relation that moves pressure by the same fraction of its margin as temperature moves of its.
 */
export function couplingFor(L: Layout, u: number, b: number): Coupling {
  const info = L.units[u];
  const sT = slot(u, Ch.T);
  const sP = slot(u, Ch.P);
  const td = L.xd[sT] as number;
  const pd = L.xd[sP] as number;
  if (info?.canonical[Ch.T] && info.canonical[Ch.P] && pd > -0.9) {
    return { p: (tC) => vapourPressure(tC, td, pd, b), t: (p) => vapourTemperature(p, td, pd, b) };
  }
  const kUp = (L.up[sP] as number) / (L.up[sT] as number);
  const kDown = (L.down[sP] as number) / (L.down[sT] as number);
  return {
    p: (tC) => pd + (tC - td) * (tC >= td ? kUp : kDown),
    t: (p) => td + (p - pd) / (p >= pd ? kUp : kDown),
  };
}
