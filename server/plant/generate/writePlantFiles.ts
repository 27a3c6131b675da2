import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plant, PlantFileName, PlantOptionalFileName } from '../../../shared/plant/schema';

/** One record per line: diffs stay readable and files stay small. */
function lines(records: readonly unknown[]): string {
  return records.length === 0 ? '[]' : `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
}

/** The text of each file of a plant folder, as `loadPlant` reads them; optional files only when the plant has them. */
export function plantFiles(p: Plant): Record<PlantFileName, string> & Partial<Record<PlantOptionalFileName, string>> {
  return {
    'plant.json': `${JSON.stringify(p.meta, null, 2)}\n`,
    'chemicals.json': `${lines(p.chemicals)}\n`,
    'areas.json': `${lines(p.areas)}\n`,
    'buildings.json': `${lines(p.buildings)}\n`,
    'equipment.json': `${lines(p.equipment)}\n`,
    'roads.json': `{\n"nodes": ${lines(p.roads.nodes)},\n"edges": ${lines(p.roads.edges)},\n"gates": ${lines(p.roads.gates)}\n}\n`,
    'muster.json': `${lines(p.muster)}\n`,
    'tags.json': `${lines(p.tags)}\n`,
    ...(p.alarmSettings ? { 'alarm-settings.json': `${JSON.stringify(p.alarmSettings, null, 2)}\n` } : {}),
    ...(p.interlocks ? { 'interlocks.json': `${lines(p.interlocks)}\n` } : {}),
    ...(p.risks ? { 'risk-register.json': `${lines(p.risks)}\n` } : {}),
    ...(p.notifications ? { 'notification-policy.json': `${JSON.stringify(p.notifications, null, 2)}\n` } : {}),
    ...(p.peopleZones ? { 'people-zones.json': `${JSON.stringify(p.peopleZones, null, 2)}\n` } : {}),
    ...(p.robots ? { 'robots.json': `${JSON.stringify(p.robots, null, 2)}\n` } : {}),
    ...(p.inspectionPlans ? { 'inspection-plans.json': `${JSON.stringify(p.inspectionPlans, null, 2)}\n` } : {}),
    ...(p.incidentRules ? { 'incident-rules.json': `${JSON.stringify(p.incidentRules, null, 2)}\n` } : {}),
    ...(p.emergencyResources ? { 'emergency-resources.json': `${JSON.stringify(p.emergencyResources, null, 2)}\n` } : {}),
  };
}

/** Writes the plant's files into `dir` (created if missing). */
export function writePlantFiles(dir: string, p: Plant): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(plantFiles(p))) writeFileSync(path.join(dir, file), text);
}
