import { rankCandidates } from '../../shared/incident/dispatchRank';
import type { IncidentRecord } from '../../shared/incident/model';
import type { DispatchCandidate, DispatchRecord, MaterialKind } from '../../shared/incident/resources';
import { approachPoint } from '../../shared/incident/routeApproach';
import { usable } from '../../shared/incident/stockAlerts';
import type { CompiledZones } from '../../shared/incident/zonesRisk';
import type { RoadGraph } from '../../shared/routing/RoadGraph';
import { fail, ok, type Ack } from '../../shared/protocol/messages';
import type { EmergencyState } from '../../shared/state/reducer';
import type { PendingEvent } from '../engine/CommandEngine';
import { needKind, type ResourceBook } from './ResourceBook';

export interface Situation {
  incident: IncidentRecord;
  /** The incident's current zones, or null (no modelled release). */
  plume: { fromDeg: number; zones: CompiledZones } | null;
  state: Pick<EmergencyState, 'stock' | 'dispatches'>;
  today: number;
}

/**
 * Dispatch (docs/incidents.md): candidates ranked on the road graph with the red and orange
 * bands' roads shut, towards a point upwind of the source; `create` journals the record with
 * its route and takes the materials from stock; `arrivals` journals arrival at the ETA.
 */
export class Dispatcher {
  constructor(
    private readonly book: ResourceBook,
    private readonly graph: RoadGraph,
  ) {}

  /** The needs of the incident's type (all team kinds and materials it lists). */
  needsOf(incident: IncidentRecord): string[] {
    const n = this.book.file.needs[incident.type];
    return n ? [...n.teams, ...n.materials] : [];
  }

  private prepare(s: Situation, target?: readonly [number, number, number]): { target: [number, number]; source: [number, number] } {
    const source: [number, number] = [s.incident.source.position[0], s.incident.source.position[1]];
    this.graph.blockInside(s.plume ? s.plume.zones.bands.filter((b) => b.band !== 'yellow').map((b) => b.polygon) : []);
    return { source, target: target ? [target[0], target[1]] : approachPoint(source, s.plume) };
  }

  candidates(s: Situation, need: string, target?: readonly [number, number, number]): Ack<{ target: [number, number]; candidates: DispatchCandidate[] }> {
    if (!needKind(need)) return fail('bad_request', `unknown need "${need}" (a team kind, vehicle kind or material kind)`);
    const prep = this.prepare(s, target);
    const extra = this.book.file.needs[s.incident.type]?.requires ?? [];
    const units = this.book.units(need, s.state, s.today, extra).filter((u) => !this.busy(s.state, u.id));
    const list = rankCandidates({
      graph: this.graph,
      need,
      target: prep.target,
      plume: s.plume ? { source: prep.source, fromDeg: s.plume.fromDeg } : null,
      units,
      qualification: (p, t) => this.book.qualification(p, t, s.today),
    });
    return ok({ target: prep.target, candidates: list });
  }

  /** A unit already on its way or on scene is not offered again. */
  private busy(state: Pick<EmergencyState, 'dispatches'>, unit: string): boolean {
    return Object.values(state.dispatches).some((d) => d.unit === unit && (d.state === 'en_route' || d.state === 'arrived'));
  }

  create(s: Situation, p: { unit: string; need: string; target?: [number, number, number] | undefined }, by: string, now: number, out: PendingEvent[]): Ack<DispatchRecord> {
    if (s.incident.state === 'closed') return fail('conflict', `incident ${s.incident.id} is closed`);
    if (this.busy(s.state, p.unit)) return fail('conflict', `${p.unit} is already dispatched`);
    const r = this.candidates(s, p.need, p.target);
    if (!r.ok) return r;
    const c = r.data.candidates.find((x) => x.unit === p.unit);
    if (!c) return fail('not_found', `no ${p.need} unit "${p.unit}" (candidates: ${r.data.candidates.map((x) => x.unit).join(', ') || 'none'})`);
    if (c.unfit.length > 0) return fail('conflict', `${p.unit} is not fit: ${c.unfit.map((u) => u.en).join('; ')}`);
    const materials = this.materialsFor(s, c, p.need);
    const n = Object.values(s.state.dispatches).filter((d) => d.incidentId === s.incident.id).length + 1;
    const route = c.route;
    const unitRoute = this.graph.route(route[0]![0], route[0]![1], r.data.target[0], r.data.target[1], this.speeds(c));
    const times = unitRoute ? unitRoute.timesS.map((t) => Math.round(t * 10) / 10) : [0, c.travelS];
    const points = unitRoute ? unitRoute.points.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100] as [number, number]) : route;
    const total = times[times.length - 1]!;
    const record: DispatchRecord = {
      id: `DSP-${s.incident.id}-${n}`,
      incidentId: s.incident.id,
      unit: c.unit,
      unitKind: c.unitKind,
      need: p.need,
      members: c.qualifiedMembers,
      materials,
      target: [r.data.target[0], r.data.target[1], 0],
      route: points,
      routeTimesS: times,
      departedAt: now,
      etaAt: now + Math.round(total * 1000),
      arrivedAt: null,
      state: 'en_route',
      reason: {
        zh: `第 ${c.rank} 名，行程约 ${Math.ceil(total / 60)} 分钟${c.approachFromUpwind ? '，从上风向接近' : ''}`,
        en: `rank ${c.rank}, about ${Math.ceil(total / 60)} min away${c.approachFromUpwind ? ', approaching from upwind' : ''}`,
      },
      by,
    };
    out.push({ body: { type: 'dispatch.changed', payload: { dispatch: record } }, actor: by });
    for (const m of materials) {
      const level = this.book.level(s.state, m.point, m.kind)!;
      out.push({ body: { type: 'resource.stock.changed', payload: { point: m.point, kind: m.kind, quantity: level.quantity - m.quantity, expires: level.expires, reason: `dispatch ${record.id}` } }, actor: by });
    }
    return ok(record);
  }

  private speeds(c: DispatchCandidate): { speedCapMS: number; offroadMS: number } {
    const f = this.book.file;
    const team = f.teams.find((t) => t.id === c.unit);
    const vehicleId = c.unitKind === 'vehicle' ? c.unit : team?.vehicle;
    const v = vehicleId ? f.vehicles.find((x) => x.id === vehicleId) : undefined;
    const cap = v ? v.speedKmh / 3.6 : c.unitKind === 'stock' ? f.roadKmh / 3.6 : f.walkMS;
    return { speedCapMS: cap, offroadMS: f.walkMS };
  }

  /**
   * What the unit takes along: a stock point sends its own material (two sets of SCBA, one of
   * anything else); a team takes its incident type's materials from the usable stock nearest
   * its base — one SCBA per member going, one of each other material.
   */
  private materialsFor(s: Situation, c: DispatchCandidate, need: string): DispatchRecord['materials'] {
    const want = (kind: MaterialKind): number => (kind === 'scba' ? Math.max(1, c.unitKind === 'team' ? c.qualifiedMembers.length : 2) : 1);
    const levels = this.book.levels(s.state);
    if (c.unitKind === 'stock') {
      const l = levels.find((x) => x.point === c.unit && x.kind === need)!;
      return [{ point: c.unit, kind: l.kind, quantity: Math.min(l.quantity, want(l.kind)) }];
    }
    if (c.unitKind !== 'team') return [];
    const base = this.book.file.teams.find((t) => t.id === c.unit)!.base;
    const points = new Map(this.book.file.stockPoints.map((sp) => [sp.id, sp.position] as const));
    const out: DispatchRecord['materials'] = [];
    for (const kind of this.book.file.needs[s.incident.type]?.materials ?? []) {
      const options = levels
        .filter((l) => l.kind === kind && usable(l, s.today))
        .sort((a, b) => dist(points.get(a.point)!, base) - dist(points.get(b.point)!, base) || (a.point < b.point ? -1 : 1));
      const l = options[0];
      if (l) out.push({ point: l.point, kind, quantity: Math.min(l.quantity, want(kind)) });
    }
    return out;
  }

  cancel(state: Pick<EmergencyState, 'dispatches'>, id: string, reason: string, by: string, out: PendingEvent[]): Ack<DispatchRecord> {
    const d = state.dispatches[id];
    if (!d) return fail('not_found', `no dispatch "${id}"`);
    if (d.state !== 'en_route' && d.state !== 'arrived') return fail('conflict', `dispatch ${id} is ${d.state}`);
    const record: DispatchRecord = { ...d, state: 'cancelled', reason: { zh: `已取消：${reason}`, en: `cancelled: ${reason}` } };
    out.push({ body: { type: 'dispatch.changed', payload: { dispatch: record } }, actor: by });
    return ok(record);
  }

  /** Units due by `now` arrive (journaled with the ETA as the arrival time). */
  arrivals(state: Pick<EmergencyState, 'dispatches'>, now: number, out: PendingEvent[]): void {
    for (const d of Object.values(state.dispatches)) {
      if (d.state === 'en_route' && d.etaAt <= now) out.push({ body: { type: 'dispatch.changed', payload: { dispatch: { ...d, state: 'arrived', arrivedAt: d.etaAt } } }, actor: 'system' });
    }
  }
}

function dist(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
}
