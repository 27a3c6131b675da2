import type { Plant } from './schema';
import type { PlantIssue } from './issues';

/** Checks references between files: every id a record names must exist, and ids are unique. */
export function crossCheckPlant(p: Plant): PlantIssue[] {
  const issues: PlantIssue[] = [];
  const unique = (file: string, items: readonly { id: string }[]): Set<string> => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id)) issues.push({ file, path: `[${i}].id`, message: `duplicate id "${it.id}"` });
      seen.add(it.id);
    });
    return seen;
  };
  const areas = unique('areas.json', p.areas);
  const chemicals = unique('chemicals.json', p.chemicals);
  const equipment = unique('equipment.json', p.equipment);
  unique('buildings.json', p.buildings);
  unique('tags.json', p.tags);
  unique('muster.json', p.muster);
  const nodes = unique('roads.json', p.roads.nodes);

  const ref = (file: string, path: string, set: Set<string>, value: string | undefined, what: string): void => {
    if (value !== undefined && !set.has(value)) issues.push({ file, path, message: `unknown ${what} "${value}"` });
  };
  p.buildings.forEach((b, i) => ref('buildings.json', `[${i}].area`, areas, b.area, 'area'));
  p.equipment.forEach((e, i) => {
    ref('equipment.json', `[${i}].area`, areas, e.area, 'area');
    ref('equipment.json', `[${i}].chemical`, chemicals, e.chemical, 'chemical');
  });
  p.tags.forEach((t, i) => {
    ref('tags.json', `[${i}].area`, areas, t.area, 'area');
    ref('tags.json', `[${i}].equipment`, equipment, t.equipment, 'equipment');
    ref('tags.json', `[${i}].chemical`, chemicals, t.chemical, 'chemical');
  });
  p.roads.edges.forEach((e, i) => {
    ref('roads.json', `edges[${i}].from`, nodes, e.from, 'road node');
    ref('roads.json', `edges[${i}].to`, nodes, e.to, 'road node');
  });
  p.roads.gates.forEach((g, i) => ref('roads.json', `gates[${i}].node`, nodes, g.node, 'road node'));
  p.muster.forEach((m, i) => ref('muster.json', `[${i}].area`, areas, m.area, 'area'));
  const tags = new Set(p.tags.map((t) => t.id));
  unique('interlocks.json', p.interlocks ?? []);
  (p.interlocks ?? []).forEach((il, i) => {
    ref('interlocks.json', `[${i}].area`, areas, il.area, 'area');
    ref('interlocks.json', `[${i}].equipment`, equipment, il.equipment, 'equipment');
    ref('interlocks.json', `[${i}].trigger.tag`, tags, il.trigger.tag, 'tag');
    il.actions.forEach((a, j) => ref('interlocks.json', `[${i}].actions[${j}].tag`, tags, a.tag, 'tag'));
  });
  unique('risk-register.json', p.risks ?? []);
  (p.risks ?? []).forEach((r, i) => {
    ref('risk-register.json', `[${i}].area`, areas, r.area, 'area');
    r.equipment.forEach((e, j) => ref('risk-register.json', `[${i}].equipment[${j}]`, equipment, e, 'equipment'));
  });
  (p.notifications?.recipients ?? []).forEach((r, i) => {
    if (r.areas !== '*') r.areas.forEach((a, j) => ref('notification-policy.json', `recipients[${i}].areas[${j}]`, areas, a, 'area'));
  });
  return issues;
}
