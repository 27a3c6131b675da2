/**
 * Incident ids `INC-<yyyymmdd>-<nn>`: the plant-local date of opening and a per-day counter from
 * 01 (more digits past 99). The server feeds every id it has ever journaled into the counter at
 * start, so numbers continue across restarts and never repeat.
 */
const pattern = /^INC-(\d{8})-(\d{2,})$/;

export function formatIncidentId(dateKey: string, n: number): string {
  return `INC-${dateKey}-${String(n).padStart(2, '0')}`;
}

/** The date key and counter of an id, or null when it is not an incident id. */
export function parseIncidentId(id: string): { dateKey: string; n: number } | null {
  const m = pattern.exec(id);
  return m ? { dateKey: m[1]!, n: Number(m[2]) } : null;
}

/** Highest counter per date key; `next` gives (and reserves) the id after it. */
export class IncidentIdCounter {
  private readonly max = new Map<string, number>();

  /** Notes an id already used (other ids are ignored). */
  see(id: string): void {
    const p = parseIncidentId(id);
    if (p && p.n > (this.max.get(p.dateKey) ?? 0)) this.max.set(p.dateKey, p.n);
  }

  next(dateKey: string): string {
    const n = (this.max.get(dateKey) ?? 0) + 1;
    this.max.set(dateKey, n);
    return formatIncidentId(dateKey, n);
  }
}
