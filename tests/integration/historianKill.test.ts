import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { History } from '../../shared/historian/historySchema';
import type { Ack } from '../../shared/protocol/messages';
import { miniPlantDir, repoRoot } from './harness';

const entry = path.join(repoRoot, 'dist', 'server', 'main.js');
const procs: ChildProcess[] = [];
let dataDir: string;

function startServer(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [entry, '--data', dataDir, '--plant', miniPlantDir, '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  procs.push(proc);
  const output: string[] = [];
  proc.stderr!.on('data', (d) => output.push(String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 20_000);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.join('')}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const m = /^VIGIL_LISTENING (http:\/\/\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]! });
      }
    });
  });
}

beforeAll(() => {
  execFileSync(process.execPath, ['build/build.mjs', '--only', 'server'], { cwd: repoRoot, stdio: 'pipe' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-kill-'));
}, 120_000);
afterAll(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Historian crash safety (docs/historian.md): open chunks (up to 10 min per tag) used to be lost
 * on kill -9; with the write-ahead every 2 s, a restarted server on the same data folder has
 * every tag's history up to within a few seconds of the kill.
 */
describe('historian across kill -9', () => {
  it('keeps samples up to a few seconds before the kill', async () => {
    const first = await startServer();
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 12_000));
    const killedAt = Date.now();
    first.proc.kill('SIGKILL');
    await new Promise((r) => first.proc.once('exit', r));

    const second = await startServer();
    const token = readFileSync(path.join(dataDir, 'admin.token'), 'utf8').trim();
    const tags = JSON.parse(readFileSync(path.join(miniPlantDir, 'tags.json'), 'utf8')) as { id: string; periodMs?: number }[];
    const oneHz = tags.filter((t) => (t.periodMs ?? 1000) <= 1000).slice(0, 8);
    expect(oneHz.length).toBeGreaterThan(0);
    for (const t of oneHz) {
      const res = await fetch(`${second.url}/api/v1/tags/${encodeURIComponent(t.id)}/history?from=${started - 5000}&to=${killedAt}&maxPoints=10000`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as Ack<History>;
      if (!body.ok) throw new Error(body.message);
      expect(body.data.kind).toBe('raw');
      if (body.data.kind !== 'raw') continue;
      const last = body.data.t.at(-1)!;
      // Write-ahead every 2 s + one sample period + a tick of slack.
      expect(killedAt - last, t.id).toBeLessThanOrEqual(3500);
      // And nothing missing before it (1 Hz, no gap over 1.5 s).
      for (let i = 1; i < body.data.t.length; i++) expect(body.data.t[i]! - body.data.t[i - 1]!, t.id).toBeLessThanOrEqual(1500);
      expect(body.data.t.length).toBeGreaterThanOrEqual(10);
    }
    second.proc.kill('SIGTERM');
  }, 90_000);
});
