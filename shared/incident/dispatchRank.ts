import type { LocalText } from '../plant/primitives';
import type { Point } from '../routing/polygon';
import type { RoadGraph } from '../routing/RoadGraph';
import { approachesFromUpwind } from './routeApproach';
import type { DispatchCandidate } from './resources';

/** A team, vehicle or stock point that could answer a need. */
export interface DispatchUnit {
  id: string;
  unitKind: DispatchCandidate['unitKind'];
  /** Where it starts from. */
  base: Point;
  /** Top speed on the roads, m/s (a vehicle's cruise speed, or walking). */
  speedMS: number;
  /** Speed off the roads, m/s. */
  offroadMS: number;
  /** Registry people (teams); empty for vehicles and stock points. */
  members: readonly string[];
  /** Qualification types every member sent must hold valid. */
  requires: readonly string[];
  /** Stock points: usable quantity (0 = none left or expired). */
  available?: number;
}

export type QualState = 'valid' | 'expired' | 'missing';

export interface RankInput {
  graph: RoadGraph;
  need: string;
  target: Point;
  /** For `approachFromUpwind`; null without a plume. */
  plume: { source: Point; fromDeg: number } | null;
  units: readonly DispatchUnit[];
  /** A member's standing for a qualification type today (expired certificates never count). */
  qualification(person: string, type: string): QualState;
  /** Fewest qualified members a team needs to be sent (two-in, two-out for SCBA entry). */
  minQualified?: number;
}

const text = (zh: string, en: string): LocalText => ({ zh, en });

/**
 * Dispatch recommendation for one need: every unit with its route and travel time on the open
 * roads (the threat zone's roads blocked beforehand on `graph`), fit ones first by travel time,
 * then unfit ones with their reasons. Ties go to the unit id, so the order is stable.
 */
export function rankCandidates(r: RankInput): DispatchCandidate[] {
  const minQ = r.minQualified ?? 2;
  const rows = r.units.map((u) => {
    const unfit: LocalText[] = [];
    let qualified: string[] = [...u.members];
    if (u.unitKind === 'team' && u.requires.length > 0) {
      qualified = [];
      const lapsed: string[] = [];
      const lacking: string[] = [];
      for (const m of u.members) {
        const states = u.requires.map((t) => r.qualification(m, t));
        if (states.every((s) => s === 'valid')) qualified.push(m);
        else if (states.includes('expired')) lapsed.push(m);
        else lacking.push(m);
      }
      const need = Math.min(minQ, u.members.length);
      if (qualified.length < need) {
        unfit.push(
          text(
            `持有效 ${u.requires.join('、')} 的队员仅 ${qualified.length} 人（至少 ${need} 人）${lapsed.length ? `；证书过期：${lapsed.join('、')}` : ''}`,
            `only ${qualified.length} member(s) hold a valid ${u.requires.join(', ')} (at least ${need} needed)${lapsed.length ? `; expired: ${lapsed.join(', ')}` : ''}`,
          ),
        );
      }
    }
    if (u.unitKind === 'stock' && !(u.available && u.available > 0)) unfit.push(text('无可用（未过期）库存', 'no usable (unexpired) stock left'));
    const route = r.graph.route(u.base[0], u.base[1], r.target[0], r.target[1], { speedCapMS: u.speedMS, offroadMS: u.offroadMS });
    if (!route) unfit.push(text('没有避开威胁区的可通行道路', 'no open road avoiding the threat zone'));
    const upwind = route !== null && r.plume !== null && approachesFromUpwind(route.points, r.plume.source, r.plume.fromDeg);
    return { u, unfit, qualified, route, upwind };
  });
  rows.sort((a, b) => {
    const fa = a.unfit.length === 0 ? 0 : 1;
    const fb = b.unfit.length === 0 ? 0 : 1;
    if (fa !== fb) return fa - fb;
    const ta = a.route?.travelS ?? Infinity;
    const tb = b.route?.travelS ?? Infinity;
    if (ta !== tb) return ta - tb;
    return a.u.id < b.u.id ? -1 : a.u.id > b.u.id ? 1 : 0;
  });
  return rows.map((row, i) => ({
    unit: row.u.id,
    unitKind: row.u.unitKind,
    need: r.need,
    rank: i + 1,
    travelS: row.route ? Math.round(row.route.travelS * 10) / 10 : 0,
    distanceM: row.route ? Math.round(row.route.distanceM * 10) / 10 : 0,
    qualifiedMembers: row.qualified,
    unfit: row.unfit,
    approachFromUpwind: row.upwind,
    route: row.route ? row.route.points.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100] as [number, number]) : [],
  }));
}
