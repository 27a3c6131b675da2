import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { plantFileSchemas, type PlantFileName, type PlantOptionalFileName } from '../../../shared/plant/schema';
import { GENERATOR_SCRIPT, REFERENCE_PLANT_DIR, REPO_ROOT, STANDARDS_DIR } from '../testing/plantPaths';
import { buildReferencePlant } from './referencePlant';
import { loadStandards } from './standards';
import { plantFiles } from './writePlantFiles';

/** The optional plant files the generator writes (alarm-settings.json is kept by hand). */
const GENERATED_OPTIONAL: PlantOptionalFileName[] = ['interlocks.json', 'risk-register.json', 'notification-policy.json', 'people-zones.json'];
const FILES: (PlantFileName | PlantOptionalFileName)[] = [...(Object.keys(plantFileSchemas) as PlantFileName[]), ...GENERATED_OPTIONAL];

describe('reference plant generator', () => {
  it('reproduces the committed files byte for byte', async () => {
    const files = plantFiles(buildReferencePlant(loadStandards(STANDARDS_DIR)));
    for (const f of FILES) expect(files[f], `${f} differs: run npm run plant:generate`).toBe(await readFile(path.join(REFERENCE_PLANT_DIR, f), 'utf8'));
  });

  it('writes the same files into the folder given on the command line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-gen-'));
    try {
      const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
      const { stdout } = await promisify(execFile)(tsx, [GENERATOR_SCRIPT, dir], { cwd: REPO_ROOT });
      expect(stdout).toContain(dir);
      for (const f of FILES) {
        const [made, committed] = await Promise.all([readFile(path.join(dir, f)), readFile(path.join(REFERENCE_PLANT_DIR, f))]);
        expect(made.equals(committed), f).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes its set points from the standards data', () => {
    const std = loadStandards(STANDARDS_DIR);
    std.setpoints.combustible.firstPctLel.value = 20;
    const plant = buildReferencePlant(std);
    const gd = plant.tags.filter((t) => t.kind === 'gas_combustible');
    expect(gd.length).toBeGreaterThan(0);
    expect(gd.every((t) => t.limits.h === 20)).toBe(true);
  });
});
