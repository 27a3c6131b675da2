import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESIGN_KEYS } from './designKeys';
import { REPO_ROOT } from './testing/plantPaths';

describe('docs/plant-model.md', () => {
  it('lists every design key of server/plant/designKeys.ts in its table', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'plant-model.md'), 'utf8').split('\n');
    for (const [kind, codes] of Object.entries(DESIGN_KEYS)) {
      const row = doc.find((l) => l.startsWith(`| ${kind} |`));
      expect(row, kind).toBeDefined();
      for (const [code, key] of Object.entries(codes!)) expect(row, `${kind} ${code}`).toContain(`\`${code}\` → \`${key}\``);
    }
  });
});
