import { addDays } from '../../../shared/people/dates';
import type { PeopleFile, Person, PersonRole, Qualification } from '../../../shared/people/registry';
import type { Plant } from '../../../shared/plant/schema';
import { createRng } from '../../../shared/util/rng';
import { txt } from './builder';
import { GIVEN, QUALIFICATION_TYPES, SURNAMES, TEAMS } from './peopleCatalogue';

/** The day the generated dates are written for; the server rebases them to its own today (people.json `rebaseDates`). */
export const PEOPLE_AS_OF = '2025-07-01';
/** The new operator of JOURNEYS.md moment 2: on the reactor unit's day team, batching-system exam failed. */
export const NEW_OPERATOR_ID = 'P-0003';

const validity = new Map(QUALIFICATION_TYPES.map((q) => [q.id, q.validityMonths ?? null] as const));

/** Operators per area of each operations team (48 a team, plus 2 shift leads). */
const OPERATOR_POSTS: [string, number][] = [
  ['RX', 10], ['PROC', 8], ['TF-CL', 3], ['TF-D1', 2], ['TF-D2', 2], ['TF-D3', 2], ['TF-D4', 2], ['TF-NH3', 2],
  ['TF-LPG', 2], ['WWT', 3], ['UTL', 4], ['WH', 3], ['LOAD', 2], ['CCR', 3],
];

/** Certificates that go with an operator's area. */
const AREA_CERTS: Record<string, string[]> = {
  RX: ['SOC-CHLOR', 'TR-BATCH'],
  PROC: ['SOC-HYDRO'],
  'TF-CL': ['SOC-CHLOR', 'TR-BA'],
  'TF-NH3': ['SE-R2', 'TR-BA'],
  'TF-LPG': ['SE-R2'],
  LOAD: ['SE-R2'],
  WWT: ['TR-CSE'],
  CCR: ['TR-BATCH'],
};

/** People named in the notification policy keep their names and posts here. */
const NAMED: Record<string, [string, string]> = {
  'OPS-A/RX/1': ['王磊', 'Wang Lei'],
  'OPS-A/PROC/0': ['李娜', 'Li Na'],
  'OPS-A/TF-CL/0': ['张伟', 'Zhang Wei'],
  'OPS-A/TF-D1/0': ['刘洋', 'Liu Yang'],
  'OPS-A/TF-NH3/0': ['陈静', 'Chen Jing'],
  'OPS-A/WH/0': ['杨帆', 'Yang Fan'],
  'OPS-A/UTL/0': ['赵强', 'Zhao Qiang'],
  'OPS-A/SL/0': ['周敏', 'Zhou Min'],
  'HSE/0': ['吴刚', 'Wu Gang'],
  'MGT/0': ['孙丽', 'Sun Li'],
  'MNT/INSTR/0': ['郑浩', 'Zheng Hao'],
};

/**
 * The fictional reference plant's personnel registry: ~190 people in 12 teams, about 150 on
 * site by day and 65 by night, with certificates and courses. Dates are written for
 * PEOPLE_AS_OF; a few certificates are expired or expire within 30 days of it, and one new
 * operator has not passed the batching-system exam (JOURNEYS.md moment 2). Deterministic.
 */
export function buildPeopleRegistry(plant: Plant): PeopleFile {
  const areas = new Set(plant.areas.map((a) => a.id));
  for (const [a] of OPERATOR_POSTS) if (!areas.has(a)) throw new Error(`people generator: area ${a} is missing from the plant`);
  const rng = createRng(0x9e0917);
  const used = new Set<string>(Object.values(NAMED).map(([zh]) => zh));
  const pickName = (key: string): [string, string] => {
    const named = NAMED[key];
    if (named) return named;
    for (;;) {
      const s = SURNAMES[Math.floor(rng.next() * SURNAMES.length)]!;
      const g = GIVEN[Math.floor(rng.next() * GIVEN.length)]!;
      if (used.has(s[0] + g[0])) continue;
      used.add(s[0] + g[0]);
      return [s[0] + g[0], `${s[1]} ${g[1]}`];
    }
  };
  const people: Person[] = [];
  const quals: Qualification[] = [];
  /** A valid record: expires 40–1500 days after as-of (or never), issued one validity earlier. */
  const grant = (person: string, type: string, over: Partial<Qualification> = {}): void => {
    const months = validity.get(type) ?? null;
    let expires: string | null = null;
    let issued: string;
    if (months === null) issued = addDays(PEOPLE_AS_OF, -Math.floor(rng.range(30, 2000)));
    else {
      const span = Math.round(months * 30.44);
      expires = addDays(PEOPLE_AS_OF, Math.floor(rng.range(40, Math.max(41, Math.min(span, 1500)))));
      issued = addDays(expires, -span + 1);
    }
    const scored = type.startsWith('TR-') && type !== 'TR-INDUCTION' && type !== 'TR-VISITOR';
    quals.push({
      person,
      type,
      ...(type.startsWith('TR-') ? {} : { number: `${type.replace(/-/g, '')}${String(100000 + Math.floor(rng.next() * 899999))}` }),
      issued,
      expires,
      ...(scored ? { score: Math.round(rng.range(72, 99)) } : {}),
      passed: true,
      ...over,
    });
  };
  const add = (key: string, role: PersonRole, team: string, personAreas: string[], certs: string[], employer?: string): string => {
    const id = `P-${String(people.length + 1).padStart(4, '0')}`;
    const [zh, en] = pickName(key);
    people.push({ id, name: txt(zh, en), role, team, badge: `UWB-${10001 + people.length}`, ...(employer ? { employer } : {}), areas: personAreas });
    grant(id, 'TR-INDUCTION');
    if (role !== 'visitor') grant(id, 'TR-ANNUAL');
    for (const c of certs) grant(id, c);
    return id;
  };

  for (const team of ['OPS-A', 'OPS-B']) {
    for (const [area, n] of OPERATOR_POSTS) for (let i = 0; i < n; i++) add(`${team}/${area}/${i}`, 'operator', team, [area], AREA_CERTS[area] ?? []);
    for (let i = 0; i < 2; i++) add(`${team}/SL/${i}`, 'shift_lead', team, [], ['SAFETY-MGR', 'SOC-CHLOR', 'TR-BA', 'TR-PERMIT']);
  }
  const maintenance: [string, string[], number][] = [
    ['ELEC', ['SOC-ELEC', 'TR-PERMIT'], 5],
    ['WELD', ['SOC-WELD', 'SOC-HEIGHT', 'TR-PERMIT', 'TR-CSE'], 6],
    ['INSTR', ['SOC-INSTR', 'TR-PERMIT'], 5],
    ['FITTER', ['TR-PERMIT', 'TR-CSE'], 6],
  ];
  const workAreas = ['RX', 'PROC', 'UTL', 'WWT', 'TF-D1', 'TF-D2', 'TF-D3', 'TF-D4', 'MNT'];
  for (const [trade, certs, n] of maintenance) for (let i = 0; i < n; i++) add(`MNT/${trade}/${i}`, 'maintenance', 'MNT', trade === 'ELEC' ? ['UTL', 'MNT'] : ['MNT', workAreas[i % workAreas.length]!], certs);
  for (let i = 0; i < 5; i++) add(`HSE/${i}`, 'hse', 'HSE', [], ['SAFETY-MGR', 'TR-BA', 'TR-CSE', 'TR-PERMIT']);
  for (let i = 0; i < 10; i++) add(`FIRE/${i}`, 'fire_brigade', 'FIRE', ['FIRE'], ['TR-BA', 'TR-CSE']);
  for (let i = 0; i < 4; i++) add(`SEC/${i}`, 'security', 'SEC', ['ADM'], []);
  for (let i = 0; i < 8; i++) add(`LAB/${i}`, 'lab', 'LAB', ['MNT'], []);
  for (let i = 0; i < 14; i++) add(`MGT/${i}`, 'manager', 'MGT', ['ADM'], i < 3 ? ['SAFETY-MGR'] : []);
  for (let i = 0; i < 6; i++) add(`LOG/${i}`, 'driver', 'LOG', ['LOAD'], ['DG-DRIVER']);
  for (let i = 0; i < 16; i++) add(`CON-HD/${i}`, 'contractor', 'CON-HD', ['TF-D1', 'TF-D2', 'TF-D3', 'TF-D4'], i < 8 ? ['SOC-HEIGHT', 'TR-CSE'] : ['SOC-HEIGHT'], '华东防腐工程有限公司 Huadong Anti-corrosion Engineering');
  for (let i = 0; i < 8; i++) add(`CON-LD/${i}`, 'contractor', 'CON-LD', ['UTL', 'WWT'], i < 4 ? ['SOC-WELD'] : ['SOC-ELEC'], '蓝盾检修服务有限公司 Landun Maintenance Services');
  for (let i = 0; i < 4; i++) {
    const id = add(`VIS/${i}`, 'visitor', 'VIS', ['ADM'], [], '来访单位 Visiting company');
    const brief = quals.find((q) => q.person === id && q.type === 'TR-INDUCTION')!;
    brief.type = 'TR-VISITOR';
    brief.issued = PEOPLE_AS_OF;
    brief.expires = null;
  }

  // The new operator (JOURNEYS.md moment 2): joined 10 days ago, failed the batching exam.
  const newOp = people.find((p) => p.id === NEW_OPERATOR_ID)!;
  if (newOp.team !== 'OPS-A' || newOp.areas[0] !== 'RX') throw new Error('people generator: the new operator must be on the reactor unit day team');
  for (let i = quals.length - 1; i >= 0; i--) if (quals[i]!.person === newOp.id && quals[i]!.type !== 'TR-INDUCTION') quals.splice(i, 1);
  const joined = addDays(PEOPLE_AS_OF, -10);
  const induction = quals.find((q) => q.person === newOp.id && q.type === 'TR-INDUCTION')!;
  induction.issued = joined;
  quals.push({ person: newOp.id, type: 'TR-BATCH', issued: addDays(PEOPLE_AS_OF, -3), expires: null, score: 52, passed: false });

  // A few certificates expired or about to (days from as-of), on people spread over the teams.
  const due: [string, number][] = [
    ['SOC-CHLOR', 12],
    ['SE-R2', 5],
    ['SOC-WELD', 21],
    ['TR-BA', 29],
    ['SOC-ELEC', -20],
    ['TR-CSE', -3],
    ['DG-DRIVER', -60],
  ];
  for (const [type, days] of due) {
    const q = quals.find((r) => r.type === type && r.passed && r.expires !== null && r.person !== newOp.id && !due.some(([, d]) => r.expires === addDays(PEOPLE_AS_OF, d)));
    if (!q) throw new Error(`people generator: nobody holds ${type}`);
    const span = Math.round((validity.get(type) ?? 12) * 30.44);
    q.expires = addDays(PEOPLE_AS_OF, days);
    q.issued = addDays(q.expires, -span + 1);
  }
  // Dispatch (docs/incidents.md): the first fire-brigade member's breathing-apparatus course lapsed 12 days ago, so the SCBA filter has someone to leave out.
  const lapsed = quals.find((r) => r.type === 'TR-BA' && r.person === people.find((p) => p.team === 'FIRE')?.id);
  if (!lapsed) throw new Error('people generator: the fire brigade holds no TR-BA');
  lapsed.expires = addDays(PEOPLE_AS_OF, -12);
  lapsed.issued = addDays(lapsed.expires, -Math.round((validity.get('TR-BA') ?? 12) * 30.44) + 1);
  return { version: 1, asOf: PEOPLE_AS_OF, rebaseDates: true, qualificationTypes: QUALIFICATION_TYPES, teams: TEAMS, people, qualifications: quals };
}

/** `people.json` as committed: one record per line. */
export function peopleFileText(f: PeopleFile): string {
  const lines = (records: readonly unknown[]): string => (records.length === 0 ? '[]' : `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`);
  return `{\n"version": ${f.version},\n"asOf": ${JSON.stringify(f.asOf)},\n"rebaseDates": ${f.rebaseDates},\n"qualificationTypes": ${lines(f.qualificationTypes)},\n"teams": ${lines(f.teams)},\n"people": ${lines(f.people)},\n"qualifications": ${lines(f.qualifications)}\n}\n`;
}
