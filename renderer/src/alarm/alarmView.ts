import { displayState, isAnnunciated, needsAttention } from '../../../shared/alarm/lifecycle';
import { priorities, type AlarmDisplayState, type AlarmRecord, type Priority } from '../../../shared/alarm/model';

/**
 * What the banner, the list, the map and the horn read of the alarms in command state, derived
 * once per change (never per row, never per frame). Pure: the lifecycle rules are the shared
 * ones (`displayState`, `isAnnunciated`, `needsAttention`); this only sorts, counts and groups.
 */

export interface AlarmRow {
  alarm: AlarmRecord;
  state: AlarmDisplayState;
  /** In the operator's list (not hidden, not plainly normal). */
  annunciated: boolean;
  /** Unacknowledged and not hidden: flashes and sounds. */
  attention: boolean;
  /** When the condition last became active (else the last change), ms since epoch: the list's time. */
  time: number;
}

export type PriorityCounts = Record<Priority, number>;

export interface AlarmSummary {
  /** Every alarm in state, priority first (1 on top), newest first within a priority. */
  rows: readonly AlarmRow[];
  byId: ReadonlyMap<string, AlarmRow>;
  /** Annunciated alarms per priority. */
  annunciated: PriorityCounts;
  /** Unacknowledged annunciated alarms per priority. */
  unacked: PriorityCounts;
  totalAnnunciated: number;
  totalUnacked: number;
  hidden: Record<'shelved' | 'suppressed' | 'out_of_service', number>;
  /** The newest of the highest-priority unacknowledged alarms: what the banner shows. */
  banner: AlarmRow | null;
  /** Highest priority that needs attention (sounds), or null. */
  attentionPriority: Priority | null;
}

export const zeroCounts = (): PriorityCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0 });

const rowCache = new WeakMap<AlarmRecord, AlarmRow>();

/** One row per record, reused while the record object is unchanged (the reducer keeps untouched records). */
export function rowOf(alarm: AlarmRecord): AlarmRow {
  let row = rowCache.get(alarm);
  if (!row) {
    const l = alarm.lifecycle;
    row = { alarm, state: displayState(l), annunciated: isAnnunciated(l), attention: needsAttention(l), time: alarm.activatedAt ?? alarm.lastChange };
    rowCache.set(alarm, row);
  }
  return row;
}

/** List order: priority (1 first), then newest first, then id so that equal rows never swap. */
export function compareRows(a: AlarmRow, b: AlarmRow): number {
  return a.alarm.priority - b.alarm.priority || b.time - a.time || (a.alarm.id < b.alarm.id ? -1 : a.alarm.id > b.alarm.id ? 1 : 0);
}

export function summarize(alarms: Readonly<Record<string, AlarmRecord>>): AlarmSummary {
  const rows: AlarmRow[] = [];
  const byId = new Map<string, AlarmRow>();
  const annunciated = zeroCounts();
  const unacked = zeroCounts();
  const hidden = { shelved: 0, suppressed: 0, out_of_service: 0 };
  let banner: AlarmRow | null = null;
  let totalAnnunciated = 0;
  let totalUnacked = 0;
  for (const id in alarms) {
    const row = rowOf(alarms[id]!);
    rows.push(row);
    byId.set(id, row);
    const p = row.alarm.priority;
    if (row.annunciated) {
      annunciated[p]++;
      totalAnnunciated++;
    }
    if (row.attention) {
      unacked[p]++;
      totalUnacked++;
      if (!banner || p < banner.alarm.priority || (p === banner.alarm.priority && compareRows(row, banner) < 0)) banner = row;
    }
    if (row.state === 'shelved' || row.state === 'suppressed' || row.state === 'out_of_service') hidden[row.state]++;
  }
  rows.sort(compareRows);
  return { rows, byId, annunciated, unacked, totalAnnunciated, totalUnacked, hidden, banner, attentionPriority: banner ? banner.alarm.priority : null };
}

/** The list's state filter: the operator's default view (annunciated), everything, or one ISA-18.2 state. */
export const stateFilters = ['annunciated', 'all', 'unacked', 'acked', 'rtn_unacked', 'latched', 'shelved', 'suppressed', 'out_of_service'] as const;
export type StateFilter = (typeof stateFilters)[number];

export interface AlarmFilter {
  /** Area id, or null for all areas. */
  area: string | null;
  state: StateFilter;
  /** Priorities shown; all four when empty. */
  priorities: readonly Priority[];
}

export const defaultFilter: AlarmFilter = Object.freeze({ area: null, state: 'annunciated', priorities: [] });

export function matches(row: AlarmRow, f: AlarmFilter): boolean {
  if (f.area !== null && row.alarm.area !== f.area) return false;
  if (f.priorities.length > 0 && !f.priorities.includes(row.alarm.priority)) return false;
  if (f.state === 'all') return true;
  if (f.state === 'annunciated') return row.annunciated;
  return row.state === f.state;
}

/** The rows that pass the filter, in list order (the input's order). */
export function filterRows(rows: readonly AlarmRow[], f: AlarmFilter): readonly AlarmRow[] {
  if (f.area === null && f.priorities.length === 0 && f.state === 'all') return rows;
  return rows.filter((r) => matches(r, f));
}

export interface FloodGroup {
  area: string;
  /** Annunciated alarms of the area per priority. */
  counts: PriorityCounts;
  total: number;
  unacked: number;
  /** The area's highest priority. */
  top: Priority;
  /** The area's rows in list order (annunciated only). */
  rows: AlarmRow[];
}

/**
 * Flood-mode list (EEMUA 191 / ISA-18.2 flood handling): annunciated alarms grouped by area,
 * the groups with the highest priority first, then the biggest; the operator works a group at
 * a time instead of scrolling thousands of rows.
 */
export function floodGroups(rows: readonly AlarmRow[]): FloodGroup[] {
  const groups = new Map<string, FloodGroup>();
  for (const r of rows) {
    if (!r.annunciated) continue;
    const a = r.alarm.area;
    let g = groups.get(a);
    if (!g) {
      g = { area: a, counts: zeroCounts(), total: 0, unacked: 0, top: 4, rows: [] };
      groups.set(a, g);
    }
    g.counts[r.alarm.priority]++;
    g.total++;
    if (r.attention) g.unacked++;
    if (r.alarm.priority < g.top) g.top = r.alarm.priority;
    g.rows.push(r);
  }
  return [...groups.values()].sort((x, y) => x.top - y.top || priorities.reduce((d, p) => d || y.counts[p] - x.counts[p], 0) || (x.area < y.area ? -1 : 1));
}
