/**
 * The built main-process bundle (dist/electron/main.cjs) run in plain Node with a stand-in
 * `electron` module (build/testing/fakeElectronModule.cjs): with no server configured it starts
 * the real embedded plant server, opens one hardened window on it, answers IPC only to the
 * console origin, and stops the server on quit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let userData: string;

beforeAll(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'vigil-main-'));
  const needed = ['dist/electron/main.cjs', 'dist/server/main.js', 'dist/renderer/index.html'];
  if (needed.some((f) => !existsSync(path.join(root, f)))) {
    const r = spawnSync(process.execPath, ['build/build.mjs'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  }
}, 120_000);

afterAll(() => rmSync(userData, { recursive: true, force: true }));

type Recorded = { event: string } & Record<string, unknown>;

describe('dist/electron/main.cjs', () => {
  it('starts the embedded plant server, opens a hardened window on it and stops the server on quit', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VIGIL_')));
    const child = spawn(process.execPath, ['--require', path.join(root, 'build/testing/fakeElectronModule.cjs'), path.join(root, 'dist/electron/main.cjs')], {
      cwd: root,
      env: { ...env, FAKE_ELECTRON_USERDATA: userData, FAKE_ELECTRON_APPPATH: root, VIGIL_NODE: process.execPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    const events: Recorded[] = out
      .split('\n')
      .filter((l) => l.startsWith('FAKE_ELECTRON '))
      .map((l) => JSON.parse(l.slice('FAKE_ELECTRON '.length)) as Recorded);
    const find = (name: string) => events.find((e) => e.event === name);
    const context = `stdout:\n${out}\nstderr:\n${err}`;
    expect(code, context).toBe(0);
    expect(find('errorBox'), context).toBeUndefined();
    expect(find('enableSandbox')).toBeDefined();

    const url = find('loadURL')?.['url'] as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const options = find('window')?.['options'] as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: path.join(root, 'dist/electron/preload.cjs') });
    expect(find('openHandler')?.['result']).toEqual({ action: 'deny' });
    expect(find('permission')?.['media']).toBe(false);
    expect(String((find('csp')?.['csp'] as string[])[0])).toContain(`script-src ${url}`);

    const ipc = find('ipc') as unknown as { fromConsole: { ok?: unknown }; fromElsewhere: { error?: string } };
    expect(ipc.fromConsole.ok).toEqual({ serverUrl: url, locale: 'zh-CN', embedded: true, appVersion: '0.1.0' });
    expect(ipc.fromElsewhere.error).toMatch(/sender refused/);
    expect(find('health')?.['status']).toBe(200);
    expect(existsSync(path.join(userData, 'plant-data'))).toBe(true);
    await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
  }, 60_000);
});
