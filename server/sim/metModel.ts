import type { Rng } from '../../shared/util/rng';
import { Ch } from './channels';
import { clamp, ou } from './dynamics';
import type { Layout } from './layout';
import type { StepContext, UnitModel } from './stepContext';

/** Wind as the plume sees it: the slow (about minute-averaged) part, without gusts and wobble. */
export interface MetState {
  /** Mean wind speed, m/s. */
  windSpeedMs: number;
  /** Mean wind direction, meteorological degrees (blowing FROM), 0–360. */
  windFromDeg: number;
  /** Local solar-ish hour, 0–24 (plant time zone, no equation of time). */
  localHour: number;
}

const wrap360 = (d: number): number => ((d % 360) + 360) % 360;

/**
 * The met station (unit 0, always canonical units: m/s, degrees, °C, %). Wind speed is a
 * mean-reverting mean (τ 40 min) plus gusts (τ 6 s, ~18 % of the mean), never below zero;
 * direction is a bounded random walk around the prevailing direction (τ 15 min, ±100° at most)
 * plus a fast wobble that grows in light wind; ambient temperature has a diurnal cycle (peak at
 * 15:00 local) and a weather drift (τ 3 h); humidity falls as the day warms. Bounds keep every
 * met tag inside its alarm limits in normal weather.
 */
export class MetModel implements UnitModel {
  private meanSpeed: number;
  private gust = 0;
  private dirDev = 0;
  private wobble = 0;
  private tempDev = 0;
  private rhDev = 0;
  private readonly state: MetState;

  constructor(
    private readonly L: Layout,
    rng: Rng,
    private readonly tzOffsetMs: number,
    startTime: number,
  ) {
    this.meanSpeed = L.xd[Ch.WS] as number;
    this.dirDev = clamp(rng.normal() * 20, -60, 60);
    this.state = { windSpeedMs: this.meanSpeed, windFromDeg: wrap360((L.xd[Ch.WD] as number) + this.dirDev), localHour: this.hour(startTime) };
    this.write(startTime);
  }

  /** The current mean wind and local hour; the object is updated in place each step. */
  get met(): Readonly<MetState> {
    return this.state;
  }

  private hour(t: number): number {
    return ((((t + this.tzOffsetMs) / 3_600_000) % 24) + 24) % 24;
  }

  private maxMeanSpeed(): number {
    return Math.max(0.8, ((this.L.xd[Ch.WS] as number) + 0.7 * (this.L.up[Ch.WS] as number)) / 1.8);
  }

  step(ctx: StepContext): void {
    const { dt, rng } = ctx;
    const L = this.L;
    const xdWs = L.xd[Ch.WS] as number;
    this.meanSpeed = clamp(ou(this.meanSpeed, xdWs, 2400, 0.35 * xdWs, dt, rng), 0.6, this.maxMeanSpeed());
    this.gust = ou(this.gust, 0, 6, 0.18 * this.meanSpeed, dt, rng);
    this.dirDev = clamp(ou(this.dirDev, 0, 900, 40, dt, rng), -100, 100);
    this.wobble = ou(this.wobble, 0, 8, 4 + 6 / Math.max(this.meanSpeed, 1), dt, rng);
    const atMargin = Math.min(L.up[Ch.AT] as number, L.down[Ch.AT] as number);
    this.tempDev = ou(this.tempDev, 0, 3 * 3600, Math.min(1.5, 0.08 * atMargin), dt, rng);
    this.rhDev = ou(this.rhDev, 0, 3600, 4, dt, rng);
    this.write(ctx.t);
  }

  private write(t: number): void {
    const L = this.L;
    const s = this.state;
    s.localHour = this.hour(t);
    s.windSpeedMs = this.meanSpeed;
    s.windFromDeg = wrap360((L.xd[Ch.WD] as number) + this.dirDev);
    L.x[Ch.WS] = clamp(this.meanSpeed + this.gust, 0, (L.xd[Ch.WS] as number) + 0.9 * (L.up[Ch.WS] as number));
    L.x[Ch.WD] = wrap360(s.windFromDeg + this.wobble);
    const atd = L.xd[Ch.AT] as number;
    const atUp = L.up[Ch.AT] as number;
    const atDown = L.down[Ch.AT] as number;
    const swing = Math.min(5, 0.3 * Math.min(atUp, atDown));
    const at = clamp(atd + swing * Math.cos((2 * Math.PI * (s.localHour - 15)) / 24) + this.tempDev, atd - 0.45 * atDown, atd + 0.45 * atUp);
    L.x[Ch.AT] = at;
    const rhd = L.xd[Ch.RH] as number;
    const rh = rhd - 2.5 * (at - atd) + this.rhDev;
    L.x[Ch.RH] = clamp(rh, Math.max(5, rhd - 0.45 * (L.down[Ch.RH] as number)), Math.min(100, rhd + 0.45 * (L.up[Ch.RH] as number)));
  }

  restore(_u: number, ch: number, x: number): void {
    const L = this.L;
    if (ch === Ch.WS) this.meanSpeed = clamp(x, 0.6, this.maxMeanSpeed());
    else if (ch === Ch.WD) {
      const d = wrap360(x - (L.xd[Ch.WD] as number) + 180) - 180;
      this.dirDev = clamp(d, -100, 100);
    }
  }
}
