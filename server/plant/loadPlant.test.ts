import { cp, mkdtemp, readFile, rm, writeFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlant, PlantLoadError } from './loadPlant';
import { MINI_PLANT_DIR } from './testing/plantPaths';

const dirs: string[] = [];
async function copyMini(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-plant-'));
  dirs.push(dir);
  await cp(MINI_PLANT_DIR, dir, { recursive: true });
  return dir;
}
async function edit(dir: string, file: string, change: (data: unknown) => void): Promise<void> {
  const p = path.join(dir, file);
  const data: unknown = JSON.parse(await readFile(p, 'utf8'));
  change(data);
  await writeFile(p, JSON.stringify(data));
}
async function loadError(dir: string): Promise<PlantLoadError> {
  const err: unknown = await loadPlant(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlantLoadError);
  return err as PlantLoadError;
}
type Rec = Record<string, unknown>;

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('loadPlant', () => {
  it('loads the mini fixture with its tags in file order and a stable hash', async () => {
    const a = await loadPlant(MINI_PLANT_DIR);
    const b = await loadPlant(MINI_PLANT_DIR);
    expect(a.plant.meta.id).toBe('mini');
    expect(a.plant.tags.map((t) => t.id).slice(0, 2)).toEqual(['TK-1.LI-01', 'TK-1.TI-01']);
    expect(a.plant.tags).toHaveLength(20);
    expect(a.hash).toMatch(/^[0-9a-f]{14}$/);
    expect(b.hash).toBe(a.hash);
  });

  it('names the file and path of a bad field', async () => {
    const dir = await copyMini();
    await edit(dir, 'tags.json', (tags) => {
      ((tags as Rec[])[5]!.limits as Rec).source = 42;
    });
    const err = await loadError(dir);
    expect(err.message).toContain('tags.json: [5].limits.source');
    expect(err.issues).toEqual([expect.objectContaining({ file: 'tags.json', path: '[5].limits.source' })]);
  });

  it('reports every bad file, not only the first', async () => {
    const dir = await copyMini();
    await edit(dir, 'areas.json', (areas) => {
      (areas as Rec[])[1]!.kind = 'casino';
    });
    await edit(dir, 'equipment.json', (eq) => {
      ((eq as Rec[])[0]!.shape as Rec).radius = -1;
    });
    const err = await loadError(dir);
    expect(err.message).toContain('areas.json: [1].kind');
    expect(err.message).toContain('equipment.json: [0].shape.radius');
  });

  it('reports a limit order that makes no sense, and a gas detector without a chemical', async () => {
    const dir = await copyMini();
    await edit(dir, 'tags.json', (tags) => {
      const t = tags as Rec[];
      (t[0]!.limits as Rec).hh = 1;
      delete t[6]!.chemical;
    });
    const err = await loadError(dir);
    expect(err.message).toContain('tags.json: [0].limits.hh');
    expect(err.message).toContain('tags.json: [6].chemical');
  });

  it('reports bad cross-references and duplicate ids', async () => {
    const dir = await copyMini();
    await edit(dir, 'equipment.json', (eq) => {
      (eq as Rec[])[1]!.area = 'NOWHERE';
    });
    await edit(dir, 'tags.json', (tags) => {
      const t = tags as Rec[];
      t[3]!.equipment = 'TK-99';
      t[4]!.id = t[0]!.id;
    });
    await edit(dir, 'roads.json', (roads) => {
      ((roads as Rec).edges as Rec[])[0]!.to = 'N9';
    });
    const err = await loadError(dir);
    expect(err.message).toContain('equipment.json: [1].area: unknown area "NOWHERE"');
    expect(err.message).toContain('tags.json: [3].equipment: unknown equipment "TK-99"');
    expect(err.message).toContain('tags.json: [4].id: duplicate id "TK-1.LI-01"');
    expect(err.message).toContain('roads.json: edges[0].to: unknown road node "N9"');
  });

  it('names a missing or unreadable file', async () => {
    const dir = await copyMini();
    await unlink(path.join(dir, 'muster.json'));
    await writeFile(path.join(dir, 'roads.json'), '{ not json');
    const err = await loadError(dir);
    expect(err.message).toContain('muster.json: (file)');
    expect(err.message).toContain('roads.json: (file)');
  });
});
