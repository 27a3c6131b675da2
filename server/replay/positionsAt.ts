import type { ReplayFrame } from '../../shared/drill/drillApi';
import type { PeopleService } from '../people/PeopleService';

/** Fixes one person may have in a window (1 Hz for 1 h), so the query never downsamples away the last one. */
const MAX_FIXES = 4000;

/**
 * Each person's last fix at or before `at` within `windowMs` (from the position history: the
 * SQLite store when there is one, else the in-memory history). People without a fix in the
 * window (off site, badge silent) are left out.
 */
export function positionsAt(people: PeopleService, at: number, windowMs: number): ReplayFrame['positions'] {
  const out: ReplayFrame['positions'] = [];
  const reg = people.registry.people;
  for (let p = 0; p < reg.length; p++) {
    const s = people.store ? people.store.query(p, at - windowMs, at + 1, MAX_FIXES) : people.positions(p, at - windowMs, at + 1, MAX_FIXES);
    const k = s.t.length - 1;
    if (k < 0) continue;
    out.push({ person: reg[p]!.id, t: s.t[k]!, x: s.x[k]!, y: s.y[k]!, z: s.z[k]!, floor: s.floor[k]!, area: s.area[k] ?? null });
  }
  return out;
}
