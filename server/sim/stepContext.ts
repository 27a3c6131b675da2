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
   * Overpressure per unit: pressure to add on top of normal operation, channel units (0 = none;
   * factor × design pressure − normal at the end of the ramp). See designPressure().
   */
  boost: Float64Array;
  /** Per unit: 1 while a tripped interlock acts on it (feed or filling stopped; see interlocks.ts). */
  tripped: Uint8Array;
}

/** A model of one kind of unit, stepping every unit of that kind. */
export interface UnitModel {
  step(ctx: StepContext): void;
  /** Sets a unit's state from a restored channel value (canonical units) so values continue. */
  restore(unit: number, ch: number, x: number): void;
}

export const slot = (u: number, ch: number): number => u * NCH + ch;

/**
 * The unit's design pressure (canonical units of its pressure channel) that an overpressure
 * factor multiplies: `design.designPressureBarg` (the mechanical design pressure, where the PSV
 * is set) when the plant gives it and the channel is in barg; otherwise a stand-in just above
 * the highest pressure alarm — 10 % beyond HH, or 30 % beyond H — measured from normal.
 */
export function designPressure(L: Layout, u: number): number {
  const info = L.units[u];
  const s = slot(u, Ch.P);
  const xd = L.xd[s] as number;
  const given = info?.equipment?.design.designPressureBarg;
  if (given !== undefined && info?.canonical[Ch.P] && given > xd) return given;
  const p = info ? (info.primary[Ch.P] as number) : -1;
  const tag = p >= 0 ? L.tags[p] : undefined;
  if (!tag) return xd + (L.up[s] as number) * 1.3;
  const toChannel = (v: number): number => xd + (v - (L.op[p] as number)) / (v >= (L.op[p] as number) ? (L.kUp[p] as number) || 1 : (L.kDown[p] as number) || 1);
  if (tag.limits.hh !== undefined) return xd + (toChannel(tag.limits.hh) - xd) * 1.1;
  return xd + (toChannel(tag.limits.h ?? tag.range.hi) - xd) * 1.3;
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
