import { Quality } from '../../shared/plant/band';
import type { Plant } from '../../shared/plant/schema';

export interface Wind {
  /** Mean speed at 10 m, m/s. */
  speedMS: number;
  /** Mean bearing the wind blows FROM, degrees clockwise from north (0–360). */
  fromDeg: number;
}

/** Averaging window: the plume wants the mean wind, not gusts and wobble (the simulator's wobble has τ ≈ 8 s). */
export const WIND_WINDOW_MS = 60_000;
const SAMPLE_MS = 1000;

/**
 * The met station's wind as the threat zones use it: a vector mean of the station's wind speed
 * and direction tags over the last minute (one sample a second from the latest values), or an
 * override set by a drill or test. Null until both tags have reported good values.
 */
export class WindSource {
  private readonly speedTag: number;
  private readonly dirTag: number;
  private readonly t: number[] = [];
  private readonly u: number[] = [];
  private readonly e: number[] = [];
  private readonly n: number[] = [];
  private lastSample = -Infinity;
  private forced: Wind | null = null;

  constructor(plant: Plant, private readonly windowMs = WIND_WINDOW_MS) {
    this.speedTag = plant.tags.findIndex((t) => t.kind === 'wind_speed');
    this.dirTag = plant.tags.findIndex((t) => t.kind === 'wind_direction');
  }

  /** Drill / test hook: use this wind instead of the station's (null returns to the station). */
  override(w: Wind | null): void {
    this.forced = w ? { speedMS: w.speedMS, fromDeg: ((w.fromDeg % 360) + 360) % 360 } : null;
  }

  get overridden(): boolean {
    return this.forced !== null;
  }

  /** Takes the station's latest values (call every tick; samples once a second). */
  sample(latest: { values: Float64Array; quality: Uint8Array }, now: number): void {
    if (this.speedTag < 0 || this.dirTag < 0 || now - this.lastSample < SAMPLE_MS) return;
    const s = latest.values[this.speedTag]!;
    const d = latest.values[this.dirTag]!;
    if (latest.quality[this.speedTag] !== Quality.Good || latest.quality[this.dirTag] !== Quality.Good || !Number.isFinite(s) || !Number.isFinite(d)) return;
    this.lastSample = now;
    const rad = (d * Math.PI) / 180;
    this.t.push(now);
    this.u.push(Math.max(0, s));
    this.e.push(Math.sin(rad));
    this.n.push(Math.cos(rad));
    while (this.t.length > 0 && this.t[0]! < now - this.windowMs) {
      this.t.shift();
      this.u.shift();
      this.e.shift();
      this.n.shift();
    }
  }

  current(): Wind | null {
    if (this.forced) return this.forced;
    const k = this.t.length;
    if (k === 0) return null;
    let u = 0;
    let e = 0;
    let n = 0;
    for (let i = 0; i < k; i++) {
      u += this.u[i]!;
      e += this.u[i]! * this.e[i]!;
      n += this.u[i]! * this.n[i]!;
    }
    // Direction: speed-weighted vector mean (a calm minute falls back to the plain unit-vector mean).
    if (Math.hypot(e, n) < 1e-9) {
      e = this.e.reduce((a, b) => a + b, 0);
      n = this.n.reduce((a, b) => a + b, 0);
    }
    const fromDeg = ((Math.atan2(e, n) * 180) / Math.PI + 360) % 360;
    return { speedMS: u / k, fromDeg };
  }
}
