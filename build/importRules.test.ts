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

describe('import direction (eslint.config.js)', () => {
  it.each([
    ['shared/protocol/x.ts', "import { a } from '../../server/store/a';\nexport const b = a;\n", crossing],
    ['shared/x.ts', "import { a } from '../renderer/src/a';\nexport const b = a;\n", crossing],
    ['shared/x.ts', "import { a } from '../electron/consoleApp';\nexport const b = a;\n", crossing],
    ['server/transport/x.ts', "import { a } from '../../renderer/src/store/a';\nexport const b = a;\n", crossing],
    ['server/x.ts', "import { a } from '../electron/main';\nexport const b = a;\n", crossing],
    ['renderer/src/x.ts', "import { a } from '../../electron/preload';\nexport const b = a;\n", crossing],
    ['renderer/src/x.ts', "import { a } from '../../server/main';\nexport const b = a;\n", crossing],
    ['electron/x.ts', "import { a } from '../server/sim/types';\nexport const b = a;\n", crossing],
    ['electron/x.ts', "import { a } from '../renderer/src/a';\nexport const b = a;\n", crossing],
    ['shared/util/x.ts', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n", impure],
    ['shared/util/x.ts', "import { readFileSync } from 'fs';\nexport const b = readFileSync;\n", impure],
    ['shared/util/x.ts', "import { ipcRenderer } from 'electron';\nexport const b = ipcRenderer;\n", impure],
    ['shared/util/x.ts', "import { useState } from 'react';\nexport const b = useState;\n", impure],
  ])('%s: %s is an error', async (file, source, expected) => {
    const found = await errors(file, source);
    expect(found.some((e) => expected.test(e)), found.join('\n')).toBe(true);
  });

  it.each([
    ['shared/protocol/x.ts', "import { z } from 'zod';\nimport { a } from '../util/a';\nexport const b = [z, a];\n"],
    ['server/x.ts', "import { readFileSync } from 'node:fs';\nimport { a } from '../shared/protocol/frame';\nexport const b = [readFileSync, a];\n"],
    ['renderer/src/x.ts', "import { a } from '../../shared/protocol/frame';\nexport const b = a;\n"],
    ['electron/x.ts', "import { app } from 'electron';\nimport { a } from '../shared/ipc/api';\nexport const b = [app, a];\n"],
  ])('%s: allowed imports pass', async (file, source) => {
    expect(await errors(file, source)).toEqual([]);
  });
});
