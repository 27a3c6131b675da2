import { Ch } from './channels';
import { clamp, lag, ou, smoothstep } from './dynamics';
import type { Layout } from './layout';
import { couplingFor, slot, type Coupling, type StepContext, type UnitModel } from './stepContext';
import type { Rng } from '../../shared/util/rng';

/** Longest internal integration step, s. */
const maxSubStepS = 5;
/** ΔHvap/R of a typical reactor solvent (toluene, methanol), K. */
const solventB = 4000;

interface Reactor {
  u: number;
  cycleS: number;
  phase0: number;
  /** How far below design the batch cools between batches (°C or channel units), and the level dips. */
  ampT: number;
  ampL: number;
  tBulk: number;
  tJacket: number;
  level: number;
  feedDev: number;
  speedDev: number;
  disturb: number;
  coupling: Coupling;
}

/**
 * Batch reactors. Each cycles slowly (2–4 h, its own phase): charge (level rises), heat-up
 * (temperature setpoint ramps to design), hold, discharge (level falls, batch cools). A jacket
 * controller drives the jacket temperature, the bulk follows it with lag, and pressure follows
 * bulk temperature by vapour pressure. Feed flow and agitator speed hold setpoint with noise,
 * and the level feels feed deviations. Amplitudes are sized from the alarm margins so the
 * cycle never reaches an alarm limit.
 */
export class ReactorModel implements UnitModel {
  private readonly reactors = new Map<number, Reactor>();

  constructor(
    private readonly L: Layout,
    units: readonly number[],
    rng: Rng,
    startTime: number,
  ) {
    for (const u of units) {
      const r = this.create(u, rng);
      const sp = this.setpoints(r, startTime);
      r.tBulk = sp.t;
      r.tJacket = sp.t;
      r.level = sp.l;
      this.reactors.set(u, r);
    }
  }

  private create(u: number, rng: Rng): Reactor {
    const L = this.L;
    const coupling = couplingFor(L, u, solventB);
    const td = L.xd[slot(u, Ch.T)] as number;
    const pd = L.xd[slot(u, Ch.P)] as number;
    let ampT = Math.min(0.45 * (L.down[slot(u, Ch.T)] as number), 40);
    // Pressure falls with temperature: keep the cool end inside the pressure margin too.
    const pFloor = pd - 0.45 * (L.down[slot(u, Ch.P)] as number);
    if (coupling.p(td - ampT) < pFloor) ampT = Math.max(0, Math.min(ampT, td - coupling.t(pFloor)));
    return {
      u,
      cycleS: rng.range(2, 4) * 3600,
      phase0: rng.next(),
      ampT,
      ampL: 0.45 * (L.down[slot(u, Ch.L)] as number),
      tBulk: td,
      tJacket: td,
      level: L.xd[slot(u, Ch.L)] as number,
      feedDev: 0,
      speedDev: 0,
      disturb: 0,
      coupling,
    };
  }

  /** Temperature and level setpoints at time t (ms) from the batch phase. */
  private setpoints(r: Reactor, t: number): { t: number; l: number } {
    const td = this.L.xd[slot(r.u, Ch.T)] as number;
    const ld = this.L.xd[slot(r.u, Ch.L)] as number;
    const ph = (((t / 1000 / r.cycleS + r.phase0) % 1) + 1) % 1;
    let heat: number;
    let fill: number;
    if (ph < 0.15) {
      fill = smoothstep(ph / 0.15);
      heat = 0;
    } else if (ph < 0.35) {
      fill = 1;
      heat = smoothstep((ph - 0.15) / 0.2);
    } else if (ph < 0.8) {
      fill = 1;
      heat = 1;
    } else {
      const d = smoothstep((ph - 0.8) / 0.2);
      fill = 1 - d;
      heat = 1 - d;
    }
    return { t: td - r.ampT * (1 - heat), l: ld - r.ampL * (1 - fill) };
  }

  step(ctx: StepContext): void {
    // The jacket loop is integrated explicitly: keep its sub-steps short for stability.
    const n = Math.max(1, Math.ceil(ctx.dt / maxSubStepS));
    for (let k = n - 1; k >= 0; k--) this.subStep(ctx, ctx.t - (k * ctx.dt * 1000) / n, ctx.dt / n);
  }

  private subStep(ctx: StepContext, t: number, dt: number): void {
    const { L, rng } = ctx;
    for (const r of this.reactors.values()) {
      const u = r.u;
      const sp = this.setpoints(r, t);
      const sT = slot(u, Ch.T);
      const upT = L.up[sT] as number;
      // Jacket controller: proportional on bulk error, jacket lags its target, bulk lags jacket.
      const jTarget = sp.t + clamp(1.5 * (sp.t - r.tBulk), -2 * r.ampT - 0.2 * upT, 2 * r.ampT + 0.2 * upT);
      r.tJacket += (jTarget - r.tJacket) * lag(dt, 90);
      r.tBulk += (r.tJacket - r.tBulk) * lag(dt, 600);
      r.disturb = ou(r.disturb, 0, 300, 0.04 * Math.min(upT, L.down[sT] as number), dt, rng);
      const sF = slot(u, Ch.F);
      const fMargin = Math.min(L.up[sF] as number, L.down[sF] as number);
      r.feedDev = ou(r.feedDev, 0, 60, 0.08 * fMargin, dt, rng);
      const sL = slot(u, Ch.L);
      // A trip stops the feed and holds the batch: the level stays where it was.
      if (ctx.tripped[u] !== 1) r.level += (sp.l - r.level) * lag(dt, 300) + (r.feedDev / Math.max(fMargin, 1e-9)) * 0.0005 * (L.down[sL] as number) * dt;
      const sN = slot(u, Ch.N);
      r.speedDev = ou(r.speedDev, 0, 30, 0.05 * Math.min(L.up[sN] as number, L.down[sN] as number), dt, rng);

      let tOut = r.tBulk + r.disturb;
      const pNormal = r.coupling.p(tOut);
      let p = pNormal;
      const boost = ctx.boost[u] as number;
      if (boost > 0) {
        p = pNormal + boost;
        tOut += r.coupling.t(p) - r.coupling.t(pNormal);
      }
      const rise = tOut - r.tBulk - r.disturb;
      L.x[sT] = tOut;
      L.x[slot(u, Ch.P)] = p;
      const sJ = slot(u, Ch.TJ);
      // Jacket channel: normalised heat duty (see layout), ±0.3 in normal operation; a runaway
      // (overpressure) pushes it up by the temperature rise as a fraction of the bulk margin.
      L.x[sJ] = 0.3 * clamp((r.tJacket - r.tBulk) / Math.max(r.ampT, 1), -1, 1) + rise / upT;
      L.x[sL] = r.level;
      L.x[sF] = (L.xd[sF] as number) + r.feedDev;
      L.x[sN] = (L.xd[sN] as number) + r.speedDev;
    }
  }

  restore(u: number, ch: number, x: number): void {
    const r = this.reactors.get(u);
    if (!r) return;
    if (ch === Ch.T) {
      r.tBulk = x;
      r.tJacket = x;
    } else if (ch === Ch.L) r.level = x;
  }
}
