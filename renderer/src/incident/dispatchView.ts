import type { LocalText } from '../../../shared/plant/primitives';
import type { DispatchCandidate, DispatchRecord } from '../../../shared/incident/resources';
import { formatDuration } from './incidentTime';

/**
 * The dispatch recommendation as the commander reads it: per need, the candidates in the
 * server's rank order (fit first by travel time, then unfit ones), with travel time, distance,
 * qualified members, upwind approach and the reasons a unit is unfit.
 */
export interface CandidateRow {
  unit: string;
  unitKind: DispatchCandidate['unitKind'];
  name: string;
  rank: number;
  fit: boolean;
  /** `m:ss` of travel. */
  travel: string;
  travelS: number;
  /** `640 m` / `1.2 km`. */
  distance: string;
  qualified: number;
  upwind: boolean;
  unfit: string[];
  /** Best fit candidate of its need: the one the commander is offered first. */
  recommended: boolean;
}

export function formatDistance(m: number): string {
  return m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m)} m`;
}

/** Candidates grouped by need in the order of `needs`, each group in rank order. */
export function candidateGroups(needs: readonly string[], candidates: readonly DispatchCandidate[], nameOf: (unit: string) => string, lang: 'zh' | 'en'): { need: string; rows: CandidateRow[] }[] {
  return needs.map((need) => {
    const rows = candidates
      .filter((c) => c.need === need)
      .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit))
      .map((c) => ({
        unit: c.unit,
        unitKind: c.unitKind,
        name: nameOf(c.unit),
        rank: c.rank,
        fit: c.unfit.length === 0,
        travel: formatDuration(c.travelS * 1000),
        travelS: c.travelS,
        distance: formatDistance(c.distanceM),
        qualified: c.qualifiedMembers.length,
        upwind: c.approachFromUpwind,
        unfit: c.unfit.map((u: LocalText) => u[lang]),
        recommended: false,
      }));
    const first = rows.find((r) => r.fit);
    if (first) first.recommended = true;
    return { need, rows };
  });
}

/** The needs of an incident type: team kinds first, then materials (emergency-resources.json `needs`). */
export function needsOf(needs: Record<string, { teams: string[]; materials: string[] }> | undefined, type: string): string[] {
  const n = needs?.[type];
  return n ? [...n.teams, ...n.materials] : [];
}

export interface DispatchRow {
  id: string;
  unit: string;
  need: string;
  state: DispatchRecord['state'];
  /** ETA countdown while en route (`m:ss`), else null. */
  eta: string | null;
  etaAt: number;
  arrivedAt: number | null;
  members: number;
  materials: { kind: string; quantity: number }[];
}

/** The incident's dispatches, newest first, with the ETA counting down while en route. */
export function dispatchRows(all: Record<string, DispatchRecord> | undefined, incidentId: string, now: number): DispatchRow[] {
  if (!all) return [];
  return Object.values(all)
    .filter((d) => d.incidentId === incidentId)
    .sort((a, b) => b.departedAt - a.departedAt || a.id.localeCompare(b.id))
    .map((d) => ({
      id: d.id,
      unit: d.unit,
      need: d.need,
      state: d.state,
      eta: d.state === 'en_route' ? formatDuration(Math.max(0, d.etaAt - now)) : null,
      etaAt: d.etaAt,
      arrivedAt: d.arrivedAt,
      members: d.members.length,
      materials: d.materials.map((m) => ({ kind: m.kind, quantity: m.quantity })),
    }));
}
