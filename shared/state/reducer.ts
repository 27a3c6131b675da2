import type { Band } from '../plant/band';
import type { Injection } from '../protocol/injection';
import type { JournalEvent } from './events';

/**
 * Command state: what every console shows besides raw values. Plain JSON so that it can be
 * snapshotted, sent and hashed. Only abnormal bands are kept (absent = normal).
 */
export interface CommandState {
  seq: number;
  time: number;
  plant: { id: string; hash: string } | null;
  startedAt: number | null;
  bands: Record<string, Exclude<Band, 'normal'>>;
  injections: Record<string, { injection: Injection; startedAt: number; until: number | null; actor: string }>;
  /** Newest last, bounded. */
  recent: { seq: number; time: number; type: string; actor: string }[];
}

export const RECENT_LIMIT = 200;

export function initialState(): CommandState {
  return { seq: 0, time: 0, plant: null, startedAt: null, bands: {}, injections: {}, recent: [] };
}

/**
 * The one reducer. Pure: never mutates `state`, never reads a clock. An event whose seq is not
 * the next one is a caller bug and throws, so that a gap is never silently papered over.
 */
export function reduce(state: CommandState, e: JournalEvent): CommandState {
  if (e.seq !== state.seq + 1) throw new Error(`event seq ${e.seq} does not follow ${state.seq}`);
  const recent = [...state.recent, { seq: e.seq, time: e.time, type: e.type, actor: e.actor }];
  if (recent.length > RECENT_LIMIT) recent.splice(0, recent.length - RECENT_LIMIT);
  const next: CommandState = { ...state, seq: e.seq, time: e.time, recent };
  switch (e.type) {
    case 'system.started':
      return { ...next, plant: { id: e.payload.plantId, hash: e.payload.plantHash }, startedAt: e.time };
    case 'tag.band.changed': {
      const bands = { ...state.bands };
      if (e.payload.to === 'normal') delete bands[e.payload.tag];
      else bands[e.payload.tag] = e.payload.to;
      return { ...next, bands };
    }
    case 'sim.injection.started':
      return {
        ...next,
        injections: {
          ...state.injections,
          [e.payload.injectionId]: { injection: e.payload.injection, startedAt: e.time, until: e.payload.until, actor: e.actor },
        },
      };
    case 'sim.injection.ended': {
      const injections = { ...state.injections };
      delete injections[e.payload.injectionId];
      return { ...next, injections };
    }
    case 'user.signed_in':
      return next;
    default:
      return unknownEvent(e);
  }
}

/** Events are validated where they enter; one that still slips through is a bug, not a no-op. */
function unknownEvent(e: never): never {
  throw new Error(`unknown event type ${JSON.stringify((e as { type?: unknown }).type)}`);
}

export function reduceAll(state: CommandState, events: readonly JournalEvent[]): CommandState {
  let s = state;
  for (const e of events) s = reduce(s, e);
  return s;
}
