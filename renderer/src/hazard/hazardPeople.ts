import type { LocalText } from '../../../shared/plant/primitives';
import type { PeopleEntry } from '../people/peopleRegistry';

/** Registry people by id (the hazard panel names assignees and plan owners by registry id). */
export function peopleById(byIndex: readonly (PeopleEntry | undefined)[]): Map<string, PeopleEntry> {
  const out = new Map<string, PeopleEntry>();
  for (const p of byIndex) if (p) out.set(p.id, p);
  return out;
}

/** A registry person's name in `lang`, or the id itself when the registry does not know it (yet). */
export function personName(people: ReadonlyMap<string, { name: LocalText }>, id: string | null, lang: 'zh' | 'en'): string | null {
  if (id === null) return null;
  return people.get(id)?.name[lang] ?? id;
}

/**
 * People a hazard can be assigned to, sorted by name, filtered by a typed query (name or id).
 * Visitors are left out: they cannot owe a fix.
 */
export function assignablePeople(people: Iterable<PeopleEntry>, query: string, lang: 'zh' | 'en'): PeopleEntry[] {
  const q = query.trim().toLowerCase();
  const out: PeopleEntry[] = [];
  for (const p of people) {
    if (p.role === 'visitor') continue;
    if (q && !p.id.toLowerCase().includes(q) && !p.name.zh.includes(q) && !p.name.en.toLowerCase().includes(q)) continue;
    out.push(p);
  }
  return out.sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang === 'zh' ? 'zh-CN' : 'en') || a.id.localeCompare(b.id));
}
