import { personRoleText } from '../../../shared/people/registry';
import type { Lang } from '../i18n/i18n';
import type { PeopleStore } from '../stores/peopleStore';
import type { PeopleRegistryState } from './peopleRegistry';

export interface PersonView {
  id: string;
  name: string;
  role: string;
  team: string;
  /** Valid qualifications by name; expiring/expired ones marked. */
  qualifications: { name: string; status: string }[];
  /** Seconds since the last fix, or null when never. */
  fixAgeS: number | null;
  floor: number;
  signalLost: boolean;
}

/** What the console shows of one person (registry index) now; null when the registry does not know them. */
export function readPerson(index: number, reg: PeopleRegistryState, store: PeopleStore, lang: Lang, now: number): PersonView | null {
  const p = reg.byIndex[index];
  if (!p) return null;
  const t = index < store.capacity ? store.fixTime[index]! : NaN;
  return {
    id: p.id,
    name: p.name[lang],
    role: personRoleText[p.role][lang],
    team: reg.teams.get(p.team)?.name[lang] ?? p.team,
    qualifications: p.qualifications
      .filter((q) => q.status !== 'failed')
      .map((q) => ({ name: reg.qualificationTypes.get(q.type)?.name[lang] ?? q.type, status: q.status })),
    fixAgeS: Number.isFinite(t) ? Math.max(0, Math.round((now - t) / 1000)) : null,
    floor: index < store.capacity ? store.floor[index]! : 0,
    signalLost: index < store.capacity && (store.flags[index]! & 4) !== 0,
  };
}
