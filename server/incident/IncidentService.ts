import type { AlarmRecord } from '../../shared/alarm/model';
import { plantDateKey } from '../../shared/hazard/hazardId';
import { areaAt, locateHazard, type LocateContext } from '../../shared/hazard/locate';
import { classifyIncident, incidentLevel, type LevelResult } from '../../shared/incident/classifyIncident';
import { newIncident, nextIncident, type IncidentChange } from '../../shared/incident/incidentRecord';
import type { IncidentRecord, IncidentRulesFile } from '../../shared/incident/model';
import type { EmergencyPlan } from '../../shared/incident/plan';
import { planFor } from '../../shared/incident/planChecklist';
import type { Equipment, Plant } from '../../shared/plant/schema';
import type { CommandPayload } from '../engine/CommandService';
import { fail, ok, type Ack } from '../../shared/protocol/messages';
import type { Clock } from '../../shared/util/clock';
import type { AuthUser } from '../auth/authService';
import type { CommandEngine, PendingEvent } from '../engine/CommandEngine';
import { tzOffsetMs } from '../sim/timezone';
import { IncidentIndex } from './IncidentIndex';
import { openFacts, sourceFromAlarm, titleFor, type AlarmContext } from './incidentFromAlarm';

export interface PersonLookup {
  indexOf(id: string): number | undefined;
}

export interface IncidentServiceDeps {
  plant: Plant;
  engine: CommandEngine;
  clock: Clock;
  /** The plant's incident-rules.json; without it nothing opens by itself and manual incidents take level IV. */
  rules: IncidentRulesFile | null;
  plans: readonly EmergencyPlan[];
  /** The personnel registry: ICS roles go to people in it. */
  people: PersonLookup;
  /** Latest good value of a tag by index, or null. */
  latestValue(tag: number): number | null;
}

const DEFAULT_HEIGHT_M = 1;

/**
 * Incident command on the server (docs/incidents.md): opens incidents from confirmed alarms and
 * trips (through the tick stage) or by hand, and runs the incident commands. Every transition is
 * decided by the shared `nextIncident` and journaled as one `incident.changed` with the whole
 * record; this class only finds the record, checks what the plant and registry say, and appends.
 */
export class IncidentService {
  readonly index: IncidentIndex;
  readonly alarmCtx: AlarmContext;
  readonly locate: LocateContext;
  private readonly plansById: Map<string, EmergencyPlan>;

  constructor(readonly d: IncidentServiceDeps) {
    this.index = new IncidentIndex(d.engine);
    const equipment = new Map<string, Equipment>(d.plant.equipment.map((e) => [e.id, e]));
    this.alarmCtx = {
      plant: d.plant,
      tagIndex: new Map(d.plant.tags.map((t, i) => [t.id, i])),
      equipment,
      latestValue: d.latestValue,
      localHour: (at) => ((((at + this.tzOffset(at)) / 3_600_000) % 24) + 24) % 24,
    };
    this.locate = { areas: d.plant.areas, equipment };
    this.plansById = new Map(d.plans.map((p) => [p.id, p]));
  }

  tzOffset(at: number): number {
    return tzOffsetMs(this.d.plant.meta.timezone, at);
  }

  plan(id: string | undefined): EmergencyPlan | null {
    return id !== undefined ? (this.plansById.get(id) ?? null) : null;
  }

  /** The record now: the state's copy when it still holds it, else the index's. */
  record(id: string): IncidentRecord | undefined {
    return this.d.engine.state.emergency?.incidents[id] ?? this.index.records.get(id);
  }

  /** Level facts of a record as of now (people exposed from the threat engine's risk counts). */
  levelOf(r: Pick<IncidentRecord, 'id' | 'type' | 'source'>, escalation: number): LevelResult | null {
    if (!this.d.rules) return null;
    const risk = this.d.engine.state.emergency?.risk[r.id];
    const eq = r.source.equipment !== null ? this.alarmCtx.equipment.get(r.source.equipment) : undefined;
    return incidentLevel(this.d.rules, {
      type: r.type,
      chemical: r.source.chemical,
      inventoryT: eq?.inventoryT ?? null,
      peopleExposed: risk ? risk.counts.red + risk.counts.orange : 0,
      escalation,
    });
  }

  private nextId(now: number): string {
    return this.index.counter.next(plantDateKey(now, this.tzOffset(now)));
  }

  /**
   * What a newly active alarm does: opens an incident by the open rules, escalates the active
   * incident it belongs to (the same alarm, or an automatic incident in the same area), or
   * nothing. `pending` holds incidents opened earlier in the same tick (not yet in the index).
   */
  fromAlarm(a: AlarmRecord, now: number, pending: Map<string, IncidentRecord>): PendingEvent | null {
    if (!this.d.rules) return null;
    const facts = openFacts(this.alarmCtx, a);
    const cls = classifyIncident(this.d.rules, facts);
    if (!cls) return null;
    const active = pending.get(a.area) ?? this.index.activeFor(a.id, a.area);
    if (active) {
      if (active.trigger.ref === a.id || this.index.refsOf(active.id).has(a.id)) return null;
      const r = nextIncident(active, { kind: 'escalate', ref: a.id, note: `${a.kind} ${a.source} (${cls.type}) in ${a.area} / 同区域事态扩大` }, now, 'system');
      return r.ok ? { body: { type: 'incident.changed', payload: { incident: r.record, action: r.action, ...(r.note !== undefined ? { note: r.note } : {}) } }, actor: 'system' } : null;
    }
    const { source, method } = sourceFromAlarm(this.alarmCtx, a, facts.chemical, now);
    const id = this.nextId(now);
    const base = { id, type: cls.type, source };
    const level = this.levelOf(base, 1)!;
    const record = newIncident({
      ...base,
      level: level.level,
      levelReasons: level.reasons,
      title: titleFor(this.alarmCtx, cls.type, a, facts.chemical),
      openedAt: now,
      openedBy: 'system',
      trigger: { kind: a.kind === 'TRIP' ? 'interlock' : 'alarm', ref: a.id },
      area: a.area,
      plan: planFor(this.d.plans, cls.type),
      // A drill running tags everything it causes (docs/drills.md): never in real lists or KPIs.
      drill: this.d.engine.state.drill.active !== null,
    });
    pending.set(a.area, record);
    const note = `${cls.rule}: ${a.id}; level ${level.level} (${level.rules.join(', ') || 'default'}); rate ${source.rateKgS === null ? 'unknown' : `${source.rateKgS} kg/s estimated`} (${method})`;
    return { body: { type: 'incident.changed', payload: { incident: record, action: 'open', note } }, actor: 'system' };
  }

  open(p: CommandPayload<'incident.open'>, user: AuthUser): Ack<{ incident: IncidentRecord }> {
    const loc = p.position || p.area || p.equipment ? locateHazard(this.locate, p) : null;
    if (loc && !loc.ok) return fail('not_found', loc.message);
    if (p.chemical !== undefined && !this.d.plant.chemicals.some((c) => c.id === p.chemical)) return fail('not_found', `unknown chemical "${p.chemical}" / 未知化学品`);
    const eq = p.equipment !== undefined ? this.alarmCtx.equipment.get(p.equipment) : undefined;
    const position = p.position ?? eq?.releaseSources[0] ?? (loc?.ok ? loc.position : [0, 0, 0]);
    const now = this.d.clock.now();
    const source = {
      position,
      chemical: p.chemical ?? eq?.chemical ?? null,
      rateKgS: p.rateKgS ?? null,
      rateEstimated: false,
      heightM: p.heightM ?? (p.position || eq ? Math.max(0, Math.min(500, position[2])) : DEFAULT_HEIGHT_M),
      equipment: eq?.id ?? null,
    };
    const id = this.nextId(now);
    const rulesLevel = this.levelOf({ id, type: p.type, source }, 0);
    const level = p.level ?? rulesLevel?.level ?? 'IV';
    const reasons = p.level !== undefined ? [{ zh: `${user.name} 开启时指定`, en: `set by ${user.name} at opening` }] : (rulesLevel?.reasons ?? [{ zh: '无分级规则，默认 IV 级', en: 'no level rules: level IV' }]);
    const record = newIncident({
      id,
      type: p.type,
      level,
      levelReasons: reasons,
      title: typeof p.title === 'string' ? { zh: p.title, en: p.title } : p.title,
      openedAt: now,
      openedBy: user.name,
      trigger: { kind: 'manual', ref: null },
      area: loc?.ok ? loc.area : p.position ? areaAt(this.locate, p.position[0], p.position[1]) : null,
      source,
      plan: planFor(this.d.plans, p.type),
      // A drill running tags everything it causes (docs/drills.md): never in real lists or KPIs.
      drill: this.d.engine.state.drill.active !== null,
    });
    this.d.engine.append({ type: 'incident.changed', payload: { incident: record, action: 'open', ...(p.note ? { note: p.note } : {}) } }, user.name);
    return ok({ incident: record });
  }

  /** Applies one change to an incident and journals it (commands). */
  change(id: string, c: IncidentChange, user: AuthUser): Ack<{ incident: IncidentRecord }> {
    const r = this.record(id);
    if (!r) return fail('not_found', `unknown incident "${id.slice(0, 80)}" / 未知事件`);
    const next = nextIncident(r, c, this.d.clock.now(), user.name);
    if (!next.ok) return fail(next.code, next.message);
    this.d.engine.append({ type: 'incident.changed', payload: { incident: next.record, action: next.action, ...(next.note !== undefined ? { note: next.note } : {}) } }, user.name);
    return ok({ incident: next.record });
  }

  assignRole(p: CommandPayload<'incident.assignRole'>, user: AuthUser): Ack<{ incident: IncidentRecord }> {
    if (p.person !== null && this.d.people.indexOf(p.person) === undefined) return fail('not_found', `person "${p.person}" is not in the registry / 人员不在名册中`);
    return this.change(p.incidentId, { kind: 'role', role: p.role, person: p.person }, user);
  }

  setSource(p: CommandPayload<'incident.setSource'>, user: AuthUser): Ack<{ incident: IncidentRecord }> {
    if (p.chemical !== undefined && !this.d.plant.chemicals.some((c) => c.id === p.chemical)) return fail('not_found', `unknown chemical "${p.chemical}" / 未知化学品`);
    if (p.position === undefined && p.chemical === undefined && p.rateKgS === undefined && p.heightM === undefined) return fail('bad_request', 'give at least one of position, chemical, rateKgS, heightM / 至少修改一项');
    return this.change(p.incidentId, { kind: 'source', position: p.position, chemical: p.chemical, rateKgS: p.rateKgS, heightM: p.heightM }, user);
  }
}
