import type { Chemical } from '../../shared/plant/schema';
import type { Rng } from '../../shared/util/rng';
import { Ch } from './channels';
import { clamp, lag, ou } from './dynamics';
import type { Layout } from './layout';
import { couplingFor, slot, type Coupling, type StepContext, type UnitModel } from './stepContext';

const Phase = { Fill: 0, HoldFull: 1, Draw: 2, HoldLow: 3 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

interface Tank {
  u: number;
  phase: Phase;
  /** Level rate while filling or drawing, channel units per second (signed). */
  rate: number;
  holdUntil: number;
  level: number;
  lMin: number;
  lMax: number;
  /** Tank temperature's lagged deviation from mean ambient. */
  tDev: number;
  /** How much of the ambient swing the tank sees: 1 for ambient storage, small for heated or refrigerated. */
  ambientGain: number;
  tMin: number;
  tMax: number;
  breath: number;
  pressurised: boolean;
  coupling: Coupling;
  /** Transfer flow's lagged deviation from design, and its noise. */
  flow: number;
  flowDev: number;
}

/** ΔHvap/R (K) of liquefied gases stored under pressure; others take a generic value. */
function vapourB(c: Chemical | undefined): number {
  const f = c?.formula.replace(/\s+/g, '').toUpperCase() ?? '';
  if (f === 'CL2') return 2450;
  if (f === 'NH3') return 2800;
  if (f.includes('C3H8') || f.includes('C3H6')) return 2300;
  if (f.includes('C4H10')) return 2700;
  return 3000;
}

/**
 * Storage tanks, spheres and bullets. Level runs a loading/unloading cycle — fill at 1.5–4 h
 * per swing, hold 20–120 min, draw at 2–6 h per swing, hold — between bounds inside the
 * alarm margins, each tank with its own rates and starting phase. Temperature follows ambient
 * with a 3 h lag (fully for ambient storage, a little for heated or refrigerated tanks).
 * Pressurised storage (spheres, or design ≥ 1 barg: LPG, chlorine, ammonia) has pressure on the
 * vapour-pressure curve of its temperature; atmospheric tanks breathe slightly with filling.
 */
export class TankModel implements UnitModel {
  private readonly tanks = new Map<number, Tank>();

  constructor(
    private readonly L: Layout,
    units: readonly number[],
    private readonly rng: Rng,
    startTime: number,
  ) {
    for (const u of units) this.tanks.set(u, this.create(u, startTime));
  }

  private create(u: number, startTime: number): Tank {
    const L = this.L;
    const info = L.units[u];
    const rng = this.rng;
    const sL = slot(u, Ch.L);
    const ld = L.xd[sL] as number;
    const lMin = ld - 0.5 * (L.down[sL] as number);
    const lMax = ld + 0.5 * (L.up[sL] as number);
    const sT = slot(u, Ch.T);
    const sP = slot(u, Ch.P);
    const td = L.xd[sT] as number;
    const ambient = L.xd[Ch.AT] as number;
    const pressurised = info?.equipment?.kind === 'sphere' || (info?.canonical[Ch.P] === true && (L.xd[sP] as number) >= 1);
    const coupling = couplingFor(L, u, vapourB(info?.chemical));
    let tMin = td - 0.45 * (L.down[sT] as number);
    let tMax = td + 0.45 * (L.up[sT] as number);
    if (pressurised) {
      tMin = Math.max(tMin, coupling.t((L.xd[sP] as number) - 0.45 * (L.down[sP] as number)));
      tMax = Math.min(tMax, coupling.t((L.xd[sP] as number) + 0.45 * (L.up[sP] as number)));
    }
    const phase = Math.floor(rng.next() * 4) as Phase;
    const tank: Tank = {
      u,
      phase,
      rate: 0,
      holdUntil: startTime + rng.range(0, 3600) * 1000,
      level: lMin + rng.next() * (lMax - lMin),
      lMin,
      lMax,
      tDev: 0,
      ambientGain: Math.abs(td - ambient) < 12 ? 1 : 0.15,
      tMin,
      tMax,
      breath: 0,
      pressurised,
      coupling,
      flow: 0,
      flowDev: 0,
    };
    if (phase === Phase.Fill || phase === Phase.Draw) this.startMove(tank, phase);
    return tank;
  }

  private startMove(k: Tank, phase: Phase): void {
    const span = Math.max(k.lMax - k.lMin, 1e-9);
    k.phase = phase;
    k.rate = phase === Phase.Fill ? span / (this.rng.range(1.5, 4) * 3600) : -span / (this.rng.range(2, 6) * 3600);
  }

  private advancePhase(k: Tank, t: number, dt: number): void {
    switch (k.phase) {
      case Phase.Fill:
      case Phase.Draw:
        k.level += k.rate * dt;
        if (k.phase === Phase.Fill && k.level >= k.lMax) {
          k.level = k.lMax;
          k.phase = Phase.HoldFull;
          k.holdUntil = t + this.rng.range(20, 120) * 60_000;
        } else if (k.phase === Phase.Draw && k.level <= k.lMin) {
          k.level = k.lMin;
          k.phase = Phase.HoldLow;
          k.holdUntil = t + this.rng.range(20, 120) * 60_000;
        }
        break;
      case Phase.HoldFull:
        if (t >= k.holdUntil) this.startMove(k, Phase.Draw);
        break;
      case Phase.HoldLow:
        if (t >= k.holdUntil) this.startMove(k, Phase.Fill);
        break;
    }
  }

  step(ctx: StepContext): void {
    const { L, dt, rng } = ctx;
    const ambientDev = (L.x[Ch.AT] as number) - (L.xd[Ch.AT] as number);
    for (const k of this.tanks.values()) {
      const u = k.u;
      // A trip closes the inlet: a filling tank holds its level until the interlock is reset.
      if (!(ctx.tripped[u] === 1 && k.phase === Phase.Fill)) this.advancePhase(k, ctx.t, dt);
      k.tDev += (ambientDev - k.tDev) * lag(dt, 3 * 3600);
      const sT = slot(u, Ch.T);
      const sP = slot(u, Ch.P);
      const sF = slot(u, Ch.F);
      let tC = clamp((L.xd[sT] as number) + k.ambientGain * k.tDev, k.tMin, k.tMax);
      const moving = k.phase === Phase.Fill ? 1 : k.phase === Phase.Draw ? -1 : 0;
      let p: number;
      if (k.pressurised) p = k.coupling.p(tC);
      else {
        const target = moving > 0 ? 0.25 * (L.up[sP] as number) : moving < 0 ? -0.25 * (L.down[sP] as number) : 0;
        k.breath += (target - k.breath) * lag(dt, 120);
        p = (L.xd[sP] as number) + k.breath;
      }
      const boost = ctx.boost[u] as number;
      if (boost > 0) {
        const pNormal = p;
        p += boost;
        if (k.pressurised) tC += k.coupling.t(p) - k.coupling.t(pNormal);
      }
      k.flowDev = ou(k.flowDev, 0, 60, 0.05 * Math.min(L.up[sF] as number, L.down[sF] as number), dt, rng);
      const flowTarget = moving !== 0 ? 0.3 * (L.up[sF] as number) : -0.3 * (L.down[sF] as number);
      k.flow += (flowTarget - k.flow) * lag(dt, 60);
      L.x[sF] = (L.xd[sF] as number) + k.flow + k.flowDev;
      L.x[slot(u, Ch.L)] = k.level;
      L.x[sT] = tC;
      L.x[sP] = p;
    }
  }

  restore(u: number, ch: number, x: number): void {
    const k = this.tanks.get(u);
    if (!k) return;
    if (ch === Ch.L) k.level = clamp(x, k.lMin, k.lMax);
  }
}
