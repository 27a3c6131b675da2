import type { AlarmRecord } from '../../../shared/alarm/model';
import { initialState, type CommandState } from '../../../shared/state/reducer';

/**
 * Most alarms kept in the cached command state. Writing a state to IndexedDB clones it on the
 * main thread (~10 ms per 1,000 alarms); in a flood of 10,000 that would freeze the console
 * every time it saves. The cache only shows "last known state" while the server is away — a
 * live source always starts over from the server's snapshot — so the most important alarms
 * are enough there.
 */
export const MAX_CACHED_ALARMS = 1000;

/**
 * A snapshot from a server (or a cache) of an older version may lack maps added since: fill
 * them from the initial state so that readers can rely on every field.
 */
export function completeState(s: CommandState): CommandState {
  const base = initialState();
  return { ...base, ...s, flood: s.flood ?? base.flood, notifications: s.notifications ?? base.notifications };
}

/** The state as the cache keeps it: at most MAX_CACHED_ALARMS alarms, highest priority and newest first. */
export function cacheableState(s: CommandState): CommandState {
  const ids = Object.keys(s.alarms);
  if (ids.length <= MAX_CACHED_ALARMS) return s;
  const time = (a: AlarmRecord): number => a.activatedAt ?? a.lastChange;
  const kept = ids
    .map((id) => s.alarms[id]!)
    .sort((a, b) => a.priority - b.priority || time(b) - time(a))
    .slice(0, MAX_CACHED_ALARMS);
  return { ...s, alarms: Object.fromEntries(kept.map((a) => [a.id, a])) };
}
