import type { ReplayMarker } from '../../shared/drill/drillApi';
import { eventSummary, isOperatorAction } from '../../shared/drill/eventSummary';
import type { JournalEvent } from '../../shared/state/events';

/**
 * Whether an event is a timeline marker: alarm activations, incident changes, interlock trips,
 * resets and bypasses, drill changes, injections, and every operator action (an actor other
 * than `system`: acks, shelves, dispatches, plan steps …). Band changes, zone counts, clears
 * and other bookkeeping are not.
 */
export function isMarker(e: JournalEvent): boolean {
  if (isOperatorAction(e)) return true;
  switch (e.type) {
    case 'alarm.changed':
      return e.payload.cause === 'activate';
    case 'incident.changed':
    case 'interlock.tripped':
    case 'interlock.reset':
    case 'interlock.bypass.changed':
    case 'drill.changed':
    case 'drill.scored':
    case 'sim.injection.started':
    case 'sim.injection.ended':
      return true;
    default:
      return false;
  }
}

export function toMarker(e: JournalEvent): ReplayMarker {
  const s = eventSummary(e);
  return { seq: e.seq, time: e.time, kind: s.kind, ref: s.ref, actor: e.actor, text: s.text, ...(e.type === 'alarm.changed' ? { priority: e.payload.alarm.priority } : {}) };
}
