/**
 * The plant overview's numbers (ISA-101 level 1), derived purely from what the console already
 * holds: alarm rows, command state, tag columns, robot statuses. Each function answers one
 * tile of the wall; colour is decided from these answers (abnormal or not), never from raw data.
 */
import { bucketCounts, defaultRateBands, type Activation } from '../../../shared/alarm/kpi';
import type { Priority } from '../../../shared/alarm/model';
import { Quality } from '../../../shared/plant/band';
import { riskGrades, type RiskGrade } from '../../../shared/plant/alarmConfig';
import type { IncidentRecord, ResponseLevel } from '../../../shared/incident/model';
import type { AlarmRow } from '../alarm/alarmView';
import type { EmergencyState, RiskStatus } from '../../../shared/state/reducer';

export type PriorityCounts = Record<Priority, number>;
const zero = (): PriorityCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0 });

export interface AreaAlarms {
  area: string;
  counts: PriorityCounts;
  total: number;
  /** Highest priority present (1 = most urgent), or null when none. */
  worst: Priority | null;
}

/** Annunciated alarms per area and priority, the worst areas first; areas with none are left out. */
export function alarmsByArea(rows: readonly AlarmRow[]): AreaAlarms[] {
  const by = new Map<string, AreaAlarms>();
  for (const r of rows) {
    if (!r.annunciated) continue;
    const id = r.alarm.area || '—';
    let a = by.get(id);
    if (!a) by.set(id, (a = { area: id, counts: zero(), total: 0, worst: null }));
    a.counts[r.alarm.priority]++;
    a.total++;
    if (a.worst === null || r.alarm.priority < a.worst) a.worst = r.alarm.priority;
  }
  return [...by.values()].sort((x, y) => (x.worst ?? 9) - (y.worst ?? 9) || y.total - x.total || (x.area < y.area ? -1 : 1));
}

export interface RiskDistribution {
  counts: Record<RiskGrade, number>;
  /** Units whose current grade is above their inherent one. */
  raised: number;
  total: number;
}

export function riskDistribution(risks: Readonly<Record<string, RiskStatus>>): RiskDistribution {
  const counts = Object.fromEntries(riskGrades.map((g) => [g, 0])) as Record<RiskGrade, number>;
  let raised = 0;
  let total = 0;
  for (const r of Object.values(risks)) {
    counts[r.current]++;
    total++;
    if (riskGrades.indexOf(r.current) > riskGrades.indexOf(r.inherent)) raised++;
  }
  return { counts, raised, total };
}

export interface TagHealth {
  total: number;
  /** Never reported or reported offline. */
  offline: number;
  /** Older than `stalePeriods` sample periods (and not offline). */
  stale: number;
  /** Bad or uncertain quality (and not offline or stale). */
  bad: number;
}

/** Device and detector health from the tag store's columns; each tag counts once, worst first. */
export function tagHealth(
  cols: { count: number; quality: Uint8Array; times: Float64Array; periodMs: Float64Array },
  now: number,
  stalePeriods: number,
): TagHealth {
  let offline = 0;
  let stale = 0;
  let bad = 0;
  for (let i = 0; i < cols.count; i++) {
    const q = cols.quality[i]!;
    const t = cols.times[i]!;
    if (t === 0 || q === Quality.Offline) offline++;
    else if (now - t > stalePeriods * cols.periodMs[i]!) stale++;
    else if (q === Quality.Bad || q === Quality.Uncertain) bad++;
  }
  return { total: cols.count, offline, stale, bad };
}

export interface IncidentLine {
  id: string;
  level: ResponseLevel;
  title: IncidentRecord['title'];
  state: IncidentRecord['state'];
  elapsedMs: number;
  evacuating: boolean;
  drill: boolean;
}

const levelRank: Record<ResponseLevel, number> = { I: 0, II: 1, III: 2, IV: 3 };

/** Open and contained incidents, the most severe level first, then the oldest; drill incidents are marked. */
export function incidentLines(em: EmergencyState | undefined, now: number): IncidentLine[] {
  if (!em) return [];
  return Object.values(em.incidents)
    .filter((r) => r.state !== 'closed')
    .map((r) => ({ id: r.id, level: r.level, title: r.title, state: r.state, elapsedMs: Math.max(0, now - r.openedAt), evacuating: r.evacuation !== null, drill: r.drill }))
    .sort((a, b) => levelRank[a.level] - levelRank[b.level] || b.elapsedMs - a.elapsedMs);
}

export type RateBand = 'acceptable' | 'manageable' | 'over_demanding' | 'unacceptable';
export interface RateBands {
  acceptable: number;
  manageable: number;
  overDemanding: number;
}

/** EEMUA 191's band of a rate in alarms per 10 minutes. */
export function rateBand(per10Min: number, bands: RateBands = defaultRateBands): RateBand {
  if (per10Min <= bands.acceptable) return 'acceptable';
  if (per10Min <= bands.manageable) return 'manageable';
  if (per10Min <= bands.overDemanding) return 'over_demanding';
  return 'unacceptable';
}

export const TREND_SPAN_MS = 3_600_000;
export const TREND_BUCKET_MS = 300_000;

export interface RateTrend {
  from: number;
  to: number;
  /** Alarms per 10 minutes in each 5-minute bucket (count × 2), oldest first. */
  per10Min: number[];
  /** The latest 10 minutes' count: the number the wall shows big. */
  last10Min: number;
  band: RateBand;
}

/** The last hour of alarm activations as a rate per 10 minutes in 5-minute steps, ending at `now`. */
export function rateTrend(activations: readonly Pick<Activation, 'time'>[], now: number, bands: RateBands = defaultRateBands): RateTrend {
  const to = Math.ceil(now / TREND_BUCKET_MS) * TREND_BUCKET_MS;
  const from = to - TREND_SPAN_MS;
  const counts = bucketCounts(activations, from, to, TREND_BUCKET_MS);
  let last10Min = 0;
  for (const a of activations) if (a.time > now - 600_000 && a.time <= now) last10Min++;
  return { from, to, per10Min: counts.map((c) => c * (600_000 / TREND_BUCKET_MS)), last10Min, band: rateBand(last10Min, bands) };
}

/** Counts per key, in the order of `keys` first, then any others by count. */
export function countBy<K extends string>(items: Iterable<K>, keys: readonly K[] = []): { key: K; n: number }[] {
  const m = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  const known = keys.map((k) => ({ key: k, n: m.get(k)! }));
  const rest = [...m.entries()].filter(([k]) => !keys.includes(k)).map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n);
  return [...known, ...rest];
}

/** "12:05" / "1:02:03" elapsed, for incidents seen across the room. */
export function elapsedText(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
