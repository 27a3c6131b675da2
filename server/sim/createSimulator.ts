import type { Plant } from '../../shared/plant/schema';
import { Quality } from '../../shared/plant/band';
import type { Injection } from '../../shared/protocol/injection';
import { createRng } from '../../shared/util/rng';
import { Ch, NCH, type Channel } from './channels';
import { clamp, ou } from './dynamics';
import { GasField } from './gasField';
import { GenericModel } from './genericModel';
import { Fail, Injections } from './injections';
import { SimInterlocks, TRIP_LAG_S } from './interlocks';
import { buildLayout, TagSrc } from './layout';
import { MetModel } from './metModel';
import { ReactorModel } from './reactorModel';
import type { StepContext, UnitModel } from './stepContext';
import { TankModel } from './tankModel';
import { tzOffsetMs } from './timezone';
import type { PlantSimulator, SampleBatch } from './types';

export interface SimulatorOptions {
  seed: number;
  /** Simulation start, ms since epoch; the first tick at or after it samples every tag. */
  startTime: number;
  /** Sampling period for every tag, overriding each tag's own `periodMs`. */
  periodMs?: number;
  /**
   * Spread each tag's sampling phase over its period in steps of this many ms (by a fixed hash
   * of the tag's index). Field devices report on their own clocks; with the default (0) every tag
   * samples at startTime + k·period, so one tick carries every tag at once — the worst case for
   * fan-out latency at 50,000 tags (docs/performance.md).
   */
  phaseStepMs?: number;
  /** Prevailing weather (canonical units), overriding the met mast's design values. */
  met?: { windSpeedMs?: number; windFromDeg?: number; ambientC?: number; humidityPct?: number };
}

/** Physics advances in fixed steps of this length, aligned to startTime. */
export const stepMs = 1000;
/** A tick further than this past the last step is a gap: one long step, one sample per tag. */
export const maxGapMs = 60_000;
/** Across a gap, physics advances in steps of this length, and in at most this many steps. */
const gapStepMs = 30_000;
const maxGapSteps = 2880;
/** Time constant of each tag's own slow drift, s. */
const driftTauS = 1200;

/**
 * Creates the plant simulator. Deterministic: the same plant, seed, start time, sequence of
 * tick times and injections give byte-identical samples. It never reads a clock; randomness
 * comes from shared/util/rng seeded by `seed` (one stream for the physics, one for sensor
 * noise). See docs/simulator.md for the models.
 */
export function createSimulator(plant: Plant, opts: SimulatorOptions): PlantSimulator {
  const met: Partial<Record<Channel, number>> = {};
  if (opts.met?.windSpeedMs !== undefined) met[Ch.WS] = opts.met.windSpeedMs;
  if (opts.met?.windFromDeg !== undefined) met[Ch.WD] = opts.met.windFromDeg;
  if (opts.met?.ambientC !== undefined) met[Ch.AT] = opts.met.ambientC;
  if (opts.met?.humidityPct !== undefined) met[Ch.RH] = opts.met.humidityPct;
  const L = buildLayout(plant, { periodMs: opts.periodMs, met });
  const n = plant.tags.length;
  const physicsRng = createRng(opts.seed);
  const noiseRng = createRng((opts.seed ^ 0x5bd1e995) >>> 0);

  const byKind = (k: string): number[] => L.units.filter((u) => u.kind === k).map((u) => u.index);
  const metModel = new MetModel(L, physicsRng, tzOffsetMs(plant.meta.timezone, opts.startTime), opts.startTime);
  const reactors = new ReactorModel(L, byKind('reactor'), physicsRng, opts.startTime);
  const tanks = new TankModel(L, byKind('tank'), physicsRng, opts.startTime);
  const generic = new GenericModel(L, [...byKind('rotating'), ...byKind('generic')], physicsRng);
  const modelOf: UnitModel[] = L.units.map((u) => (u.kind === 'met' ? metModel : u.kind === 'reactor' ? reactors : u.kind === 'tank' ? tanks : generic));
  const gas = new GasField(plant, L.detectors);
  const detOf = new Int32Array(n).fill(-1);
  gas.tagOf.forEach((ti, k) => (detOf[ti] = k));
  const injections = new Injections(plant, L, gas);
  const interlocks = new SimInterlocks(plant, L, (units, t) => injections.endOverpressures(units, t + TRIP_LAG_S * 1000));

  const boost = new Float64Array(L.units.length);
  const ctx: StepContext = { L, rng: physicsRng, t: opts.startTime, dt: stepMs / 1000, boost, tripped: interlocks.unitTripped };
  const physicsStep = (t: number, dtS: number): void => {
    ctx.t = t;
    ctx.dt = dtS;
    injections.refreshFailures(t);
    injections.fillBoost(t, boost);
    metModel.step(ctx);
    reactors.step(ctx);
    tanks.step(ctx);
    generic.step(ctx);
    gas.step(t, dtS, metModel.met);
  };
  // Settle the models at the start so the first samples are consistent (lags, couplings).
  physicsStep(opts.startTime, 0);

  const phase = new Float64Array(n);
  if (opts.phaseStepMs !== undefined && opts.phaseStepMs > 0) {
    const q = opts.phaseStepMs;
    for (let i = 0; i < n; i++) {
      const steps = Math.max(1, Math.floor((L.periodMs[i] as number) / q));
      phase[i] = ((Math.imul(i + 1, 0x9e3779b1) >>> 0) % steps) * q;
    }
  }
  const nextDue = Float64Array.from(phase, (ph) => opts.startTime + ph);
  const drift = new Float64Array(n);
  const driftDecay = L.periodMs.map((p) => Math.exp(-p / 1000 / driftTauS));
  const driftScale = driftDecay.map((d) => Math.sqrt(1 - d * d));
  const driftT = new Float64Array(n).fill(opts.startTime);
  const latestValues = new Float64Array(n).fill(NaN);
  const latestQuality = new Uint8Array(n).fill(Quality.Offline);
  const latestTimes = new Float64Array(n);
  /** 1 once a lost (I/O outage, offline) tag has reported the loss. */
  const lostSent = new Uint8Array(n);
  let physicsTime = opts.startTime;
  let lastNow = opts.startTime - 1;
  /** Latest time seen by tick or inject: when clear() takes effect. */
  let current = opts.startTime;
  const batch: SampleBatch = { count: 0, ids: new Uint32Array(n), values: new Float64Array(n), times: new Float64Array(n), quality: new Uint8Array(n) };

  const grow = (): void => {
    const cap = batch.ids.length * 2 || 1024;
    const ids = new Uint32Array(cap);
    const values = new Float64Array(cap);
    const times = new Float64Array(cap);
    const quality = new Uint8Array(cap);
    ids.set(batch.ids);
    values.set(batch.values);
    times.set(batch.times);
    quality.set(batch.quality);
    Object.assign(batch, { ids, values, times, quality });
  };

  const modelValue = (i: number, t: number): number => {
    let v: number;
    switch (L.src[i]) {
      case TagSrc.Channel: {
        const s = (L.unit[i] as number) * NCH + (L.ch[i] as number);
        const x = L.x[s] as number;
        const d = L.xd[s] as number;
        v = (L.op[i] as number) + (x - d) * (x >= d ? (L.kUp[i] as number) : (L.kDown[i] as number));
        break;
      }
      case TagSrc.WindDir: {
        const lo = L.lo[i] as number;
        const wd = L.x[Ch.WD] as number;
        return (L.hi[i] as number) - lo >= 359 ? lo + ((((wd - lo) % 360) + 360) % 360) : clamp(wd, lo, L.hi[i] as number);
      }
      case TagSrc.Gas:
        v = (L.op[i] as number) + (gas.reading[detOf[i] as number] as number);
        break;
      default:
        v = L.op[i] as number;
    }
    const ds = L.driftSigma[i] as number;
    if (ds > 0) {
      const dtS = (t - (driftT[i] as number)) / 1000;
      // The usual step is one period: its decay is precomputed (same arithmetic as ou()).
      drift[i] =
        dtS === (L.periodMs[i] as number) / 1000
          ? (drift[i] as number) * (driftDecay[i] as number) + ds * (driftScale[i] as number) * noiseRng.normal()
          : ou(drift[i] as number, 0, driftTauS, ds, dtS, noiseRng);
      driftT[i] = t;
      v += drift[i] as number;
    }
    const ns = L.noise[i] as number;
    if (ns > 0) v += ns * noiseRng.normal();
    return clamp(v, L.lo[i] as number, L.hi[i] as number);
  };

  const emit = (i: number, t: number): void => {
    const mode = injections.failMode[i];
    if (mode === Fail.Offline) return;
    let v: number;
    let q: number = Quality.Good;
    if (mode === Fail.Lost) {
      if (lostSent[i] === 1) return;
      lostSent[i] = 1;
      v = NaN;
      q = Quality.Offline;
    } else {
      lostSent[i] = 0;
      if (mode === Fail.Stuck) v = injections.stuckValue[i] as number;
      else if (mode === Fail.Bad) {
        v = NaN;
        q = Quality.Bad;
      } else {
        // The model value is drawn even for a held tag, so a trip never shifts other tags' noise.
        v = modelValue(i, t);
        if ((interlocks.holdCount[i] as number) > 0) v = interlocks.held[i] as number;
      }
    }
    if (batch.count === batch.ids.length) grow();
    const k = batch.count++;
    batch.ids[k] = i;
    batch.values[k] = v;
    batch.times[k] = t;
    batch.quality[k] = q;
    latestValues[i] = v;
    latestQuality[i] = q;
    latestTimes[i] = t;
    if (interlocks.isTrigger[i] === 1) interlocks.observe(i, v, q, t);
  };

  /** Emits every sample due before `limit` (or at it, when inclusive), using the current state. */
  const emitDue = (limit: number, inclusive: boolean): void => {
    for (let i = 0; i < n; i++) {
      const p = L.periodMs[i] as number;
      let due = nextDue[i] as number;
      while (inclusive ? due <= limit : due < limit) {
        emit(i, due);
        due += p;
      }
      nextDue[i] = due;
    }
  };

  const jump = (now: number): void => {
    const target = physicsTime + Math.floor((now - physicsTime) / stepMs) * stepMs;
    // Cross the gap in coarse steps (the models are exact or sub-step for any dt), beyond a day
    // in one leap first: a restart after a week must not replay the week.
    const coarse = Math.max(gapStepMs, Math.ceil((target - physicsTime) / maxGapSteps / stepMs) * stepMs);
    while (physicsTime < target) {
      const next = Math.min(target, physicsTime + coarse);
      physicsStep(next, (next - physicsTime) / 1000);
      physicsTime = next;
    }
    for (let i = 0; i < n; i++) {
      const p = L.periodMs[i] as number;
      const start = opts.startTime + (phase[i] as number);
      const last = start + Math.floor((now - start) / p) * p;
      if ((nextDue[i] as number) < last) nextDue[i] = last;
    }
  };

  return {
    tick(now: number): SampleBatch {
      batch.count = 0;
      if (!(now > lastNow)) return batch;
      lastNow = now;
      current = Math.max(current, now);
      if (now - physicsTime > maxGapMs) jump(now);
      while (physicsTime + stepMs <= now) {
        emitDue(physicsTime + stepMs, false);
        physicsStep(physicsTime + stepMs, stepMs / 1000);
        physicsTime += stepMs;
      }
      emitDue(now, true);
      return batch;
    },
    inject(injection: Injection, now: number, id?: string): string {
      current = Math.max(current, now);
      const key = injections.add(injection, now, id, latestValues);
      if (injection.kind === 'detector_failure' || injection.kind === 'io_outage') {
        for (let i = 0; i < n; i++) {
          const m = injections.failMode[i];
          if (m === Fail.Offline || m === Fail.Lost) latestQuality[i] = Quality.Offline;
        }
      }
      return key;
    },
    clear(id?: string): string[] {
      return injections.clear(current, id);
    },
    expire(now: number): string[] {
      return injections.expire(now);
    },
    latest() {
      return { values: latestValues.slice(), quality: latestQuality.slice(), times: latestTimes.slice() };
    },
    restore(values: Float64Array, quality: Uint8Array, times: Float64Array): void {
      latestValues.set(values.subarray(0, n));
      latestQuality.set(quality.subarray(0, n));
      latestTimes.set(times.subarray(0, n));
      for (const info of L.units) {
        for (let ch = 0; ch < NCH; ch++) {
          const p = info.primary[ch] as number;
          if (p < 0 || quality[p] !== Quality.Good) continue;
          const v = values[p] as number;
          if (!Number.isFinite(v)) continue;
          const s = info.index * NCH + ch;
          const x = ch === Ch.WD ? v : (L.xd[s] as number) + (v - (L.op[p] as number)) / (v >= (L.op[p] as number) ? (L.kUp[p] as number) : (L.kDown[p] as number));
          modelOf[info.index]?.restore(info.index, ch, x);
        }
      }
      // Re-derive the channels from the restored state before anything is sampled.
      physicsStep(physicsTime, 0);
    },
    interlockStates: () => interlocks.states(),
    resetInterlock(id: string, now: number): void {
      current = Math.max(current, now);
      interlocks.reset(id);
    },
    setInterlockBypass: (id: string, on: boolean) => interlocks.setBypass(id, on),
    restoreInterlock: (id, state) => interlocks.restore(id, state),
  };
}
