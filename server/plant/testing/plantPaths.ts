import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Folders tests read: the committed reference plant, its standards data, the mini fixture. */
export const REFERENCE_PLANT_DIR = path.join(root, 'resources', 'plants', 'reference');
export const STANDARDS_DIR = path.join(root, 'resources', 'standards');
export const MINI_PLANT_DIR = path.join(root, 'tests', 'fixtures', 'plants', 'mini');
export const GENERATOR_SCRIPT = path.join(root, 'resources', 'plants', 'generate-reference.ts');
export const REPO_ROOT = root;
