import type { MusterStatus, PeopleAtRisk } from '../../../shared/incident/threat';
import { formatDuration } from './incidentTime';

/**
 * People at risk and the muster board as rows (names and areas resolved by the caller's
 * lookups: the registry and the people table). Pure.
 */
export type Band = 'red' | 'orange' | 'yellow';
const bandRank: Readonly<Record<Band, number>> = { red: 0, orange: 1, yellow: 2 };

export interface AtRiskRow {
  person: string;
  name: string;
  band: Band;
  area: string;
}

/** Everyone inside a band, innermost band first, then by name. */
export function atRiskRows(risk: PeopleAtRisk | undefined, lookup: (person: string) => { name: string; area: string }): AtRiskRow[] {
  if (!risk) return [];
  return risk.people
    .map((p) => ({ person: p.person, band: p.band, ...lookup(p.person) }))
    .sort((a, b) => bandRank[a.band] - bandRank[b.band] || a.name.localeCompare(b.name) || a.person.localeCompare(b.person));
}

export interface MusterView {
  expected: number;
  accounted: number;
  /** 0…100, whole percent (floored: 99.6 % is not 100 %). */
  pct: number;
  missingCount: number;
  points: { id: string; count: number }[];
  missing: { person: string; area: string | null; position: [number, number, number] | null; lastFixAt: number | null; ago: string | null }[];
  /** Time from the order to 90 % / 100 % accounted, `m:ss`, or null until reached. */
  t90: string | null;
  t100: string | null;
  /** Running time since the order while not at 100 %. */
  running: string | null;
}

export function musterView(m: MusterStatus | undefined, now: number): MusterView | null {
  if (!m) return null;
  const pct = m.expected === 0 ? 100 : Math.floor((m.accounted / m.expected) * 100);
  return {
    expected: m.expected,
    accounted: m.accounted,
    pct,
    missingCount: Math.max(0, m.expected - m.accounted),
    points: Object.entries(m.byPoint)
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    missing: m.missing.map((p) => ({ person: p.person, area: p.area, position: p.position, lastFixAt: p.lastFixAt, ago: p.lastFixAt === null ? null : formatDuration(now - p.lastFixAt) })),
    t90: m.t90At === null ? null : formatDuration(m.t90At - m.startedAt),
    t100: m.t100At === null ? null : formatDuration(m.t100At - m.startedAt),
    running: m.t100At === null ? formatDuration(now - m.startedAt) : null,
  };
}
