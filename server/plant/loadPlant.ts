import { readFile } from 'node:fs/promises';
import type { ZodType } from 'zod';
import path from 'node:path';
import { plantFileSchemas, plantOptionalFileSchemas, type Plant, type PlantFileName, type PlantOptionalFileName } from '../../shared/plant/schema';
import { describeIssues, zodIssues, type PlantIssue } from '../../shared/plant/issues';
import { crossCheckPlant } from '../../shared/plant/crossCheck';
import { checkPeopleZones } from '../../shared/people/compileZones';
import { checkPeopleFile } from '../../shared/people/checkPeopleFile';
import { peopleFileSchema, type PeopleFile } from '../../shared/people/registry';
import { stableHash } from '../../shared/util/hash';

/** A plant folder that does not validate. `issues` name the file and the path of each bad field. */
export class PlantLoadError extends Error {
  constructor(
    readonly dir: string,
    readonly issues: PlantIssue[],
  ) {
    super(`plant at ${dir} is invalid:\n${describeIssues(issues)}`);
    this.name = 'PlantLoadError';
  }
}

export interface LoadedPlant {
  plant: Plant;
  /** Hash of the whole model; consoles key their cache by it. */
  hash: string;
  /**
   * The personnel registry seed (`people.json`), when the folder has one. Not part of the plant
   * model (nor its hash): it is personal data, served only to signed-in users (docs/people.md).
   */
  people?: PeopleFile;
}

/** Reads and validates an optional JSON file; undefined when it does not exist. */
async function readOptional<T>(dir: string, file: string, schema: ZodType<T>, issues: PlantIssue[]): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') issues.push({ file, path: '(file)', message: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    issues.push({ file, path: '(file)', message: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  issues.push(...zodIssues(file, result.error));
  return undefined;
}

/** Reads, validates and assembles `dir/{plant,chemicals,areas,…}.json`. */
export async function loadPlant(dir: string): Promise<LoadedPlant> {
  const issues: PlantIssue[] = [];
  const parsed: Partial<Record<PlantFileName, unknown>> = {};
  for (const file of Object.keys(plantFileSchemas) as PlantFileName[]) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    } catch (err) {
      issues.push({ file, path: '(file)', message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const result = plantFileSchemas[file].safeParse(raw);
    if (result.success) parsed[file] = result.data;
    else issues.push(...zodIssues(file, result.error));
  }
  const optional: Partial<Record<PlantOptionalFileName, unknown>> = {};
  for (const file of Object.keys(plantOptionalFileSchemas) as PlantOptionalFileName[]) {
    let text: string;
    try {
      text = await readFile(path.join(dir, file), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      issues.push({ file, path: '(file)', message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      issues.push({ file, path: '(file)', message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const result = plantOptionalFileSchemas[file].safeParse(raw);
    if (result.success) optional[file] = result.data;
    else issues.push(...zodIssues(file, result.error));
  }
  if (issues.length > 0) throw new PlantLoadError(dir, issues);
  const plant = {
    meta: parsed['plant.json'],
    chemicals: parsed['chemicals.json'],
    areas: parsed['areas.json'],
    buildings: parsed['buildings.json'],
    equipment: parsed['equipment.json'],
    roads: parsed['roads.json'],
    muster: parsed['muster.json'],
    tags: parsed['tags.json'],
    ...(optional['alarm-settings.json'] ? { alarmSettings: optional['alarm-settings.json'] } : {}),
    ...(optional['interlocks.json'] ? { interlocks: optional['interlocks.json'] } : {}),
    ...(optional['risk-register.json'] ? { risks: optional['risk-register.json'] } : {}),
    ...(optional['notification-policy.json'] ? { notifications: optional['notification-policy.json'] } : {}),
    ...(optional['people-zones.json'] ? { peopleZones: optional['people-zones.json'] } : {}),
    ...(optional['robots.json'] ? { robots: optional['robots.json'] } : {}),
    ...(optional['inspection-plans.json'] ? { inspectionPlans: optional['inspection-plans.json'] } : {}),
    ...(optional['incident-rules.json'] ? { incidentRules: optional['incident-rules.json'] } : {}),
    ...(optional['emergency-resources.json'] ? { emergencyResources: optional['emergency-resources.json'] } : {}),
  } as Plant;
  const cross = crossCheckPlant(plant);
  if (plant.peopleZones) cross.push(...checkPeopleZones(plant, plant.peopleZones));
  const peopleIssues: PlantIssue[] = [];
  const people = await readOptional(dir, 'people.json', peopleFileSchema, peopleIssues);
  if (people) peopleIssues.push(...checkPeopleFile(plant, people));
  cross.push(...peopleIssues);
  if (cross.length > 0) throw new PlantLoadError(dir, cross);
  return { plant, hash: stableHash(plant), ...(people ? { people } : {}) };
}
