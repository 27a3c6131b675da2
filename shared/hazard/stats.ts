import { dateOfDay, localDay } from '../people/dates';
import type { HazardRecord, HazardStats } from './model';

/** The daily series covers at most this many days (the newest ones). */
export const STATS_MAX_DAYS = 400;

/**
 * Hazard statistics over [from, to) (GET /api/v1/hazards/stats, docs/hazards.md §Statistics):
 * - counted orders are those reported in the window; drill records never count;
 * - open / closed by the order's state now; dismissed orders count in `total` and `byState`
 *   but not in the closure rate: closureRate = closed ÷ (total − dismissed);
 * - overdue = counted orders flagged overdue (still open past the deadline, or closed late);
 * - daily: per plant-local day in the window, orders reported that day and orders closed
 *   (verified, 销号) that day, whenever they were reported.
 * `tzOffset(at)` is the plant's offset from UTC at an instant.
 */
export function hazardStats(records: Iterable<HazardRecord>, from: number, to: number, tzOffset: (at: number) => number): HazardStats {
  const out: HazardStats = { from, to, total: 0, open: 0, closed: 0, overdue: 0, closureRate: null, bySource: {}, byCategory: {}, byArea: {}, byGrade: {}, byState: {}, daily: [] };
  const firstDay = localDay(from, tzOffset(from));
  const lastDay = localDay(Math.max(from, to - 1), tzOffset(to - 1));
  const startDay = Math.max(firstDay, lastDay - STATS_MAX_DAYS + 1);
  const daily = new Map<number, { reported: number; closed: number }>();
  for (let d = startDay; d <= lastDay; d++) daily.set(d, { reported: 0, closed: 0 });
  const bump = (m: Record<string, number>, k: string): void => {
    m[k] = (m[k] ?? 0) + 1;
  };
  let dismissed = 0;
  for (const h of records) {
    if (h.drill) continue;
    if (h.state === 'closed' && h.closedAt !== null && h.closedAt >= from && h.closedAt < to) {
      const d = daily.get(localDay(h.closedAt, tzOffset(h.closedAt)));
      if (d) d.closed++;
    }
    if (h.reportedAt < from || h.reportedAt >= to) continue;
    out.total++;
    if (h.state === 'closed') out.closed++;
    else if (h.state === 'dismissed') dismissed++;
    else out.open++;
    if (h.overdue) out.overdue++;
    bump(out.bySource, h.source);
    bump(out.byCategory, h.category);
    bump(out.byArea, h.area ?? 'none');
    bump(out.byGrade, h.grade ?? 'ungraded');
    bump(out.byState, h.state);
    const d = daily.get(localDay(h.reportedAt, tzOffset(h.reportedAt)));
    if (d) d.reported++;
  }
  out.closureRate = out.total - dismissed > 0 ? out.closed / (out.total - dismissed) : null;
  out.daily = [...daily.entries()].map(([day, v]) => ({ date: dateOfDay(day), ...v }));
  return out;
}
