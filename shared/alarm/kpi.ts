import type { AlarmSettings } from '../plant/alarmConfig';
import { priorities, type Priority } from './model';

/**
 * Alarm-system KPIs (ISA-18.2-2016 Table 7, EEMUA 191; DOMAIN.md §1, docs/alarms.md "KPIs"),
 * as pure functions over lists. Times are epoch ms; periods are half-open [from, to).
 * "Activations" are annunciated activations only (shelved, suppressed and out-of-service
 * alarms are not counted), one per alarm becoming active.
 */

export interface Activation {
  alarmId: string;
  area: string;
  priority: Priority;
  time: number;
}

/** A condition transition of one alarm (activate → active true, clear → false). */
export interface ConditionTransition {
  alarmId: string;
  time: number;
  active: boolean;
}

export type KpiSettings = AlarmSettings['kpi'];
export type RateBands = NonNullable<KpiSettings['rateBands']>;
export type RateBand = 'acceptable' | 'manageable' | 'over_demanding' | 'unacceptable';

/** EEMUA 191 edges when a plant's settings carry none (DOMAIN.md §1 ⚠). */
export const defaultRateBands: RateBands = Object.freeze({
  acceptable: 1,
  manageable: 2,
  overDemanding: 10,
  source: 'EEMUA 191 as quoted in DOMAIN.md §1 ⚠: ≤ 1 per 10 min very likely acceptable, 2 manageable, > 10 unacceptable',
});

const TEN_MIN = 600_000;
const HOUR = 3_600_000;

/** Counts per consecutive bucket of `bucketMs` from `from`; the last bucket may be partial. */
export function bucketCounts(activations: readonly Pick<Activation, 'time'>[], from: number, to: number, bucketMs: number): number[] {
  const n = Math.max(0, Math.ceil((to - from) / bucketMs));
  const counts = new Array<number>(n).fill(0);
  for (const a of activations) {
    if (a.time < from || a.time >= to) continue;
    const k = Math.floor((a.time - from) / bucketMs);
    counts[k] = (counts[k] as number) + 1;
  }
  return counts;
}

export interface Rates {
  count: number;
  per10Min: number;
  perHour: number;
}

/** Average rates over [from, to), overall and per area. */
export function alarmRates(activations: readonly Activation[], from: number, to: number): Rates & { byArea: Record<string, Rates> } {
  const span = Math.max(1, to - from);
  const rates = (count: number): Rates => ({ count, per10Min: (count * TEN_MIN) / span, perHour: (count * HOUR) / span });
  const byAreaCount = new Map<string, number>();
  let count = 0;
  for (const a of activations) {
    if (a.time < from || a.time >= to) continue;
    count++;
    byAreaCount.set(a.area, (byAreaCount.get(a.area) ?? 0) + 1);
  }
  const byArea: Record<string, Rates> = {};
  for (const [area, c] of [...byAreaCount].sort((x, y) => (x[0] < y[0] ? -1 : 1))) byArea[area] = rates(c);
  return { ...rates(count), byArea };
}

/** EEMUA 191 band of an average rate per 10 min. */
export function rateBand(per10Min: number, bands: RateBands = defaultRateBands): RateBand {
  if (per10Min <= bands.acceptable) return 'acceptable';
  if (per10Min <= bands.manageable) return 'manageable';
  if (per10Min <= bands.overDemanding) return 'over_demanding';
  return 'unacceptable';
}

export interface FloodPeriod {
  start: number;
  /** null when the flood is still on at `to`. */
  end: number | null;
  /** Most activations in the trailing window during the flood. */
  peak: number;
}

export interface FloodAnalysis {
  periods: FloodPeriod[];
  /** Share of [from, to) spent in flood, 0–1. */
  timeInFloodShare: number;
  /** Most activations in any window of `floodWindowS` (sliding) within [from, to). */
  peakWindowCount: number;
}

/**
 * Replays the flood state over a period with the same rule as `FloodDetector`: the trailing
 * window (t − W, t] holds more than `floodEnter` → flood; fewer than `floodExit` → over.
 * Only activations in [from, to) count.
 */
export function analyseFloods(activations: readonly Pick<Activation, 'time'>[], from: number, to: number, kpi: KpiSettings): FloodAnalysis {
  const w = kpi.floodWindowS * 1000;
  const times = activations
    .map((a) => a.time)
    .filter((t) => t >= from && t < to)
    .sort((a, b) => a - b);
  const periods: FloodPeriod[] = [];
  let current: FloodPeriod | null = null;
  let head = 0;
  let count = 0;
  let peakWindowCount = 0;
  for (let i = 0; i <= times.length; i++) {
    const last = i === times.length;
    const arrival = last ? to : (times[i] as number);
    // Expiries up to and including the arrival time leave first: at t = tⱼ + W, tⱼ is out.
    // After the last arrival, only expiries inside the period count.
    while (head < i && ((times[head] as number) + w < arrival || (!last && (times[head] as number) + w === arrival))) {
      const at = (times[head] as number) + w;
      head++;
      count--;
      if (current && count < kpi.floodExit) {
        current.end = at;
        periods.push(current);
        current = null;
      }
    }
    if (last) break;
    count++;
    peakWindowCount = Math.max(peakWindowCount, count);
    if (current) current.peak = Math.max(current.peak, count);
    else if (count > kpi.floodEnter) current = { start: arrival, end: null, peak: count };
  }
  if (current) periods.push(current);
  let inFlood = 0;
  for (const p of periods) inFlood += Math.max(0, Math.min(p.end ?? to, to) - Math.max(p.start, from));
  return { periods, timeInFloodShare: to > from ? inFlood / (to - from) : 0, peakWindowCount };
}

export interface ChatteringAlarm {
  alarmId: string;
  /** Most complete activate-and-clear cycles inside one chatter window. */
  maxCycles: number;
  /** Total cycles in the list. */
  cycles: number;
}

/**
 * Alarms with ≥ `chatterCycles` activate-and-clear cycles wholly inside one `chatterWindowS`
 * window (PAS). Transitions may come in any order; they are sorted per alarm by time.
 */
export function chatteringAlarms(transitions: readonly ConditionTransition[], kpi: KpiSettings): ChatteringAlarm[] {
  const w = kpi.chatterWindowS * 1000;
  const byAlarm = new Map<string, ConditionTransition[]>();
  for (const t of transitions) {
    const list = byAlarm.get(t.alarmId);
    if (list) list.push(t);
    else byAlarm.set(t.alarmId, [t]);
  }
  const result: ChatteringAlarm[] = [];
  for (const [alarmId, list] of byAlarm) {
    list.sort((a, b) => a.time - b.time);
    const cycles: [number, number][] = [];
    let open: number | null = null;
    for (const t of list) {
      if (t.active) open ??= t.time;
      else if (open !== null) {
        cycles.push([open, t.time]);
        open = null;
      }
    }
    let maxCycles = 0;
    let first = 0;
    for (let j = 0; j < cycles.length; j++) {
      const end = (cycles[j] as [number, number])[1];
      while (first <= j && (cycles[first] as [number, number])[0] < end - w) first++;
      maxCycles = Math.max(maxCycles, j - first + 1);
    }
    if (maxCycles >= kpi.chatterCycles) result.push({ alarmId, maxCycles, cycles: cycles.length });
  }
  return result.sort((a, b) => b.maxCycles - a.maxCycles || (a.alarmId < b.alarmId ? -1 : 1));
}

/** Alarms continuously active for at least `staleHours` at `now`. */
export function staleAlarms<T extends { activatedAt: number | null }>(active: readonly T[], now: number, kpi: KpiSettings): T[] {
  const edge = now - kpi.staleHours * HOUR;
  return active.filter((a) => a.activatedAt !== null && a.activatedAt <= edge);
}

export interface BadActor {
  alarmId: string;
  count: number;
  /** Share of all activations, 0–1. */
  share: number;
}

/** The `n` most frequent alarms and their combined share of the load (ties by id). */
export function badActors(activations: readonly Pick<Activation, 'alarmId'>[], n = 10): { top: BadActor[]; share: number } {
  const counts = new Map<string, number>();
  for (const a of activations) counts.set(a.alarmId, (counts.get(a.alarmId) ?? 0) + 1);
  const total = activations.length;
  const top = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([alarmId, count]) => ({ alarmId, count, share: total === 0 ? 0 : count / total }));
  return { top, share: top.reduce((s, a) => s + a.share, 0) };
}

export interface PriorityMix {
  counts: Record<Priority, number>;
  /** Share per priority, 0–1 (all 0 for an empty list). */
  shares: Record<Priority, number>;
  /** Per target group: the target and actual share in %. */
  vsTarget: { priorities: Priority[]; targetPct: number; actualPct: number }[];
}

/** Priority distribution of activations (or of configured alarms), against the ISA-18.2 target. */
export function priorityMix(items: readonly { priority: Priority }[], target?: KpiSettings['priorityMixTarget']): PriorityMix {
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0 } as Record<Priority, number>;
  for (const it of items) counts[it.priority]++;
  const total = items.length;
  const shares = { 1: 0, 2: 0, 3: 0, 4: 0 } as Record<Priority, number>;
  for (const p of priorities) shares[p] = total === 0 ? 0 : counts[p] / total;
  const vsTarget = (target?.groups ?? []).map((g) => ({
    priorities: [...g.priorities],
    targetPct: g.pct,
    actualPct: 100 * g.priorities.reduce((s, p) => s + shares[p], 0),
  }));
  return { counts, shares, vsTarget };
}

export interface KpiReport {
  from: number;
  to: number;
  rates: ReturnType<typeof alarmRates>;
  band: RateBand;
  /** Share of 10-min buckets with more than `floodEnter` activations, 0–1. */
  tenMinOverShare: number;
  /** Share of hours with more than 30 activations, 0–1 (ISA-18.2 Table 7). */
  hoursOver30Share: number;
  floods: FloodAnalysis;
  chattering: ChatteringAlarm[];
  badActors: { top: BadActor[]; share: number };
  priorityMix: PriorityMix;
}

/** Everything the KPI panel shows for [from, to). Stale alarms need the live list: `staleAlarms`. */
export function kpiReport(activations: readonly Activation[], transitions: readonly ConditionTransition[], from: number, to: number, kpi: KpiSettings): KpiReport {
  const inPeriod = activations.filter((a) => a.time >= from && a.time < to);
  const rates = alarmRates(inPeriod, from, to);
  const tens = bucketCounts(inPeriod, from, to, TEN_MIN);
  const hours = bucketCounts(inPeriod, from, to, HOUR);
  return {
    from,
    to,
    rates,
    band: rateBand(rates.per10Min, kpi.rateBands ?? defaultRateBands),
    tenMinOverShare: tens.length === 0 ? 0 : tens.filter((c) => c > kpi.floodEnter).length / tens.length,
    hoursOver30Share: hours.length === 0 ? 0 : hours.filter((c) => c > 30).length / hours.length,
    floods: analyseFloods(inPeriod, from, to, kpi),
    chattering: chatteringAlarms(
      transitions.filter((t) => t.time >= from && t.time < to),
      kpi,
    ),
    badActors: badActors(inPeriod, 10),
    priorityMix: priorityMix(inPeriod, kpi.priorityMixTarget),
  };
}
