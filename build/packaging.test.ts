/**
 * Packaging: electron-builder packs an unpacked (`--dir`) Linux build with build/electron-builder.json
 * against a stand-in Electron folder (the real binary cannot be downloaded here), without
 * rebuilding native modules, and the test reads the resulting app.asar: it must hold the main,
 * preload, server and renderer bundles, the reference plant and the production dependencies,
 * and nothing from sources, tests, docs, CI or devDependencies.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const required = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/server/main.js', 'dist/renderer/index.html'];

let tmp: string;
let appDir: string;
let files: string[];

/** A folder shaped like an unpacked Electron for Linux, with a script where the binary would be. */
function stubElectron(dir: string): void {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "stand-in Electron" >&2\nexit 1\n');
  chmodSync(path.join(dir, 'electron'), 0o755);
  for (const locale of ['en-US', 'zh-CN', 'fr', 'de']) writeFileSync(path.join(dir, 'locales', `${locale}.pak`), locale);
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
}

beforeAll(async () => {
  if (required.some((f) => !existsSync(path.join(root, f)))) {
    const r = spawnSync(process.execPath, ['build/build.mjs'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  }
  tmp = mkdtempSync(path.join(tmpdir(), 'vigil-pack-'));
  const electronDist = path.join(tmp, 'electron-stub');
  stubElectron(electronDist);
  // No download, no signing, whatever the caller's environment says.
  process.env['ELECTRON_SKIP_BINARY_DOWNLOAD'] = '1';
  process.env['CSC_IDENTITY_AUTO_DISCOVERY'] = 'false';
  const { build, Platform, Arch } = await import('electron-builder');
  const config = JSON.parse(readFileSync(path.join(root, 'build/electron-builder.json'), 'utf8')) as Record<string, unknown>;
  const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', arch),
    publish: 'never',
    config: {
      ...config,
      electronDist,
      npmRebuild: false,
      directories: { ...(config['directories'] as object), output: path.join(tmp, 'out') },
    },
  });
  appDir = path.join(tmp, 'out', arch === Arch.arm64 ? 'linux-arm64-unpacked' : 'linux-unpacked');
  files = listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/'));
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('electron-builder --dir against a stand-in Electron', () => {
  it('names the executable and keeps only the console languages', () => {
    expect(existsSync(path.join(appDir, 'vigil'))).toBe(true);
    expect(readdirSync(path.join(appDir, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('app.asar holds the main, preload, server and renderer bundles and the reference plant', () => {
    for (const f of ['/package.json', ...required.map((r) => `/${r}`), '/resources/plants/reference/plant.json', '/resources/plants/reference/tags.json']) {
      expect(files, f).toContain(f);
    }
    expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    const pkg = JSON.parse(extractFile(path.join(appDir, 'resources', 'app.asar'), 'package.json').toString()) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('app.asar holds the server runtime dependencies, with better-sqlite3 native code unpacked', () => {
    for (const dep of ['fastify', 'socket.io', 'better-sqlite3', 'zod', '@fastify/static']) {
      expect(files, dep).toContain(`/node_modules/${dep}/package.json`);
    }
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    const natives = readdirSync(unpacked, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.node'));
    expect(natives.length).toBeGreaterThan(0);
  });

  it('app.asar holds no sources, tests, docs, CI, source maps or devDependencies', () => {
    const forbidden = [
      /^\/(electron|server|shared|renderer|tests|build|docs|\.ci|\.git|test-results|playwright-report|\.data)\//,
      /^\/dist\/(types|bench)\//,
      /^\/(tsconfig[^/]*\.json|eslint\.config\.js|vitest\.config\.ts|playwright\.config\.ts|package-lock\.json|README\.md)$/,
      /\.(ts|mts|cts)$/,
      /\.map$/,
      /^\/node_modules\/(vitest|@vitest|@playwright|playwright|playwright-core|electron|electron-builder|app-builder-lib|typescript|typescript-eslint|eslint|vite|esbuild|tsx|fake-indexeddb|globals|@eslint|@vitejs)\//,
    ];
    const offenders = files.filter((f) => forbidden.some((re) => re.test(f)));
    expect(offenders.slice(0, 20)).toEqual([]);
  });
});
