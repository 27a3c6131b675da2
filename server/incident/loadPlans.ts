import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatPlanIssue, typesWithoutPlan, validatePlans } from '../../shared/incident/planValidate';
import type { EmergencyPlan } from '../../shared/incident/plan';

/** Largest plan file read, bytes (a plan is a few kB). */
const MAX_PLAN_BYTES = 512 * 1024;

/**
 * Reads and validates every `*.json` of the plans folder (`resources/plans/`). Throws one error
 * listing every problem, each naming the file and the path inside it, so a bad plan stops the
 * server at start rather than during an incident. Types without a plan are allowed (incidents of
 * that type open without a checklist) and returned for the caller to log.
 */
export function loadPlans(dir: string): { plans: EmergencyPlan[]; uncovered: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch (err) {
    throw new Error(`cannot read the emergency plans folder ${dir}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const files = names.map((n) => {
    const file = path.join(path.basename(dir), n);
    try {
      const text = readFileSync(path.join(dir, n), 'utf8');
      if (text.length > MAX_PLAN_BYTES) return { file, json: null, parseError: `larger than ${MAX_PLAN_BYTES} bytes` };
      return { file, json: JSON.parse(text) as unknown };
    } catch (err) {
      return { file, json: null, parseError: err instanceof Error ? err.message : String(err) };
    }
  });
  const { plans, issues } = validatePlans(files);
  if (issues.length > 0) throw new Error(`invalid emergency plans in ${dir}:\n${issues.map((i) => `  ${formatPlanIssue(i)}`).join('\n')}`);
  return { plans, uncovered: typesWithoutPlan(plans) };
}
