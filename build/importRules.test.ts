/**
 * The one-way dependency rule of DESIGN.md, as eslint.config.js enforces it: run the repo's own
 * ESLint configuration over small import snippets placed (virtually) in each folder.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** Lints `source` as if it were the file `file` (relative to the repo root); returns rule ids of errors. */
async function errors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const crossing = /^no-restricted-imports: .*off limits here/;
const impure = /^no-restricted-imports: .*shared\/ is pure/;

const source = (...specifiers: string[]) => specifiers.map((m, i) => `import { a${i} } from '${m}';\nexport const b${i} = a${i};\n`).join('');

describe('import direction (eslint.config.js)', () => {
  it.each([
    ['shared/protocol/x.ts', '../../server/store/a', crossing],
    ['shared/x.ts', '../renderer/src/a', crossing],
    ['shared/x.ts', '../electron/consoleApp', crossing],
    ['server/transport/x.ts', '../../renderer/src/store/a', crossing],
    ['server/x.ts', '../electron/main', crossing],
    ['server/x.ts', 'electron', crossing],
    ['renderer/src/x.ts', '../../electron/preload', crossing],
    ['renderer/src/x.ts', 'electron', crossing],
    ['renderer/src/x.ts', '../../server/main', crossing],
    ['electron/x.ts', '../server/sim/types', crossing],
    ['electron/x.ts', '../renderer/src/a', crossing],
    ['shared/util/x.ts', 'node:fs', impure],
    ['shared/util/x.ts', 'fs', impure],
    ['shared/util/x.ts', 'electron', impure],
    ['shared/util/x.ts', 'react', impure],
  ])('%s importing %s is an error', async (file, from, expected) => {
    const found = await errors(file, source(from));
    expect(found.some((e) => expected.test(e)), found.join('\n')).toBe(true);
  });

  it.each([
    ['shared/protocol/x.ts', ['zod', '../util/a']],
    ['server/x.ts', ['node:fs', '../shared/protocol/frame']],
    ['renderer/src/x.ts', ['three', '../../shared/protocol/frame']],
    ['electron/x.ts', ['electron', 'node:path', '../shared/ipc/api']],
  ])('%s importing %j is fine', async (file, from) => {
    expect(await errors(file, source(...from))).toEqual([]);
  });
});
