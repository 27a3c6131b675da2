import { personRoles, type PersonRole } from '../../../shared/people/registry';
import type { PeopleStore } from '../stores/peopleStore';
import type { PeopleEntry } from './peopleRegistry';

/** People on site by role (registry order of roles); people the registry does not know yet count as `unknown`. */
export function roleCounts(store: PeopleStore, byIndex: readonly (PeopleEntry | undefined)[]): { role: PersonRole | 'unknown'; count: number }[] {
  const counts = new Map<PersonRole | 'unknown', number>();
  for (let i = 0; i < store.capacity; i++) {
    if (!store.present[i]) continue;
    const role = byIndex[i]?.role ?? 'unknown';
    counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  const out: { role: PersonRole | 'unknown'; count: number }[] = [];
  for (const r of personRoles) if (counts.has(r)) out.push({ role: r, count: counts.get(r)! });
  if (counts.has('unknown')) out.push({ role: 'unknown', count: counts.get('unknown')! });
  return out;
}
