import type { Rng } from '../../shared/util/rng';
import { Ch, NCH } from './channels';
import { clamp, ou } from './dynamics';
import type { Layout } from './layout';
import { slot, type StepContext, type UnitModel } from './stepContext';

// How each channel follows the unit's load (a slow, shared disturbance): a pump's discharge
// pressure falls as its flow rises (pump curve) and its vibration rises with flow; in process
// equipment temperature, pressure and flow rise together.
const rotatingGain: number[] = [0.3, -0.5, -0.2, 1, 0.1, 0.4, 0.6, 0.2, 0, 0, 0, 0];
const processGain: number[] = [1, 0.8, 0.3, 0.6, 0.1, 0.3, 0.8, 0.6, 0, 0, 0, 0];

interface Unit {
  u: number;
  load: number;
  gains: number[];
}

/**
 * Pumps, compressors and everything without a dedicated model (columns, exchangers, vessels,
 * boilers, cooling towers, flares, loading arms). A slow load variable (τ 20 min) moves every
 * channel by up to ~30 % of its alarm margin in a fixed pattern; overpressure raises pressure
 * and, by half as much of its margin, temperature.
 */
export class GenericModel implements UnitModel {
  private readonly units: Unit[] = [];

  constructor(
    private readonly L: Layout,
    units: readonly number[],
    rng: Rng,
  ) {
    for (const u of units) {
      const rotating = L.units[u]?.kind === 'rotating';
      this.units.push({ u, load: clamp(rng.normal() * 0.3, -0.8, 0.8), gains: rotating ? rotatingGain : processGain });
    }
  }

  step(ctx: StepContext): void {
    const { L, dt, rng } = ctx;
    for (const k of this.units) {
      const u = k.u;
      k.load = clamp(ou(k.load, 0, 1200, 0.3, dt, rng), -0.8, 0.8);
      for (let ch = 0; ch < Ch.WS; ch++) {
        const s = u * NCH + ch;
        const m = k.load * (k.gains[ch] as number) * 0.35;
        L.x[s] = (L.xd[s] as number) + m * (m >= 0 ? (L.up[s] as number) : (L.down[s] as number));
      }
      const boost = ctx.boost[u] as number;
      if (boost > 0) {
        const sP = slot(u, Ch.P);
        const dp = boost;
        L.x[sP] = (L.x[sP] as number) + dp;
        const sT = slot(u, Ch.T);
        L.x[sT] = (L.x[sT] as number) + 0.5 * (dp / (L.up[sP] as number)) * (L.up[sT] as number);
      }
    }
  }

  restore(): void {
    // Stateless but for the load, which a snapshot does not carry; values continue within noise.
  }
}
