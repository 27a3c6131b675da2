import type { PlantIssue } from '../plant/issues';
import type { Plant } from '../plant/schema';
import type { RobotsFile } from './model';

/**
 * Cross-checks robots.json against the plant (the schema checks shapes): robot and checkpoint
 * ids unique (checkpoint ids across all robots, so `robot.goto` and findings name one place),
 * every checkpoint names real equipment. The robot service refuses to start on any issue.
 */
export function checkRobotsFile(plant: Pick<Plant, 'equipment'>, file: RobotsFile): PlantIssue[] {
  const f = 'robots.json';
  const issues: PlantIssue[] = [];
  const equipment = new Set(plant.equipment.map((e) => e.id));
  const robots = new Set<string>();
  const checkpoints = new Set<string>();
  file.robots.forEach((r, i) => {
    if (robots.has(r.id)) issues.push({ file: f, path: `robots[${i}].id`, message: `duplicate robot id "${r.id}"` });
    robots.add(r.id);
    if (r.resumePct <= r.returnPct) issues.push({ file: f, path: `robots[${i}].resumePct`, message: 'resumePct must be above returnPct' });
    r.route.forEach((c, k) => {
      if (checkpoints.has(c.id)) issues.push({ file: f, path: `robots[${i}].route[${k}].id`, message: `duplicate checkpoint id "${c.id}"` });
      checkpoints.add(c.id);
      if (!equipment.has(c.equipment)) issues.push({ file: f, path: `robots[${i}].route[${k}].equipment`, message: `unknown equipment "${c.equipment}"` });
    });
  });
  return issues;
}
