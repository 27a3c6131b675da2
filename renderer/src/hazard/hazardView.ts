import { isOpenHazard, type HazardGrade, type HazardRecord, type HazardSource, type HazardState } from '../../../shared/hazard/model';

/**
 * View logic of the hazards panel (pure: no React, no stores): which orders a filter keeps, in
 * what order, and how a deadline reads. Time is passed in (the data source's clock).
 */

export type StateFilter = 'open' | 'all' | HazardState;
export type GradeFilter = 'all' | HazardGrade | 'ungraded';

export interface HazardFilter {
  state: StateFilter;
  grade: GradeFilter;
  source: 'all' | HazardSource;
  /** Area id, or 'all'. */
  area: string;
  /** Only orders past their deadline. */
  overdueOnly: boolean;
}

export const defaultHazardFilter: HazardFilter = { state: 'open', grade: 'all', source: 'all', area: 'all', overdueOnly: false };

/**
 * Overdue as the console shows it: the server's flag, or an open order whose deadline has
 * passed by the console's clock (the server raises its flag on its next check; the row must
 * not look on time meanwhile).
 */
export function isOverdue(h: Pick<HazardRecord, 'state' | 'deadline' | 'overdue'>, now: number): boolean {
  if (!isOpenHazard(h)) return false;
  return h.overdue || (h.deadline !== null && h.deadline < now);
}

export function matchesFilter(h: HazardRecord, f: HazardFilter, now: number): boolean {
  if (f.state === 'open' ? !isOpenHazard(h) : f.state !== 'all' && h.state !== f.state) return false;
  if (f.grade === 'ungraded' ? h.grade !== null : f.grade !== 'all' && h.grade !== f.grade) return false;
  if (f.source !== 'all' && h.source !== f.source) return false;
  if (f.area !== 'all' && h.area !== f.area) return false;
  if (f.overdueOnly && !isOverdue(h, now)) return false;
  return true;
}

/**
 * List order: open orders before closed ones; among open ones the overdue first, then by
 * deadline (soonest first; orders without a deadline after, newest report first); closed and
 * dismissed ones newest first.
 */
export function compareHazards(a: HazardRecord, b: HazardRecord, now: number): number {
  const oa = isOpenHazard(a);
  const ob = isOpenHazard(b);
  if (oa !== ob) return oa ? -1 : 1;
  if (!oa) return (b.closedAt ?? b.updatedAt) - (a.closedAt ?? a.updatedAt) || a.id.localeCompare(b.id);
  const va = isOverdue(a, now);
  const vb = isOverdue(b, now);
  if (va !== vb) return va ? -1 : 1;
  const da = a.deadline ?? Infinity;
  const db = b.deadline ?? Infinity;
  if (da !== db) return da < db ? -1 : 1;
  return b.reportedAt - a.reportedAt || a.id.localeCompare(b.id);
}

/** The orders a filter keeps, in list order. */
export function hazardRows(all: Iterable<HazardRecord>, f: HazardFilter, now: number): HazardRecord[] {
  const out: HazardRecord[] = [];
  for (const h of all) if (matchesFilter(h, f, now)) out.push(h);
  return out.sort((a, b) => compareHazards(a, b, now));
}

/** How a deadline stands: none set, time left, or overdue by how long (ms ≥ 0). */
export type TimeLeft = { kind: 'none' } | { kind: 'left'; ms: number } | { kind: 'overdue'; ms: number } | { kind: 'done' };

export function timeLeft(h: Pick<HazardRecord, 'state' | 'deadline' | 'overdue'>, now: number): TimeLeft {
  if (!isOpenHazard(h)) return { kind: 'done' };
  if (h.deadline === null) return h.overdue ? { kind: 'overdue', ms: 0 } : { kind: 'none' };
  const d = h.deadline - now;
  return d < 0 || h.overdue ? { kind: 'overdue', ms: Math.max(0, -d) } : { kind: 'left', ms: d };
}

const units = {
  zh: { d: '天', h: '小时', min: '分钟', lt: '不到1分钟' },
  en: { d: 'd', h: 'h', min: 'min', lt: '< 1 min' },
} as const;

/**
 * A duration in the two largest units that matter, floored: "2 d 3 h", "3 h 20 min", "12 min",
 * "< 1 min" (zh: "2天3小时", "3小时20分钟", "12分钟", "不到1分钟").
 */
export function formatDuration(ms: number, lang: 'zh' | 'en'): string {
  const u = units[lang];
  const sep = lang === 'zh' ? '' : ' ';
  const m = Math.floor(Math.max(0, ms) / 60_000);
  if (m < 1) return u.lt;
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const part = (n: number, unit: string): string => `${n}${sep}${unit}`;
  if (d > 0) return h > 0 ? `${part(d, u.d)}${sep}${part(h, u.h)}` : part(d, u.d);
  if (h > 0) return min > 0 ? `${part(h, u.h)}${sep}${part(min, u.min)}` : part(h, u.h);
  return part(min, u.min);
}

/** Counts for the panel's header: open, major among them, overdue. */
export function hazardCounts(all: Iterable<HazardRecord>, now: number): { open: number; major: number; overdue: number } {
  let open = 0;
  let major = 0;
  let overdue = 0;
  for (const h of all) {
    if (!isOpenHazard(h) || h.drill) continue;
    open++;
    if (h.grade === 'major') major++;
    if (isOverdue(h, now)) overdue++;
  }
  return { open, major, overdue };
}
