import type { Chemical, Plant, Tag } from '../../shared/plant/schema';
import { mgM3ToUnit, parseGasUnit } from '../../shared/plume/gasUnits';
import { nearFieldConcentration, plumeConcentration } from '../../shared/plume/gaussianPlume';
import { insolationAt, stabilityClass } from '../../shared/plume/stability';
import { toWindFrame } from '../../shared/plume/windFrame';
import { lag } from './dynamics';
import type { MetState } from './metModel';

/** Sensor response time constant, s (catalytic and electrochemical heads: T90 ≈ 20–30 s). */
const sensorTauS = 10;
/** Virtual-source distance, m: a leak starts a few metres wide, not as a point. */
const virtualSourceM = 5;
/** After a release stops, the near-field cloud clears with this time constant, s. */
const nearFadeS = 20;
/** A stopped release is forgotten after this long, s. */
const forgetAfterS = 1800;
/** Oxygen in air, %vol. */
const o2Air = 20.9;

interface Release {
  id: string;
  x: number;
  y: number;
  z: number;
  rateKgS: number;
  start: number;
  end: number;
  lastT: number;
  /** Distances downwind reached by the front and by the tail (after the release stops), m. */
  front: number;
  tail: number;
  /** Detector numbers (into the field's arrays) and mg/m³ → tag-unit factors. */
  dets: Int32Array;
  factors: Float64Array;
}

/**
 * Gas concentrations at the detectors from active and recently stopped releases: a Gaussian
 * plume along the current mean wind (Pasquill–Gifford class from wind speed and time of day)
 * whose front travels at the wind speed, floored by a near-field term around the source; each
 * detector reads it through a first-order sensor lag. Toxic detectors see their own chemical;
 * combustible detectors see any flammable release with an LEL, in %LEL of that chemical; oxygen
 * detectors see the dilution of air by everything released.
 */
export class GasField {
  /** Tag index of each detector. */
  readonly tagOf: Int32Array;
  /** Current reading above (below, for oxygen) the detector's baseline, tag units. */
  readonly reading: Float64Array;
  private readonly target: Float64Array;
  /** Detector positions, plant coordinates. */
  private readonly px: Float64Array;
  private readonly py: Float64Array;
  private readonly pz: Float64Array;
  private readonly tags: readonly Tag[];
  private releases: Release[] = [];

  constructor(
    plant: Plant,
    detectorTags: readonly number[],
  ) {
    this.tags = plant.tags;
    this.tagOf = Int32Array.from(detectorTags);
    const pos = (k: number, axis: 0 | 1 | 2): number => (plant.tags[detectorTags[k] as number] as Tag).position[axis];
    this.px = Float64Array.from(detectorTags, (_, k) => pos(k, 0));
    this.py = Float64Array.from(detectorTags, (_, k) => pos(k, 1));
    this.pz = Float64Array.from(detectorTags, (_, k) => pos(k, 2));
    this.reading = new Float64Array(detectorTags.length);
    this.target = new Float64Array(detectorTags.length);
  }

  /** Detectors that respond to a chemical, with the factor from mg/m³ to each one's unit. */
  private responders(chem: Chemical): { dets: Int32Array; factors: Float64Array } {
    const dets: number[] = [];
    const factors: number[] = [];
    const flammable = chem.hazards.includes('flammable') && chem.lelPctVol !== undefined;
    this.tagOf.forEach((ti, k) => {
      const t = this.tags[ti] as Tag;
      const unit = parseGasUnit(t.unit);
      let f: number | null = null;
      if (t.kind === 'gas_toxic' && t.chemical === chem.id) f = mgM3ToUnit(1, unit ?? 'mg/m3', chem.molarMass, chem.lelPctVol);
      else if (t.kind === 'gas_combustible' && (t.chemical === chem.id || flammable)) f = mgM3ToUnit(1, unit ?? '%LEL', chem.molarMass, chem.lelPctVol);
      else if (t.kind === 'oxygen' && unit === '%vol') {
        const pctVol = mgM3ToUnit(1, '%vol', chem.molarMass) as number;
        f = -o2Air * (pctVol / 100);
      }
      if (f !== null && f !== 0) {
        dets.push(k);
        factors.push(f);
      }
    });
    return { dets: Int32Array.from(dets), factors: Float64Array.from(factors) };
  }

  add(id: string, position: readonly [number, number, number], chem: Chemical, rateKgS: number, start: number, end: number): void {
    const { dets, factors } = this.responders(chem);
    this.releases.push({ id, x: position[0], y: position[1], z: position[2], rateKgS, start, end, lastT: start, front: 0, tail: 0, dets, factors });
  }

  /** Stops a release at time `t` (its gas then drifts away and fades). */
  stop(id: string, t: number): void {
    for (const r of this.releases) if (r.id === id && r.end > t) r.end = t;
  }

  get active(): number {
    return this.releases.length;
  }

  step(t: number, dtS: number, met: Readonly<MetState>): void {
    this.target.fill(0);
    const u = met.windSpeedMs;
    const stability = stabilityClass(u, insolationAt(met.localHour));
    for (const r of this.releases) {
      if (t < r.start) continue;
      const moved = Math.max(0, t - r.lastT) / 1000;
      r.lastT = Math.max(r.lastT, t);
      const onFor = Math.max(0, Math.min(t, r.end) - (t - moved * 1000)) / 1000;
      r.front += u * onFor;
      r.tail += u * (moved - onFor);
      const near = t <= r.end ? 1 : Math.exp(-(t - r.end) / 1000 / nearFadeS);
      const release = { rateKgS: r.rateKgS, heightM: r.z, windSpeedMs: u, stability, virtualSourceM };
      // The wind-frame axes once per release (toWindFrame, unrolled for the detector loop).
      const axis = toWindFrame([0, 0], [0, 1], met.windFromDeg);
      const ay = toWindFrame([0, 0], [1, 0], met.windFromDeg);
      const point = { x: 0, y: 0, z: 0 };
      for (let i = 0; i < r.dets.length; i++) {
        const k = r.dets[i] as number;
        const dx = (this.px[k] as number) - r.x;
        const dy = (this.py[k] as number) - r.y;
        const dz = (this.pz[k] as number) - r.z;
        const downwind = dx * ay.downwind + dy * axis.downwind;
        const crosswind = dx * ay.crosswind + dy * axis.crosswind;
        let far = 0;
        if (downwind > r.tail && downwind <= r.front) {
          point.x = downwind;
          point.y = crosswind;
          point.z = this.pz[k] as number;
          far = plumeConcentration(release, point);
        }
        const nearC = near > 1e-6 ? near * nearFieldConcentration(r.rateKgS, u, Math.sqrt(dx * dx + dy * dy + dz * dz)) : 0;
        this.target[k] = (this.target[k] as number) + Math.max(far, nearC) * (r.factors[i] as number);
      }
    }
    this.releases = this.releases.filter((r) => t <= r.end || (t - r.end) / 1000 < forgetAfterS);
    const a = lag(dtS, sensorTauS);
    for (let k = 0; k < this.reading.length; k++) {
      const cur = this.reading[k] as number;
      const tgt = this.target[k] as number;
      if (cur === 0 && tgt === 0) continue;
      const next = cur + (tgt - cur) * a;
      this.reading[k] = Math.abs(next) < 1e-9 ? 0 : next;
    }
  }
}
