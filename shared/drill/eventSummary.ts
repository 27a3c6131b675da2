import type { JournalEvent } from '../state/events';

/** Timeline marker kinds (replay timeline, drill review, incident trace). */
export type MarkerKind = 'alarm' | 'incident' | 'interlock' | 'action' | 'drill' | 'injection' | 'hazard' | 'emergency' | 'other';

export interface EventSummary {
  kind: MarkerKind;
  /** The record the event is about (alarm id, incident id, interlock id …), or null. */
  ref: string | null;
  /** One line, English (ids and numbers read the same in Chinese; the console localises the kind). */
  text: string;
}

/**
 * Whether a person did it: any actor other than the server itself (`system`) or a drill's
 * scripted injections (`drill:<id>/…`). Acks, shelves, dispatches, plan steps, commands.
 */
export function isOperatorAction(e: Pick<JournalEvent, 'actor' | 'type'>): boolean {
  return e.actor !== 'system' && !e.actor.startsWith('drill:') && e.type !== 'user.signed_in';
}

/** A short description of a journal event for timelines and exports. */
export function eventSummary(e: JournalEvent): EventSummary {
  switch (e.type) {
    case 'alarm.changed':
      return { kind: isOperatorAction(e) ? 'action' : 'alarm', ref: e.payload.alarm.id, text: `${e.payload.alarm.id} ${e.payload.cause}${e.payload.note ? `: ${e.payload.note}` : ''}` };
    case 'interlock.tripped':
    case 'interlock.reset':
    case 'interlock.bypass.changed':
      return { kind: isOperatorAction(e) ? 'action' : 'interlock', ref: e.payload.interlockId, text: `${e.payload.interlockId} ${e.type.slice('interlock.'.length)}` };
    case 'incident.changed':
      return { kind: isOperatorAction(e) ? 'action' : 'incident', ref: e.payload.incident.id, text: `${e.payload.incident.id} ${e.payload.action}${e.payload.note ? `: ${e.payload.note}` : ''}`.slice(0, 300) };
    case 'dispatch.changed':
      return { kind: isOperatorAction(e) ? 'action' : 'emergency', ref: e.payload.dispatch.incidentId, text: `${e.payload.dispatch.id} ${e.payload.dispatch.unit} ${e.payload.dispatch.state}` };
    case 'muster.changed':
      return { kind: 'emergency', ref: e.payload.incidentId, text: `muster ${e.payload.accounted}/${e.payload.expected}` };
    case 'incident.notice.sent':
    case 'incident.zones.changed':
    case 'incident.risk.changed':
      return { kind: 'emergency', ref: (e.payload as { incidentId?: string }).incidentId ?? null, text: e.type };
    case 'drill.changed':
      return { kind: 'drill', ref: e.payload.drill.id, text: `${e.payload.drill.id} ${e.payload.action}${e.payload.note ? `: ${e.payload.note}` : ''}`.slice(0, 300) };
    case 'drill.scored':
      return { kind: 'drill', ref: e.payload.drillId, text: `${e.payload.drillId} scored ${e.payload.score}` };
    case 'sim.injection.started':
      return { kind: isOperatorAction(e) ? 'action' : 'injection', ref: e.payload.injectionId, text: `${e.payload.injectionId} ${e.payload.injection.kind} started` };
    case 'sim.injection.ended':
      return { kind: isOperatorAction(e) ? 'action' : 'injection', ref: e.payload.injectionId, text: `${e.payload.injectionId} ended (${e.payload.reason})` };
    case 'hazard.changed':
      return { kind: isOperatorAction(e) ? 'action' : 'hazard', ref: e.payload.hazard.id, text: `${e.payload.hazard.id} ${e.payload.action}` };
    default:
      return { kind: isOperatorAction(e) ? 'action' : 'other', ref: null, text: e.type };
  }
}
