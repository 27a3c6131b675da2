import type { LastFix } from '../../shared/incident/musterBoard';
import type { IncidentRecord } from '../../shared/incident/model';
import type { DispatchCandidate } from '../../shared/incident/resources';
import { plantRoadGraph } from '../../shared/incident/routePlantGraph';
import { diffStockAlerts } from '../../shared/incident/stockAlerts';
import type { PositionColumns } from '../../shared/incident/zonesRisk';
import type { Plant } from '../../shared/plant/schema';
import type { ChemicalThreat } from '../../shared/plume/threatLevels';
import { fail, ok, type Ack } from '../../shared/protocol/messages';
import { initialEmergencyState, type EmergencyState } from '../../shared/state/reducer';
import type { Clock } from '../../shared/util/clock';
import type { CommandHandlers } from '../engine/CommandService';
import type { CommandEngine, PendingEvent } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import type { PeopleService } from '../people/PeopleService';
import { tzOffsetMs } from '../sim/timezone';
import { Dispatcher } from './Dispatcher';
import { Evacuation, type EvacuationPeople } from './Evacuation';
import { ResourceBook, type ResourcesView } from './ResourceBook';
import { ThreatTracker } from './ThreatTracker';
import { WindSource, type Wind } from './WindSource';

/** Stock alerts are re-checked this often even without a stock change (expiry moves with the day). */
export const STOCK_CHECK_MS = 3600_000;

export interface EmergencyServiceDeps {
  plant: Plant;
  engine: CommandEngine;
  clock: Clock;
  /** Latest tag values (the met station's wind). */
  latest: { values: Float64Array; quality: Uint8Array };
  people: PeopleService;
  chemicals: ReadonlyMap<string, ChemicalThreat>;
}

/**
 * Threat zones, people at risk, evacuation and muster, emergency resources and routed dispatch
 * on the plant server (docs/incidents.md, "Threat zones, muster and dispatch"). Reads incidents
 * from the command state (server/incident opens and classifies them); its tick stage runs
 * after the incident stage.
 */
export class EmergencyService {
  readonly wind: WindSource;
  readonly threats: ThreatTracker;
  readonly evacuation: Evacuation;
  readonly book: ResourceBook | null;
  readonly dispatcher: Dispatcher | null;
  private lastStockCheck = -Infinity;
  private seeded = false;
  readonly stage: TickStage = { name: 'emergency', run: (_batch, now) => this.run(now) };

  constructor(private readonly d: EmergencyServiceDeps) {
    this.wind = new WindSource(d.plant);
    const tz = (t: number): number => tzOffsetMs(d.plant.meta.timezone, t);
    this.threats = new ThreatTracker({
      chemicals: d.chemicals,
      wind: () => this.wind.current(),
      localHour: (t) => ((((t + tz(t)) / 3_600_000) % 24) + 24) % 24,
      positions: () => this.positions(),
    });
    this.evacuation = new Evacuation(d.plant, this.evacuationPeople());
    const file = d.plant.emergencyResources;
    this.book = file ? new ResourceBook(file, d.people.registry) : null;
    this.dispatcher = file && this.book ? new Dispatcher(this.book, plantRoadGraph(d.plant.roads, file.roadKmh).graph) : null;
  }

  private get state(): EmergencyState {
    return this.d.engine.state.emergency ?? initialEmergencyState();
  }

  private today(now: number): number {
    return this.d.people.today(now);
  }

  /** Drill / test hook: force the wind the zones use (null: back to the met station). */
  setWindOverride(w: Wind | null): void {
    this.wind.override(w);
  }

  private positions(): PositionColumns {
    const g = this.d.people.geofence;
    const reg = this.d.people.registry;
    return { count: Math.min(g.count, reg.size), x: g.x, y: g.y, onSite: (p) => g.onSite(p), id: (p) => reg.people[p]!.id };
  }

  private evacuationPeople(): EvacuationPeople {
    const svc = this.d.people;
    const areaOf = (p: number): string | null => {
      const slot = svc.geofence.area[p]!;
      return slot >= 0 ? (svc.geo.areaIds[slot] ?? null) : null;
    };
    const people: EvacuationPeople = {
      onSite: () => {
        const g = svc.geofence;
        const out: ReturnType<EvacuationPeople['onSite']> = [];
        for (let p = 0; p < Math.min(g.count, svc.registry.size); p++) if (g.onSite(p)) out.push({ person: svc.registry.people[p]!.id, x: g.x[p]!, y: g.y[p]!, area: areaOf(p) });
        return out;
      },
      lastFix: (person): LastFix | null => {
        const p = svc.registry.indexOf(person);
        const g = svc.geofence;
        if (p === undefined || p >= g.count || !(g.lastT[p]! > 0)) return null;
        return { position: [g.x[p]!, g.y[p]!, g.z[p]!], area: areaOf(p), at: g.lastT[p]! };
      },
    };
    const sim = svc.sim;
    if (sim) {
      // The people simulator's own person_move (walk) is its public way to send someone somewhere; not journaled as a drill injection.
      people.walkTo = (person, x, y, tag, now) => {
        try {
          sim.inject({ kind: 'person_move', person, to: [x, y, 0], floor: 0, mode: 'walk' }, now, tag);
        } catch (err) {
          console.warn(`evacuation: could not walk ${person} to the muster point: ${err instanceof Error ? err.message : String(err)}`);
        }
      };
    }
    return people;
  }

  private openIncidents(): IncidentRecord[] {
    return Object.values(this.state.incidents).filter((i) => i.state === 'open');
  }

  /** One tick: zones, people at risk, muster boards, arrivals, stock alerts. */
  run(now: number): PendingEvent[] {
    const out: PendingEvent[] = [];
    this.wind.sample(this.d.latest, now);
    const open = this.openIncidents();
    if (!this.seeded) {
      this.seeded = true;
      for (const inc of open) {
        const z = this.state.zones[inc.id];
        if (z) this.threats.seed(inc, z, this.state.risk[inc.id], now);
      }
    }
    this.threats.run(open, now, out);
    // Boards keep counting after containment, until the incident closes.
    this.evacuation.run(new Set(Object.values(this.state.incidents).filter((i) => i.state !== 'closed').map((i) => i.id)), now, out);
    this.dispatcher?.arrivals(this.state, now, out);
    if (now - this.lastStockCheck >= STOCK_CHECK_MS) {
      this.lastStockCheck = now;
      this.stockAlerts(this.state, now, out);
    }
    return out;
  }

  /** Alert changes for the stock as it will stand after `pending` stock changes. */
  private stockAlerts(state: EmergencyState, now: number, out: PendingEvent[], pending: readonly PendingEvent[] = []): void {
    if (!this.book) return;
    const stock = { ...state.stock };
    for (const e of pending) if (e.body.type === 'resource.stock.changed') stock[`${e.body.payload.point}/${e.body.payload.kind}`] = { quantity: e.body.payload.quantity, expires: e.body.payload.expires };
    for (const c of diffStockAlerts(state.alerts, this.book.levels({ stock }), this.today(now), this.book.file.expiryWarnDays)) out.push({ body: { type: 'resource.alert', payload: c }, actor: 'system' });
  }

  private append(events: PendingEvent[]): void {
    if (events.length > 0) this.d.engine.appendBatch(events);
  }

  private situation(incidentId: string): Ack<Parameters<Dispatcher['candidates']>[0]> {
    const incident = this.state.incidents[incidentId];
    if (!incident) return fail('not_found', `no incident "${incidentId}"`);
    const z = this.threats.zonesOf(incidentId);
    return ok({ incident, plume: z ? { fromDeg: z.zones.wind.fromDeg, zones: z.compiled } : null, state: this.state, today: this.today(this.d.clock.now()) });
  }

  /** GET /api/v1/incidents/:id/dispatch/candidates: one need, or every need of the incident's type. */
  candidates(incidentId: string, need: string | undefined): Ack<{ incidentId: string; target: [number, number] | null; needs: string[]; candidates: DispatchCandidate[] }> {
    if (!this.dispatcher) return fail('not_found', 'this plant has no emergency-resources.json');
    const s = this.situation(incidentId);
    if (!s.ok) return s;
    const needs = need !== undefined ? [need] : this.dispatcher.needsOf(s.data.incident);
    const all: DispatchCandidate[] = [];
    let target: [number, number] | null = null;
    for (const n of needs) {
      const r = this.dispatcher.candidates(s.data, n);
      if (!r.ok) return r;
      target = r.data.target;
      all.push(...r.data.candidates);
    }
    return ok({ incidentId, target, needs, candidates: all });
  }

  resources(): Ack<ResourcesView> {
    if (!this.book) return fail('not_found', 'this plant has no emergency-resources.json');
    return ok(this.book.view(this.state, this.today(this.d.clock.now())));
  }

  readonly commandHandlers: CommandHandlers = {
    'incident.evacuate': (p, user) => {
      const incident = this.state.incidents[p.incidentId];
      if (!incident) return fail('not_found', `no incident "${p.incidentId}"`);
      const now = this.d.clock.now();
      const z = this.threats.zonesOf(incident.id);
      const risk = z ? this.threats.riskNow(incident.id) : null;
      const out: PendingEvent[] = [];
      const ack = this.evacuation.evacuate(
        { incident, areas: p.areas, by: user.name, note: p.note, atRisk: risk ? risk.people.map((x) => x.person) : null, plume: z ? { source: [incident.source.position[0], incident.source.position[1]], fromDeg: z.zones.wind.fromDeg, zones: z.compiled } : null },
        now,
        out,
      );
      if (ack.ok) this.append(out);
      return ack;
    },
    'dispatch.create': (p, user) => {
      if (!this.dispatcher) return fail('not_found', 'this plant has no emergency-resources.json');
      const s = this.situation(p.incidentId);
      if (!s.ok) return s;
      const now = this.d.clock.now();
      const out: PendingEvent[] = [];
      const ack = this.dispatcher.create(s.data, p, user.name, now, out);
      if (!ack.ok) return ack;
      this.stockAlerts(this.state, now, out, [...out]);
      this.append(out);
      return ack;
    },
    'dispatch.cancel': (p, user) => {
      if (!this.dispatcher) return fail('not_found', 'this plant has no emergency-resources.json');
      const out: PendingEvent[] = [];
      const ack = this.dispatcher.cancel(this.state, p.dispatchId, p.reason, user.name, out);
      if (ack.ok) this.append(out);
      return ack;
    },
    'resource.restock': (p, user) => {
      if (!this.book) return fail('not_found', 'this plant has no emergency-resources.json');
      const level = this.book.level(this.state, p.point, p.kind);
      if (!level) {
        const known = this.book.file.stockPoints.some((sp) => sp.id === p.point);
        return fail('not_found', known ? `stock point ${p.point} holds no ${p.kind}` : `no stock point "${p.point}"`);
      }
      const now = this.d.clock.now();
      const out: PendingEvent[] = [{ body: { type: 'resource.stock.changed', payload: { point: p.point, kind: p.kind, quantity: p.quantity, expires: p.expires ?? level.expires, reason: 'restock' } }, actor: user.name }];
      this.stockAlerts(this.state, now, out, [...out]);
      this.append(out);
      return ok({ point: p.point, kind: p.kind, quantity: p.quantity, expires: p.expires ?? level.expires });
    },
  };
}
