import type { PlantIssue } from '../plant/issues';
import type { Plant } from '../plant/schema';
import type { PeopleFile } from './registry';

/**
 * References inside `people.json` and from it to the plant: unique person ids and badges,
 * known teams, areas and qualification types, qualifications of known people. Zones that
 * authorise people by id must name people of the registry.
 */
export function checkPeopleFile(plant: Plant, f: PeopleFile): PlantIssue[] {
  const file = 'people.json';
  const issues: PlantIssue[] = [];
  const areas = new Set(plant.areas.map((a) => a.id));
  const teams = new Set<string>();
  f.teams.forEach((t, i) => {
    if (teams.has(t.id)) issues.push({ file, path: `teams[${i}].id`, message: `duplicate team "${t.id}"` });
    teams.add(t.id);
  });
  const types = new Set<string>();
  f.qualificationTypes.forEach((q, i) => {
    if (types.has(q.id)) issues.push({ file, path: `qualificationTypes[${i}].id`, message: `duplicate qualification type "${q.id}"` });
    types.add(q.id);
  });
  const ids = new Set<string>();
  const badges = new Map<string, string>();
  f.people.forEach((p, i) => {
    if (ids.has(p.id)) issues.push({ file, path: `people[${i}].id`, message: `duplicate person "${p.id}"` });
    ids.add(p.id);
    const owner = badges.get(p.badge);
    if (owner !== undefined) issues.push({ file, path: `people[${i}].badge`, message: `badge "${p.badge}" also belongs to ${owner}` });
    badges.set(p.badge, p.id);
    if (!teams.has(p.team)) issues.push({ file, path: `people[${i}].team`, message: `unknown team "${p.team}"` });
    p.areas.forEach((a, j) => {
      if (!areas.has(a)) issues.push({ file, path: `people[${i}].areas[${j}]`, message: `unknown area "${a}"` });
    });
  });
  f.qualifications.forEach((q, i) => {
    if (!ids.has(q.person)) issues.push({ file, path: `qualifications[${i}].person`, message: `unknown person "${q.person}"` });
    if (!types.has(q.type)) issues.push({ file, path: `qualifications[${i}].type`, message: `unknown qualification type "${q.type}"` });
  });
  const zones = plant.peopleZones;
  if (zones) {
    const check = (list: 'restricted' | 'confined', zi: number, a: { people: string[]; qualifications: string[] }): void => {
      a.people.forEach((p, j) => {
        if (!ids.has(p)) issues.push({ file: 'people-zones.json', path: `${list}[${zi}].authorised.people[${j}]`, message: `unknown person "${p}" (people.json)` });
      });
      a.qualifications.forEach((q, j) => {
        if (!types.has(q)) issues.push({ file: 'people-zones.json', path: `${list}[${zi}].authorised.qualifications[${j}]`, message: `unknown qualification type "${q}" (people.json)` });
      });
    };
    zones.restricted.forEach((z, i) => check('restricted', i, z.authorised));
    zones.confined.forEach((z, i) => check('confined', i, z.authorised));
  }
  return issues;
}
