/**
 * Alarm evaluation throughput (`bench: "alarm-eval"`): samples per second through the server's
 * alarm path on one core — the shared ConditionEvaluator (limits with deadband and delays, ROC,
 * BAD, 2oo3 voting, stale sweep) and, for every condition change, the shared lifecycle
 * `transition`, whole-record `alarm.changed` events and their journal append (SQLite in memory)
 * — on the reference plant scaled to N tags, one sample per tag per simulated second.
 *
 * Values: every tag sits mid-way between its low and high limits with a little noise; one tag in
 * `excursionEvery` swings past its high limit (or below its low one) for 40 s of every 80, so
 * alarms activate and clear through their delays all along.
 */
import { ConditionChanges } from '../../shared/alarm/conditions';
import type { Plant } from '../../shared/plant/schema';
import { ManualClock } from '../../shared/util/clock';
import { createRng } from '../../shared/util/rng';
import { AlarmEngine } from '../../server/alarm/AlarmEngine';
import { defaultAlarmSettings } from '../../server/alarm/defaultAlarmSettings';
import { FloodMonitor } from '../../server/alarm/FloodMonitor';
import { TagConditions } from '../../server/alarm/TagConditions';
import { CommandEngine } from '../../server/engine/CommandEngine';
import type { SampleBatch } from '../../server/sim/types';
import { openSqliteStore } from '../../server/store/openSqliteStore';

export interface AlarmEvalOptions {
  plant: Plant;
  durationMs: number;
  excursionEvery?: number;
}

export interface AlarmEvalResult {
  tags: number;
  /** Samples/s through evaluator + lifecycle + journal (the server's alarm stage). */
  samplesPerSec: number;
  /** Samples/s through the evaluator alone, for comparison. */
  evaluatorOnlySamplesPerSec: number;
  simulatedSeconds: number;
  transitions: number;
  transitionsPerSimulatedSecond: number;
  /** Wall time of one simulated second (all tags), ms: mean and worst. */
  msPerTick: { mean: number; max: number };
}

const NOISE_VARIANTS = 8;
const CYCLE_S = 80;

function valueTables(plant: Plant, excursionEvery: number): { normal: Float64Array[]; excursion: Float64Array[] } {
  const n = plant.tags.length;
  const rng = createRng(7);
  const normal: Float64Array[] = [];
  const excursion: Float64Array[] = [];
  for (let v = 0; v < NOISE_VARIANTS; v++) {
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    plant.tags.forEach((t, i) => {
      const span = t.range.hi - t.range.lo;
      const lo = t.limits.l ?? t.limits.ll ?? t.range.lo;
      const hi = t.limits.h ?? t.limits.hh ?? t.range.hi;
      const mid = (lo + hi) / 2;
      const noise = (rng.next() - 0.5) * 0.002 * span;
      a[i] = mid + noise;
      const swing = i % excursionEvery === 0;
      const beyond = t.limits.h !== undefined || t.limits.hh !== undefined ? Math.max(t.limits.h ?? -Infinity, t.limits.hh ?? -Infinity) + 0.05 * span : lo - 0.05 * span;
      b[i] = swing ? beyond + noise : mid + noise;
    });
    normal.push(a);
    excursion.push(b);
  }
  return { normal, excursion };
}

export function runAlarmEval(opts: AlarmEvalOptions): AlarmEvalResult {
  const { plant } = opts;
  const n = plant.tags.length;
  const settings = plant.alarmSettings ?? defaultAlarmSettings;
  const tables = valueTables(plant, opts.excursionEvery ?? 200);
  const t0 = Date.UTC(2026, 0, 1);
  const batch: SampleBatch = { count: n, ids: Uint32Array.from({ length: n }, (_, i) => i), values: tables.normal[0]!, times: new Float64Array(n), quality: new Uint8Array(n) };
  const valuesAt = (s: number): Float64Array => (s % CYCLE_S < CYCLE_S / 2 ? tables.normal : tables.excursion)[s % NOISE_VARIANTS]!;

  // Evaluator alone.
  const conditionsOnly = new TagConditions(plant.tags, settings);
  const out = new ConditionChanges(4096);
  let s = 0;
  let samples = 0;
  const ev = conditionsOnly.evaluator;
  const e0 = performance.now();
  while (performance.now() - e0 < opts.durationMs / 3) {
    const t = t0 + ++s * 1000;
    const values = valuesAt(s);
    out.clear();
    for (let i = 0; i < n; i++) ev.evaluate(i, values[i]!, 0, t, out);
    samples += n;
  }
  const evaluatorOnlySamplesPerSec = samples / ((performance.now() - e0) / 1000);

  // The whole alarm stage.
  const clock = new ManualClock(t0);
  const engine = CommandEngine.open(openSqliteStore(':memory:'), clock, { everyEvents: Number.MAX_SAFE_INTEGER, everyMs: Number.MAX_SAFE_INTEGER });
  const alarms = new AlarmEngine({ engine, clock, settings, conditions: new TagConditions(plant.tags, settings), flood: new FloodMonitor(settings.kpi) });
  const durations: number[] = [];
  s = 0;
  samples = 0;
  const a0 = performance.now();
  while (performance.now() - a0 < opts.durationMs) {
    const t = t0 + ++s * 1000;
    clock.set(t);
    batch.values = valuesAt(s);
    batch.times.fill(t);
    const start = performance.now();
    engine.appendBatch(alarms.run(batch, t));
    durations.push(performance.now() - start);
    samples += n;
  }
  const seconds = (performance.now() - a0) / 1000;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    tags: n,
    samplesPerSec: Math.round(samples / seconds),
    evaluatorOnlySamplesPerSec: Math.round(evaluatorOnlySamplesPerSec),
    simulatedSeconds: s,
    transitions: alarms.stats.transitions,
    transitionsPerSimulatedSecond: round(alarms.stats.transitions / s),
    msPerTick: { mean: round(durations.reduce((x, y) => x + y, 0) / durations.length), max: round(Math.max(...durations)) },
  };
}
