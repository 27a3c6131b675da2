import { formatPath } from '../plant/issues';
import { csvRecords, CsvError, parseCsv } from './csv';
import { personSchema, qualificationSchema, type ImportIssue, type Person, type Qualification } from './registry';

/**
 * Turning a training-system export into registry records, with every problem reported by list,
 * row and field. An import is all or nothing: callers apply it only when `issues` is empty.
 *
 * CSV columns (header row, any order, case-insensitive):
 * - people: `id, name_zh, name_en, role, team, badge, employer, areas` (areas separated by `;`)
 * - qualifications: `person, type, number, issued, expires, score, passed` (`expires` empty =
 *   never; `passed` true/false, yes/no, 1/0, 是/否, 通过/未通过; empty = true)
 */

export type ImportList = 'people' | 'qualifications';

/** What the registry already holds, to check references against. */
export interface ImportContext {
  teams: ReadonlySet<string>;
  qualificationTypes: ReadonlySet<string>;
  areas: ReadonlySet<string>;
  people: ReadonlyMap<string, Pick<Person, 'id' | 'badge'>>;
}

export interface ImportResult {
  people: Person[];
  qualifications: Qualification[];
  issues: ImportIssue[];
}

/** A raw record and the row number it is reported under. */
interface RawRow {
  row: number;
  value: unknown;
  /** CSV: how a schema field path maps back to a column name. */
  columns?: (path: string) => string;
}

const MAX_ISSUES = 200;

const peopleColumns = (p: string): string => (p === 'name.zh' ? 'name_zh' : p === 'name.en' ? 'name_en' : p.replace(/\[\d+\]$/, ''));
const qualificationColumns = (p: string): string => p;

const truthy = new Map<string, boolean>([
  ['true', true],
  ['yes', true],
  ['1', true],
  ['是', true],
  ['通过', true],
  ['合格', true],
  ['false', false],
  ['no', false],
  ['0', false],
  ['否', false],
  ['未通过', false],
  ['不合格', false],
]);

function csvPerson(v: Record<string, string>): unknown {
  return {
    id: v.id,
    name: { zh: v.name_zh, en: v.name_en },
    role: v.role,
    team: v.team,
    badge: v.badge,
    ...(v.employer !== undefined ? { employer: v.employer } : {}),
    areas: v.areas === undefined ? [] : v.areas.split(/[;|]/).map((a) => a.trim()).filter((a) => a !== ''),
  };
}

function csvQualification(v: Record<string, string>): unknown {
  const passed = v.passed === undefined ? true : truthy.get(v.passed.toLowerCase()) ?? v.passed;
  const score = v.score === undefined ? undefined : Number(v.score);
  return {
    person: v.person,
    type: v.type,
    ...(v.number !== undefined ? { number: v.number } : {}),
    issued: v.issued,
    expires: v.expires ?? null,
    ...(score !== undefined ? { score: Number.isNaN(score) ? v.score : score } : {}),
    passed,
  };
}

const known: Record<ImportList, ReadonlySet<string>> = {
  people: new Set(['id', 'name_zh', 'name_en', 'role', 'team', 'badge', 'employer', 'areas']),
  qualifications: new Set(['person', 'type', 'number', 'issued', 'expires', 'score', 'passed']),
};

/** Reads a CSV export of one list. A file that is not CSV at all is one issue on its line. */
export function importCsv(text: string, list: ImportList, ctx: ImportContext): ImportResult {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (err) {
    const line = err instanceof CsvError ? err.line : 1;
    return { people: [], qualifications: [], issues: [{ list, row: line, field: '(file)', message: err instanceof Error ? err.message : String(err) }] };
  }
  const { header, records } = csvRecords(rows);
  const unknown = header.filter((h) => h !== '' && !known[list].has(h));
  if (header.length === 0) return { people: [], qualifications: [], issues: [{ list, row: 1, field: '(header)', message: 'the file is empty; the first line must name the columns' }] };
  if (unknown.length > 0) {
    return { people: [], qualifications: [], issues: [{ list, row: 1, field: '(header)', message: `unknown columns: ${unknown.join(', ')}; expected ${[...known[list]].join(', ')}` }] };
  }
  const raw: RawRow[] = records.map((r) =>
    list === 'people' ? { row: r.line, value: csvPerson(r.values), columns: peopleColumns } : { row: r.line, value: csvQualification(r.values), columns: qualificationColumns },
  );
  return validateImport(list === 'people' ? raw : [], list === 'qualifications' ? raw : [], ctx);
}

/** Reads the JSON form (`importPayloadSchema`): rows are 1-based positions in each array. */
export function importJson(people: readonly unknown[], qualifications: readonly unknown[], ctx: ImportContext): ImportResult {
  return validateImport(
    people.map((value, i) => ({ row: i + 1, value })),
    qualifications.map((value, i) => ({ row: i + 1, value })),
    ctx,
  );
}

function validateImport(people: readonly RawRow[], qualifications: readonly RawRow[], ctx: ImportContext): ImportResult {
  const issues: ImportIssue[] = [];
  const add = (list: ImportList, row: number, field: string, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ list, row, field, message });
  };
  const accepted: { row: number; p: Person }[] = [];
  const ids = new Map<string, number>();
  for (const r of people) {
    const parsed = personSchema.safeParse(r.value);
    if (!parsed.success) {
      for (const i of parsed.error.issues) add('people', r.row, (r.columns ?? String)(formatPath(i.path)), i.message);
      continue;
    }
    const p = parsed.data;
    const before = ids.get(p.id);
    if (before !== undefined) add('people', r.row, 'id', `"${p.id}" is also on row ${before}`);
    ids.set(p.id, r.row);
    if (!ctx.teams.has(p.team)) add('people', r.row, 'team', `unknown team "${p.team}"`);
    for (const a of p.areas) if (!ctx.areas.has(a)) add('people', r.row, 'areas', `unknown area "${a}"`);
    accepted.push({ row: r.row, p });
  }
  // Badges must stay unique across the registry as it will be after the import.
  const badgeOwner = new Map<string, string>();
  for (const p of ctx.people.values()) if (!ids.has(p.id)) badgeOwner.set(p.badge, p.id);
  for (const { row, p } of accepted) {
    const owner = badgeOwner.get(p.badge);
    if (owner !== undefined && owner !== p.id) add('people', row, 'badge', `badge "${p.badge}" already belongs to ${owner}`);
    badgeOwner.set(p.badge, p.id);
  }

  const outQuals: Qualification[] = [];
  for (const r of qualifications) {
    const parsed = qualificationSchema.safeParse(r.value);
    if (!parsed.success) {
      for (const i of parsed.error.issues) add('qualifications', r.row, (r.columns ?? String)(formatPath(i.path)), i.message);
      continue;
    }
    const q = parsed.data;
    if (!ctx.qualificationTypes.has(q.type)) add('qualifications', r.row, 'type', `unknown certificate or course "${q.type}"`);
    if (!ids.has(q.person) && !ctx.people.has(q.person)) add('qualifications', r.row, 'person', `unknown person "${q.person}"`);
    outQuals.push(q);
  }
  return { people: accepted.map((a) => a.p), qualifications: outQuals, issues };
}
