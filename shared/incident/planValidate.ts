import { incidentTypes, type IncidentType } from './model';
import { emergencyPlanSchema, type EmergencyPlan } from './plan';

/** One problem in one plan file: the file, the JSON path inside it (dotted, `` for the root) and what is wrong. */
export interface PlanIssue {
  file: string;
  path: string;
  message: string;
}

export function formatPlanIssue(i: PlanIssue): string {
  return `${i.file}${i.path ? ` at ${i.path}` : ''}: ${i.message}`;
}

/**
 * Validates plan files (name → parsed JSON, or the text when it did not parse): the schema, then
 * what a schema cannot say — the id matches the file name, step ids are unique, each `auto`
 * milestone appears at most once, no two plans claim one incident type. Returns the valid plans
 * in file-name order and every issue found (all of them, not only the first).
 */
export function validatePlans(files: readonly { file: string; json: unknown; parseError?: string }[]): { plans: EmergencyPlan[]; issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const plans: EmergencyPlan[] = [];
  const byType = new Map<IncidentType, string>();
  for (const f of [...files].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (f.parseError !== undefined) {
      issues.push({ file: f.file, path: '', message: `not JSON: ${f.parseError}` });
      continue;
    }
    const r = emergencyPlanSchema.safeParse(f.json);
    if (!r.success) {
      for (const i of r.error.issues) issues.push({ file: f.file, path: i.path.map(String).join('.'), message: i.message });
      continue;
    }
    const p = r.data;
    const before = issues.length;
    const base = f.file.replace(/^.*\//, '').replace(/\.json$/, '');
    if (base !== p.id) issues.push({ file: f.file, path: 'id', message: `id "${p.id}" must match the file name "${base}.json"` });
    const seen = new Set<string>();
    const autos = new Set<string>();
    p.steps.forEach((s, k) => {
      if (seen.has(s.id)) issues.push({ file: f.file, path: `steps.${k}.id`, message: `duplicate step id "${s.id}"` });
      seen.add(s.id);
      if (s.auto) {
        if (autos.has(s.auto)) issues.push({ file: f.file, path: `steps.${k}.auto`, message: `milestone "${s.auto}" appears twice` });
        autos.add(s.auto);
      }
    });
    p.types.forEach((t, k) => {
      const other = byType.get(t);
      if (other !== undefined) issues.push({ file: f.file, path: `types.${k}`, message: `incident type "${t}" already has plan "${other}"` });
    });
    if (issues.length > before) continue;
    for (const t of p.types) byType.set(t, p.id);
    plans.push(p);
  }
  return { plans, issues };
}

/** Incident types that no plan covers. */
export function typesWithoutPlan(plans: readonly EmergencyPlan[]): IncidentType[] {
  return incidentTypes.filter((t) => !plans.some((p) => p.types.includes(t)));
}
