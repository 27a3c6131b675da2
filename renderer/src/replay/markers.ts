import type { JournalEvent } from '../../../shared/state/events';

/** What a timeline marker stands for; the bar colours them by kind. */
export type MarkerKind = 'alarm' | 'trip' | 'incident' | 'action' | 'drill';

/**
 * One event on the timeline. `what` is an i18n key under `replay.what.*` with its values, so the
 * hover reads "who did what" in the console's language.
 */
export interface Marker {
  seq: number;
  time: number;
  kind: MarkerKind;
  actor: string;
  what: { key: string; values: Record<string, string | number> };
}

/** Alarm causes that only an operator's command produces. */
const OPERATOR_ALARM_CAUSES = new Set(['ack', 'reset', 'shelve', 'unshelve', 'suppress', 'unsuppress', 'remove_from_service', 'return_to_service']);
/** Incident actions the engine takes by itself (not an operator's). */
const ENGINE_INCIDENT_ACTIONS = new Set(['step_late', 'escalate']);

/**
 * The marker an event makes, or null when it is not worth one (telemetry-derived noise such as
 * band changes, notifications, occupancy). Operator actions (acks, shelves, dispatches, plan
 * steps, drill control) are 'action' markers with their actor.
 */
export function markerOf(e: JournalEvent): Marker | null {
  const base = { seq: e.seq, time: e.time, actor: e.actor };
  switch (e.type) {
    case 'alarm.changed': {
      const a = e.payload.alarm;
      if (e.payload.cause === 'activate') return { ...base, kind: 'alarm', what: { key: 'alarm', values: { id: a.id, priority: a.priority } } };
      if (OPERATOR_ALARM_CAUSES.has(e.payload.cause)) return { ...base, kind: 'action', what: { key: `alarm_${e.payload.cause}`, values: { id: a.id } } };
      return null;
    }
    case 'interlock.tripped':
      return { ...base, kind: 'trip', what: { key: 'trip', values: { id: e.payload.interlockId, equipment: e.payload.equipment } } };
    case 'incident.changed': {
      const i = e.payload.incident;
      const values = { id: i.id, level: i.level, action: e.payload.action };
      if (e.payload.action === 'open' || ENGINE_INCIDENT_ACTIONS.has(e.payload.action) || e.actor === 'system') return { ...base, kind: 'incident', what: { key: 'incident', values } };
      return { ...base, kind: 'action', what: { key: 'incident_action', values } };
    }
    case 'dispatch.changed':
      if (e.actor === 'system') return null;
      return { ...base, kind: 'action', what: { key: 'dispatch', values: { id: e.payload.dispatch.id, unit: e.payload.dispatch.unit } } };
    case 'hazard.changed':
      if (e.actor === 'system') return null;
      return { ...base, kind: 'action', what: { key: 'hazard', values: { id: e.payload.hazard.id } } };
    case 'drill.changed':
      if (e.payload.action === 'step') return null;
      return { ...base, kind: 'drill', what: { key: 'drill', values: { id: e.payload.drill.id, action: e.payload.action } } };
    default:
      return null;
  }
}

/** Markers of a run of events, in seq order. */
export function buildMarkers(events: readonly JournalEvent[]): Marker[] {
  const out: Marker[] = [];
  for (const e of events) {
    const m = markerOf(e);
    if (m) out.push(m);
  }
  return out;
}

/**
 * At most `limit` markers for drawing: every operator action, incident, trip and drill marker is
 * kept; alarm activations are thinned evenly when there are too many (an alarm flood would
 * otherwise bury the actions the timeline is for).
 */
export function thinMarkers(markers: readonly Marker[], limit: number): Marker[] {
  if (markers.length <= limit) return markers.slice();
  const keep = markers.filter((m) => m.kind !== 'alarm');
  const alarms = markers.filter((m) => m.kind === 'alarm');
  const room = Math.max(0, limit - keep.length);
  const step = alarms.length / Math.max(1, room);
  for (let i = 0; i < room && Math.floor(i * step) < alarms.length; i++) keep.push(alarms[Math.floor(i * step)]!);
  return keep.sort((a, b) => a.seq - b.seq);
}

/** The newest marker strictly before `t` (by more than `eps` ms), or null. */
export function previousMarker(markers: readonly Marker[], t: number, eps = 500): Marker | null {
  let found: Marker | null = null;
  for (const m of markers) {
    if (m.time < t - eps) found = m;
    else break;
  }
  return found;
}

/** The oldest marker strictly after `t` (by more than `eps` ms), or null. */
export function nextMarker(markers: readonly Marker[], t: number, eps = 500): Marker | null {
  for (const m of markers) if (m.time > t + eps) return m;
  return null;
}
