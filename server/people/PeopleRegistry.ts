import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledZone } from '../../shared/people/compileZones';
import { addDays, dayNumber } from '../../shared/people/dates';
import type { ImportContext } from '../../shared/people/importRecords';
import { holdsValid, qualificationKey } from '../../shared/people/qualifications';
import { peopleFileSchema, type PeopleFile, type Person, type Qualification, type QualificationType, type Team } from '../../shared/people/registry';

/** The registry as the data folder keeps it once something was imported (the plant's seed is not rewritten). */
export const REGISTRY_FILE = 'people-registry.json';

/**
 * The personnel registry on the server. People keep their index (registry order) for the life
 * of the process: imports replace a person in place or append new ones, never remove (a person
 * who left stays, without a badge on site). Starts from `<data>/people-registry.json` when an
 * import was saved there, else from the plant's `people.json` (rebased to today when it asks
 * for that), else empty.
 */
export class PeopleRegistry {
  readonly people: Person[] = [];
  readonly teams = new Map<string, Team>();
  readonly types = new Map<string, QualificationType>();
  private readonly byId = new Map<string, number>();
  private readonly byBadge = new Map<string, number>();
  private readonly quals = new Map<string, Qualification[]>();

  private constructor(
    private readonly file: string | null,
    f: PeopleFile,
  ) {
    for (const t of f.teams) this.teams.set(t.id, t);
    for (const q of f.qualificationTypes) this.types.set(q.id, q);
    this.merge(f.people, f.qualifications);
  }

  /**
   * Opens the registry for a server: `dataDir` for the saved registry (null = never save),
   * `seed` the plant's people.json, `today` the plant-local day number (for rebasing).
   */
  static open(dataDir: string | null, seed: PeopleFile | undefined, today: number): PeopleRegistry {
    const file = dataDir ? path.join(dataDir, REGISTRY_FILE) : null;
    if (file && existsSync(file)) {
      const parsed = peopleFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file} is not a valid registry (${parsed.error.issues[0]?.message ?? 'invalid'}); fix or remove it`);
      return new PeopleRegistry(file, parsed.data);
    }
    const empty: PeopleFile = { version: 1, rebaseDates: false, qualificationTypes: [], teams: [{ id: 'DEFAULT', name: { zh: '默认', en: 'default' }, schedule: 'always' }], people: [], qualifications: [] };
    return new PeopleRegistry(file, seed ? rebase(seed, today) : empty);
  }

  get size(): number {
    return this.people.length;
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  indexOfBadge(badge: string): number | undefined {
    return this.byBadge.get(badge);
  }

  qualificationsOf(id: string): readonly Qualification[] {
    return this.quals.get(id) ?? [];
  }

  allQualifications(): Qualification[] {
    return [...this.quals.values()].flat();
  }

  /** What an import is checked against. */
  context(areas: ReadonlySet<string>): ImportContext {
    return { teams: new Set(this.teams.keys()), qualificationTypes: new Set(this.types.keys()), areas, people: new Map(this.people.map((p) => [p.id, p])) };
  }

  /**
   * Whether person `p` may be inside `zone` on local day `today`: by role, by name, or by a
   * valid (passed, unexpired) qualification of one of the zone's types.
   */
  authorised(p: number, zone: CompiledZone, today: number): boolean {
    const person = this.people[p];
    if (!person) return false;
    const a = zone.authorised;
    if (a.roles.includes(person.role) || a.people.includes(person.id)) return true;
    const records = this.quals.get(person.id) ?? [];
    return a.qualifications.some((type) => holdsValid(records, type, today));
  }

  /**
   * Applies a validated import (people replaced by id or appended, qualifications replaced by
   * person, type and issue date or added) and saves the registry. Returns how many records changed.
   */
  applyImport(people: readonly Person[], qualifications: readonly Qualification[]): { people: number; qualifications: number } {
    this.merge(people, qualifications);
    this.save();
    return { people: people.length, qualifications: qualifications.length };
  }

  private merge(people: readonly Person[], qualifications: readonly Qualification[]): void {
    for (const p of people) {
      const at = this.byId.get(p.id);
      if (at === undefined) {
        this.byId.set(p.id, this.people.length);
        this.people.push(p);
      } else {
        const old = this.people[at]!;
        if (this.byBadge.get(old.badge) === at) this.byBadge.delete(old.badge);
        this.people[at] = p;
      }
      this.byBadge.set(p.badge, this.byId.get(p.id)!);
    }
    for (const q of qualifications) {
      const list = this.quals.get(q.person) ?? [];
      const key = qualificationKey(q);
      const i = list.findIndex((r) => qualificationKey(r) === key);
      if (i >= 0) list[i] = q;
      else list.push(q);
      this.quals.set(q.person, list);
    }
  }

  private save(): void {
    if (!this.file) return;
    const f: PeopleFile = {
      version: 1,
      rebaseDates: false,
      qualificationTypes: [...this.types.values()],
      teams: [...this.teams.values()],
      people: this.people,
      qualifications: this.allQualifications(),
    };
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(f) + '\n', { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

/** A seed written for `asOf` with `rebaseDates`: every date moved by whole days so that `asOf` becomes `today`. */
export function rebase(f: PeopleFile, today: number): PeopleFile {
  if (!f.rebaseDates || f.asOf === undefined) return f;
  const shift = today - dayNumber(f.asOf)!;
  if (shift === 0) return f;
  return {
    ...f,
    asOf: addDays(f.asOf, shift),
    rebaseDates: false,
    qualifications: f.qualifications.map((q) => ({ ...q, issued: addDays(q.issued, shift), expires: q.expires === null ? null : addDays(q.expires, shift) })),
  };
}
