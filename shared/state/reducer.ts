import type { Band } from '../plant/band';
import type { Injection } from '../protocol/injection';
import type { AlarmRecord } from '../alarm/model';
import type { RiskGrade } from '../plant/alarmConfig';
import type { LocalText } from '../plant/primitives';
import type { JournalEvent } from './events';
import {
  CLOSED_HAZARD_LIMIT,
  CLOSED_INCIDENT_LIMIT,
  DRILL_HISTORY_LIMIT,
  FINDING_LIMIT,
  INCIDENT_LOG_LIMIT,
  initialDrillState,
  initialEmergencyState,
  initialWorkState,
  type DrillState,
  type EmergencyState,
  type IncidentLogEntry,
  type WorkState,
} from './commandParts';

export * from './commandParts';

/**
 * Command state: what every console shows besides raw values. Plain JSON so that it can be
 * snapshotted, sent and hashed. Only abnormal bands are kept (absent = normal); only alarms
 * that are not plainly normal (active, unacknowledged, latched, shelved, suppressed or out of
 * service) are kept.
 */
export interface CommandState {
  seq: number;
  time: number;
  plant: { id: string; hash: string } | null;
  startedAt: number | null;
  bands: Record<string, Exclude<Band, 'normal'>>;
  injections: Record<string, { injection: Injection; startedAt: number; until: number | null; actor: string }>;
  alarms: Record<string, AlarmRecord>;
  interlocks: Record<string, InterlockStatus>;
  risks: Record<string, RiskStatus>;
  flood: { flooding: boolean; ratePer10Min: number; since: number | null };
  /** Newest last, bounded. */
  notifications: NotificationEntry[];
  /** Newest last, bounded. */
  recent: { seq: number; time: number; type: string; actor: string }[];
  /** People safety (docs/people.md). May be absent in snapshots written before it existed. */
  people: PeopleState;
  /** Robots, findings, hidden-hazard work orders and inspection tasks (docs/hazards.md). May be absent in old snapshots. */
  work: WorkState;
  /** Incident command (docs/incidents.md). May be absent in old snapshots. */
  emergency: EmergencyState;
  /** Drills (docs/drills.md): the running or paused one shows a DRILL banner on every console. May be absent in old snapshots. */
  drill: DrillState;
}

/** What the journal says about people: never positions (high-rate), only what matters for command. */
export interface PeopleState {
  /** The last journaled occupancy (live counts travel in positions frames). */
  occupancy: { areas: Record<string, number>; roads: number; onSite: number; time: number } | null;
  /** Who is inside each restricted zone and confined space now: zone id → person id → entry. */
  zones: Record<string, Record<string, { since: number; authorised: boolean; kind: 'restricted' | 'confined' }>>;
  /** Reminders journaled, by `<person>/<qualification>/<expires>`. */
  reminders: Record<string, { person: string; qualification: string; expires: string; state: 'expiring' | 'expired'; time: number }>;
  /** Registry version after the last import (0 = the plant's seed). */
  registryVersion: number;
}

export function initialPeopleState(): PeopleState {
  return { occupancy: null, zones: {}, reminders: {}, registryVersion: 0 };
}

export interface InterlockStatus {
  tripped: boolean;
  trippedAt: number | null;
  bypassed: boolean;
  bypassReason: string | null;
}
export interface RiskStatus {
  area: string;
  inherent: RiskGrade;
  current: RiskGrade;
  reasons: LocalText[];
  since: number;
}
export interface NotificationEntry {
  seq: number;
  time: number;
  alarmIds: string[];
  alarmCount?: number | undefined;
  recipient: string;
  channel: 'console' | 'webhook';
  step: number;
  consolidated: boolean;
  delivered: boolean;
  error?: string | undefined;
}

export const RECENT_LIMIT = 200;
export const NOTIFICATION_LIMIT = 200;

export function initialState(): CommandState {
  return {
    seq: 0,
    time: 0,
    plant: null,
    startedAt: null,
    bands: {},
    injections: {},
    alarms: {},
    interlocks: {},
    risks: {},
    flood: { flooding: false, ratePer10Min: 0, since: null },
    notifications: [],
    recent: [],
    people: initialPeopleState(),
    work: initialWorkState(),
    emergency: initialEmergencyState(),
    drill: initialDrillState(),
  };
}

/**
 * A state from a snapshot written by an older version may lack parts added since (people, work,
 * emergency): fill them from the initial state so that readers can rely on every field.
 */
export function completeCommandState(s: CommandState): CommandState {
  const base = initialState();
  return { ...base, ...s, people: s.people ?? base.people, work: s.work ?? base.work, emergency: s.emergency ?? base.emergency, drill: s.drill ?? base.drill };
}

/** True when an alarm record carries nothing beyond "normal" and can be dropped from state. */
export function isPlainNormal(a: AlarmRecord): boolean {
  const l = a.lifecycle;
  return !l.active && l.acked && !l.latched && l.shelved === null && !l.suppressed && l.outOfService === null;
}

type MapKey = 'bands' | 'injections' | 'alarms' | 'interlocks' | 'risks';
type WorkKey = keyof WorkState;
type EmergencyKey = keyof EmergencyState;

/**
 * A working copy for one batch: each map is copied at most once, on its first write, so a batch
 * of k events over n records costs O(n + k), not O(n·k). The input state is never mutated.
 */
class Draft {
  readonly s: CommandState;
  private readonly copied = new Set<MapKey | 'recent' | 'notifications' | 'people' | 'people.zones' | 'people.reminders' | 'work' | `work.${WorkKey}` | 'emergency' | `emergency.${EmergencyKey}`>();
  constructor(state: CommandState) {
    this.s = { ...state };
  }
  map<K extends MapKey>(key: K): CommandState[K] {
    if (!this.copied.has(key)) {
      this.copied.add(key);
      this.s[key] = { ...this.s[key] } as CommandState[K];
    }
    return this.s[key];
  }
  /** The people state, copied once per batch (and filled in when an old snapshot lacks it). */
  people(): PeopleState {
    if (!this.copied.has('people')) {
      this.copied.add('people');
      this.s.people = { ...initialPeopleState(), ...this.s.people };
    }
    return this.s.people;
  }
  /** One of the people state's maps, copied once per batch. */
  peopleMap<K extends 'zones' | 'reminders'>(key: K): PeopleState[K] {
    const p = this.people();
    const tag = `people.${key}` as const;
    if (!this.copied.has(tag)) {
      this.copied.add(tag);
      p[key] = { ...p[key] } as PeopleState[K];
    }
    return p[key];
  }
  /** The work state, copied once per batch (and filled in when an old snapshot lacks it). */
  work(): WorkState {
    if (!this.copied.has('work')) {
      this.copied.add('work');
      this.s.work = { ...initialWorkState(), ...this.s.work };
    }
    return this.s.work;
  }
  /** One of the work state's maps or lists, copied once per batch. */
  workPart<K extends WorkKey>(key: K): WorkState[K] {
    const w = this.work();
    const tag = `work.${key}` as const;
    if (!this.copied.has(tag)) {
      this.copied.add(tag);
      const v = w[key];
      w[key] = (Array.isArray(v) ? [...v] : { ...v }) as WorkState[K];
    }
    return w[key];
  }
  /** The emergency state, copied once per batch (and filled in when an old snapshot lacks it). */
  emergency(): EmergencyState {
    if (!this.copied.has('emergency')) {
      this.copied.add('emergency');
      this.s.emergency = { ...initialEmergencyState(), ...this.s.emergency };
    }
    return this.s.emergency;
  }
  /** One of the emergency state's maps or lists, copied once per batch. */
  emergencyPart<K extends EmergencyKey>(key: K): EmergencyState[K] {
    const w = this.emergency();
    const tag = `emergency.${key}` as const;
    if (!this.copied.has(tag)) {
      this.copied.add(tag);
      const v = w[key];
      w[key] = (Array.isArray(v) ? [...v] : { ...v }) as EmergencyState[K];
    }
    return w[key];
  }
  /** Appends to one incident's log (copying that log once per batch). */
  log(incidentId: string, entry: IncidentLogEntry): void {
    const logs = this.emergencyPart('logs');
    const tag = `emergency.logs.${incidentId}`;
    if (!this.logsCopied.has(tag)) {
      this.logsCopied.add(tag);
      logs[incidentId] = [...(logs[incidentId] ?? [])];
    }
    const list = logs[incidentId]!;
    list.push(entry);
    if (list.length > INCIDENT_LOG_LIMIT) list.splice(0, list.length - INCIDENT_LOG_LIMIT);
  }
  private readonly logsCopied = new Set<string>();
  list<K extends 'recent' | 'notifications'>(key: K): CommandState[K] {
    if (!this.copied.has(key)) {
      this.copied.add(key);
      this.s[key] = [...this.s[key]] as CommandState[K];
    }
    return this.s[key];
  }
}

/**
 * The one reducer. Pure: never mutates `state`, never reads a clock. An event whose seq is not
 * the next one is a caller bug and throws, so that a gap is never silently papered over.
 */
export function reduce(state: CommandState, e: JournalEvent): CommandState {
  return reduceAll(state, [e]);
}

export function reduceAll(state: CommandState, events: readonly JournalEvent[]): CommandState {
  if (events.length === 0) return state;
  const d = new Draft(state);
  for (const e of events) apply(d, e);
  const recent = d.s.recent;
  if (recent.length > RECENT_LIMIT) recent.splice(0, recent.length - RECENT_LIMIT);
  const notes = d.s.notifications;
  if (notes.length > NOTIFICATION_LIMIT) notes.splice(0, notes.length - NOTIFICATION_LIMIT);
  const findings = d.s.work?.findings;
  if (findings && findings.length > FINDING_LIMIT) d.workPart('findings').splice(0, findings.length - FINDING_LIMIT);
  return d.s;
}

function apply(d: Draft, e: JournalEvent): void {
  const s = d.s;
  if (e.seq !== s.seq + 1) throw new Error(`event seq ${e.seq} does not follow ${s.seq}`);
  s.seq = e.seq;
  s.time = e.time;
  d.list('recent').push({ seq: e.seq, time: e.time, type: e.type, actor: e.actor });
  switch (e.type) {
    case 'system.started':
      s.plant = { id: e.payload.plantId, hash: e.payload.plantHash };
      s.startedAt = e.time;
      return;
    case 'tag.band.changed': {
      const bands = d.map('bands');
      if (e.payload.to === 'normal') delete bands[e.payload.tag];
      else bands[e.payload.tag] = e.payload.to;
      return;
    }
    case 'sim.injection.started':
      d.map('injections')[e.payload.injectionId] = { injection: e.payload.injection, startedAt: e.time, until: e.payload.until, actor: e.actor };
      return;
    case 'sim.injection.ended':
      delete d.map('injections')[e.payload.injectionId];
      return;
    case 'alarm.changed': {
      const alarms = d.map('alarms');
      if (isPlainNormal(e.payload.alarm)) delete alarms[e.payload.alarm.id];
      else alarms[e.payload.alarm.id] = e.payload.alarm;
      return;
    }
    case 'alarm.notified':
      d.list('notifications').push({ seq: e.seq, time: e.time, ...e.payload });
      return;
    case 'interlock.tripped': {
      const m = d.map('interlocks');
      const prev = m[e.payload.interlockId];
      m[e.payload.interlockId] = { bypassed: false, bypassReason: null, ...prev, tripped: true, trippedAt: e.time };
      return;
    }
    case 'interlock.reset': {
      const m = d.map('interlocks');
      const prev = m[e.payload.interlockId];
      m[e.payload.interlockId] = { bypassed: false, bypassReason: null, ...prev, tripped: false, trippedAt: null };
      return;
    }
    case 'interlock.bypass.changed': {
      const m = d.map('interlocks');
      const prev = m[e.payload.interlockId];
      m[e.payload.interlockId] = {
        tripped: false,
        trippedAt: null,
        ...prev,
        bypassed: e.payload.bypassed,
        bypassReason: e.payload.bypassed ? (e.payload.reason ?? null) : null,
      };
      return;
    }
    case 'risk.grade.changed':
      d.map('risks')[e.payload.riskId] = {
        area: e.payload.area,
        inherent: e.payload.inherent,
        current: e.payload.current,
        reasons: e.payload.reasons,
        since: e.time,
      };
      return;
    case 'alarm.flood.changed':
      s.flood = { flooding: e.payload.flooding, ratePer10Min: e.payload.ratePer10Min, since: e.payload.flooding ? e.time : null };
      return;
    case 'people.zone.changed': {
      const zones = d.peopleMap('zones');
      const { zone, person } = e.payload;
      const inside = { ...zones[zone] };
      if (e.payload.entered) inside[person] = { since: e.time, authorised: e.payload.authorised, kind: e.payload.zoneKind };
      else delete inside[person];
      if (Object.keys(inside).length === 0) delete zones[zone];
      else zones[zone] = inside;
      return;
    }
    case 'people.occupancy.changed':
      d.people().occupancy = { ...e.payload, time: e.time };
      return;
    case 'people.qualification.reminder': {
      const { person, qualification, expires, state } = e.payload;
      d.peopleMap('reminders')[`${person}/${qualification}/${expires}`] = { person, qualification, expires, state, time: e.time };
      return;
    }
    case 'people.registry.imported':
      d.people().registryVersion = e.payload.registryVersion;
      return;
    case 'robot.state.changed': {
      const { robot, to, batteryPct } = e.payload;
      d.workPart('robots')[robot] = { state: to, since: e.time, batteryPct };
      return;
    }
    case 'robot.finding':
      d.workPart('findings').push(e.payload.finding);
      return;
    case 'hazard.changed': {
      const h = e.payload.hazard;
      const hazards = d.workPart('hazards');
      const closed = d.workPart('closedHazards');
      const wasClosed = closed.indexOf(h.id);
      if (wasClosed >= 0) closed.splice(wasClosed, 1);
      hazards[h.id] = h;
      if (h.state === 'closed' || h.state === 'dismissed') {
        closed.push(h.id);
        while (closed.length > CLOSED_HAZARD_LIMIT) delete hazards[closed.shift() as string];
      }
      return;
    }
    case 'inspection.task.changed': {
      const t = e.payload.task;
      const tasks = d.workPart('tasks');
      if (t.state === 'due') tasks[t.id] = t;
      else delete tasks[t.id];
      return;
    }
    case 'incident.changed': {
      const inc = e.payload.incident;
      const incidents = d.emergencyPart('incidents');
      const closed = d.emergencyPart('closedIncidents');
      const at = closed.indexOf(inc.id);
      if (at >= 0) closed.splice(at, 1);
      incidents[inc.id] = inc;
      d.log(inc.id, { seq: e.seq, time: e.time, actor: e.actor, type: e.type, action: e.payload.action, note: e.payload.note });
      if (inc.state === 'closed') {
        closed.push(inc.id);
        while (closed.length > CLOSED_INCIDENT_LIMIT) forgetIncident(d, closed.shift() as string);
      }
      return;
    }
    case 'incident.zones.changed':
      d.emergencyPart('zones')[e.payload.incidentId] = e.payload;
      d.log(e.payload.incidentId, { seq: e.seq, time: e.time, actor: e.actor, type: e.type, action: 'zones' });
      return;
    case 'incident.risk.changed':
      d.emergencyPart('risk')[e.payload.incidentId] = e.payload;
      return;
    case 'incident.notice.sent': {
      const { incidentId, recipients, musterPoints } = e.payload;
      d.emergencyPart('notices')[incidentId] = { time: e.time, recipients: recipients.length, musterPoints };
      d.log(incidentId, { seq: e.seq, time: e.time, actor: e.actor, type: e.type, action: 'notice', note: `${recipients.length}` });
      return;
    }
    case 'muster.changed': {
      const prev = d.s.emergency?.muster[e.payload.incidentId];
      d.emergencyPart('muster')[e.payload.incidentId] = e.payload;
      if (e.payload.t90At !== null && (prev?.t90At ?? null) === null) d.log(e.payload.incidentId, { seq: e.seq, time: e.time, actor: e.actor, type: e.type, action: 'muster_90' });
      if (e.payload.t100At !== null && (prev?.t100At ?? null) === null) d.log(e.payload.incidentId, { seq: e.seq, time: e.time, actor: e.actor, type: e.type, action: 'muster_100' });
      return;
    }
    case 'dispatch.changed': {
      const dsp = e.payload.dispatch;
      d.emergencyPart('dispatches')[dsp.id] = dsp;
      d.log(dsp.incidentId, { seq: e.seq, time: e.time, actor: e.actor, type: e.type, action: `dispatch_${dsp.state}`, note: dsp.unit });
      return;
    }
    case 'resource.stock.changed': {
      const { point, kind, quantity, expires } = e.payload;
      d.emergencyPart('stock')[`${point}/${kind}`] = { quantity, expires };
      return;
    }
    case 'resource.alert': {
      const { point, kind, alert, cleared } = e.payload;
      const alerts = d.emergencyPart('alerts');
      const key = `${point}/${kind}`;
      const rest = (alerts[key] ?? []).filter((a) => a.alert !== alert);
      if (!cleared) rest.push({ alert, since: e.time });
      if (rest.length === 0) delete alerts[key];
      else alerts[key] = rest;
      return;
    }
    case 'drill.changed': {
      const dr = e.payload.drill;
      const prev = s.drill ?? initialDrillState();
      if (dr.state === 'running' || dr.state === 'paused') {
        s.drill = { ...prev, active: dr };
      } else {
        const recent = [...prev.recent.filter((r) => r.drill.id !== dr.id), { drill: dr, score: null }];
        if (recent.length > DRILL_HISTORY_LIMIT) recent.splice(0, recent.length - DRILL_HISTORY_LIMIT);
        s.drill = { active: prev.active?.id === dr.id ? null : prev.active, recent };
      }
      return;
    }
    case 'drill.scored': {
      const prev = s.drill ?? initialDrillState();
      s.drill = { ...prev, recent: prev.recent.map((r) => (r.drill.id === e.payload.drillId ? { ...r, score: e.payload } : r)) };
      return;
    }
    case 'user.signed_in':
      return;
    default:
      unknownEvent(e);
  }
}

/** Drops a closed incident and everything keyed by it (its dispatches too) from state. */
function forgetIncident(d: Draft, id: string): void {
  delete d.emergencyPart('incidents')[id];
  delete d.emergencyPart('zones')[id];
  delete d.emergencyPart('risk')[id];
  delete d.emergencyPart('muster')[id];
  delete d.emergencyPart('notices')[id];
  delete d.emergencyPart('logs')[id];
  const dispatches = d.emergencyPart('dispatches');
  for (const [k, v] of Object.entries(dispatches)) if (v.incidentId === id) delete dispatches[k];
}

/** Events are validated where they enter; one that still slips through is a bug, not a no-op. */
function unknownEvent(e: never): never {
  throw new Error(`unknown event type ${JSON.stringify((e as { type?: unknown }).type)}`);
}
