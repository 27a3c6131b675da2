import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { plantFileSchemas, type Plant, type PlantFileName } from '../../shared/plant/schema';
import { describeIssues, zodIssues, type PlantIssue } from '../../shared/plant/issues';
import { crossCheckPlant } from '../../shared/plant/crossCheck';
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
  } as Plant;
  const cross = crossCheckPlant(plant);
  if (cross.length > 0) throw new PlantLoadError(dir, cross);
  return { plant, hash: stableHash(plant) };
}
