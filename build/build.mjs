#!/usr/bin/env node
// Builds every part of Vigil into dist/: the plant server and benchmarks (esbuild, Node ESM),
// the Electron main process and preload (esbuild, CommonJS), and the renderer (Vite).
// `--only server` builds just the server and benchmarks (what `npm run server` needs).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const started = Date.now();

const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

async function buildServer() {
  await build({
    ...node,
    entryPoints: { 'server/main': 'server/main.ts', 'bench/run': 'tests/bench/run.ts' },
    outdir: 'dist',
    format: 'esm',
    packages: 'external',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

async function buildElectron() {
  await build({ ...node, entryPoints: { main: 'electron/main.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' }, format: 'cjs', external: ['electron'] });
  // The preload runs sandboxed: one self-contained CommonJS file, only `electron` external.
  // Minified because it is parsed on every page load and carries zod (shared/ipc/api.ts).
  await build({ ...node, entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' }, format: 'cjs', external: ['electron'], minify: true });
}

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

if (only === 'server') await buildServer();
else await Promise.all([buildServer(), buildElectron(), buildRenderer()]);
console.log(`built ${only ?? 'all'} in ${Date.now() - started} ms`);
