import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Vigil's package.json, found by walking up from this module's file. Works
 * from server/ under tsx, from the dist/server/main.js bundle, and inside a packaged app
 * (app.asar reads like a folder to Node under Electron). `VIGIL_ROOT` overrides.
 */
export function findAppRoot(from: string = fileURLToPath(import.meta.url)): string {
  const override = process.env.VIGIL_ROOT;
  if (override) return path.resolve(override);
  let dir = path.dirname(from);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'vigil') return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find Vigil's package.json above ${from}; set VIGIL_ROOT`);
    dir = up;
  }
}

export function readVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
