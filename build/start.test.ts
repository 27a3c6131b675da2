/**
 * `npm start`'s launcher (build/start.mjs) against the real built plant server: the one-line
 * fallback when Electron cannot run, and the hand-over to an Electron binary when there is one
 * (a stand-in script here, since the real binary cannot be had on these machines).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FALLBACK = /^Electron is not available here \((.+)\); the console is served at (http:\/\/127\.0\.0\.1:\d+) — open it in a browser\.$/;

interface Started {
  child: ChildProcess;
  lines: string[];
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
let tmp: string;

function start(env: Record<string, string>): Started {
  const dataDir = mkdtempSync(path.join(tmp, 'data-'));
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ELECTRON_') && !k.startsWith('VIGIL_')));
  // Own process group, so cleanup can stop the launcher and the server it started together.
  const child = spawn(process.execPath, ['build/start.mjs', '--port', '0', '--data', dataDir], {
    cwd: root,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(child);
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        const m = line.match(w.re);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    }
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (re: RegExp, timeoutMs = 20_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const hit = lines.map((l) => l.match(re)).find((m) => m);
      if (hit) return resolve(hit);
      const timer = setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`)), timeoutMs);
      waiters.push({ re, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  return { child, lines, waitFor, exited };
}

/** A stand-in Electron: records its arguments, then exits with `code`. */
function fakeElectron(code: number): { dir: string; argsFile: string } {
  const dir = mkdtempSync(path.join(tmp, 'electron-'));
  const argsFile = path.join(dir, 'args.txt');
  const bin = path.join(dir, 'electron');
  writeFileSync(bin, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nexit ${code}\n`);
  chmodSync(bin, 0o755);
  return { dir, argsFile };
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'vigil-start-'));
  if (!existsSync(path.join(root, 'dist/server/main.js'))) {
    const r = spawnSync(process.execPath, ['build/build.mjs', '--only', 'server'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`server build failed:\n${r.stderr}`);
  }
}, 120_000);

afterEach(() => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm start launcher', () => {
  it('without Electron prints one line with the console URL, keeps serving, and stops on Ctrl-C', async () => {
    const s = start({ VIGIL_NO_ELECTRON: '1' });
    const m = await s.waitFor(FALLBACK);
    expect(m[1]).toBe('VIGIL_NO_ELECTRON is set');
    const url = m[2]!;
    expect(s.lines.filter((l) => l.startsWith('Electron is not available'))).toHaveLength(1);
    const health = await fetch(`${url}/api/v1/health`);
    expect(health.status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    // Ctrl-C in a terminal signals the whole foreground process group.
    process.kill(-s.child.pid!, 'SIGINT');
    expect(await s.exited).toBe(0);
    await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
  });

  it('says why when the binary is missing and downloads are off', async () => {
    const empty = mkdtempSync(path.join(tmp, 'no-electron-'));
    const s = start({ ELECTRON_OVERRIDE_DIST_PATH: empty, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', DISPLAY: ':99' });
    const m = await s.waitFor(FALLBACK);
    expect(m[1]).toContain(`no Electron binary at ${path.join(empty, 'electron')}`);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('hands the server URL to Electron and stops the server when the console closes', async () => {
    const fake = fakeElectron(0);
    const s = start({ ELECTRON_OVERRIDE_DIST_PATH: fake.dir, DISPLAY: ':99' });
    const listening = await s.waitFor(/^VIGIL_LISTENING (http:\/\/127\.0\.0\.1:\d+)/);
    expect(await s.exited).toBe(0);
    const args = readFileSync(fake.argsFile, 'utf8').trim().split('\n');
    expect(args).toEqual([root, `--server-url=${listening[1]}`]);
    expect(s.lines.some((l) => FALLBACK.test(l))).toBe(false);
    await expect(fetch(`${listening[1]}/api/v1/health`)).rejects.toThrow();
  });

  it('falls back to the browser line when Electron fails to start', async () => {
    const fake = fakeElectron(1);
    const s = start({ ELECTRON_OVERRIDE_DIST_PATH: fake.dir, DISPLAY: ':99' });
    const m = await s.waitFor(FALLBACK);
    expect(m[1]).toBe('it exited with code 1');
    expect((await fetch(`${m[2]}/api/v1/health`)).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });
});
