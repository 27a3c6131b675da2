import { dateOfDay, localDay } from '../people/dates';

/**
 * Hazard ids `HZ-<yyyymmdd>-<nnnn>`: the plant-local date of the report and a per-day counter
 * from 0001. The server derives the next counter from the records it holds (rebuilt from the
 * journal at start), so numbers continue across restarts.
 */
const pattern = /^HZ-(\d{8})-(\d{4,})$/;

/** `yyyymmdd` of an instant in the plant's calendar (offset from UTC at that instant). */
export function plantDateKey(epochMs: number, tzOffsetMs: number): string {
  return dateOfDay(localDay(epochMs, tzOffsetMs)).replaceAll('-', '');
}

export function formatHazardId(dateKey: string, n: number): string {
  return `HZ-${dateKey}-${String(n).padStart(4, '0')}`;
}

/** The date key and counter of an id, or null when it is not a hazard id. */
export function parseHazardId(id: string): { dateKey: string; n: number } | null {
  const m = pattern.exec(id);
  return m ? { dateKey: m[1]!, n: Number(m[2]) } : null;
}

/** Highest counter per date key; `next` gives the id after it. */
export class HazardIdCounter {
  private readonly max = new Map<string, number>();

  /** Notes an id already used (ids that are not hazard ids are ignored). */
  see(id: string): void {
    const p = parseHazardId(id);
    if (p && p.n > (this.max.get(p.dateKey) ?? 0)) this.max.set(p.dateKey, p.n);
  }

  next(dateKey: string): string {
    const n = (this.max.get(dateKey) ?? 0) + 1;
    this.max.set(dateKey, n);
    return formatHazardId(dateKey, n);
  }
}
