import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Ack, type HelloReply } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import { miniPlantDir, repoRoot, waitFor } from './harness';

const entry = path.join(repoRoot, 'dist', 'server', 'main.js');
const procs: ChildProcess[] = [];
let dataDir: string;

/** Starts `node dist/server/main.js` and resolves with its URL from the VIGIL_LISTENING line. */
function startServer(args: string[]): Promise<{ proc: ChildProcess; url: string; output: string[] }> {
  const proc = spawn(process.execPath, [entry, '--data', dataDir, '--plant', miniPlantDir, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  procs.push(proc);
  const output: string[] = [];
  proc.stderr!.on('data', (d) => output.push(String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 15_000);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.join('')}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      output.push(line);
      const m = /^VIGIL_LISTENING (http:\/\/\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]!, output });
      }
    });
  });
}

async function rest<T = Record<string, unknown>>(url: string, p: string, init: RequestInit & { token?: string } = {}): Promise<Ack<T>> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const res = await fetch(url + p, { ...init, headers });
  return (await res.json()) as Ack<T>;
}

beforeAll(() => {
  execFileSync(process.execPath, ['build/build.mjs', '--only', 'server'], { cwd: repoRoot, stdio: 'pipe' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-restart-'));
}, 120_000);
afterAll(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the built server process', () => {
  it('prints help in both languages', () => {
    const out = execFileSync(process.execPath, [entry, '--help'], { encoding: 'utf8' });
    expect(out).toContain('--data DIR');
    expect(out).toContain('工厂服务器');
  });

  it('keeps its journal across kill -9 and consoles are live again within 5 s of the restart', async () => {
    const first = await startServer(['--port', '0']);
    const port = new URL(first.url).port;
    const adminToken = (await import('node:fs')).readFileSync(path.join(dataDir, 'admin.token'), 'utf8').trim();

    // A console that reconnects by itself and re-sends hello with the last seq it applied.
    let lastSeq: number | undefined;
    const hellos: { at: number; reply: HelloReply }[] = [];
    const frames: number[] = [];
    const socket: Socket = io(first.url, { transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1000, randomizationFactor: 0 });
    socket.on('event', (e: JournalEvent) => (lastSeq = e.seq));
    socket.on('frame', () => frames.push(Date.now()));
    socket.on('connect', () => {
      socket.emit('hello', { protocolVersion: PROTOCOL_VERSION, token: adminToken, ...(lastSeq !== undefined ? { lastSeq } : {}) }, (ack: Ack<HelloReply>) => {
        if (!ack.ok) return;
        const r = ack.data;
        lastSeq = r.resume === 'events' ? (r.events?.at(-1)?.seq ?? lastSeq) : r.snapshot!.seq;
        hellos.push({ at: Date.now(), reply: r });
        socket.emit('subscribe', { areas: '*' }, () => undefined);
      });
    });
    try {
      await waitFor(() => hellos.length === 1 && frames.length > 0, 5000, 'first hello and frames');
      const tag = (await rest<{ plant: { tags: { id: string }[] } }>(first.url, '/api/v1/plant')) as { ok: true; data: { plant: { tags: { id: string }[] } } };
      const inj = await rest<{ injectionId: string }>(first.url, '/api/v1/sim/inject', {
        method: 'POST',
        token: adminToken,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'detector_failure', tag: tag.data.plant.tags[0]!.id, mode: 'stuck' }),
      });
      expect(inj.ok).toBe(true);
      const before = await rest<{ events: JournalEvent[] }>(first.url, '/api/v1/journal?after=0&limit=5000', { token: adminToken });
      const eventsBefore = (before as { data: { events: JournalEvent[] } }).data.events;
      const seqBefore = eventsBefore.at(-1)!.seq;
      await waitFor(() => lastSeq === seqBefore, 3000, 'the console to apply every event');

      first.proc.kill('SIGKILL');
      await new Promise((r) => first.proc.once('exit', r));
      expect(existsSync(path.join(dataDir, 'vigil.db'))).toBe(true);

      const restartedAt = Date.now();
      const second = await startServer(['--port', port]);
      const resumed = await waitFor(() => hellos[1], 5000, 'the console to say hello again');
      const framesAfter = await waitFor(() => frames.find((t) => t > resumed.at), 5000, 'frames after the restart');
      expect(framesAfter - restartedAt).toBeLessThan(5000);
      expect(resumed.at - restartedAt).toBeLessThan(5000);

      // The console resumed from its lastSeq: it got the events it missed, starting right after.
      expect(resumed.reply.resume).toBe('events');
      const missed = resumed.reply.events!;
      expect(missed[0]).toMatchObject({ seq: seqBefore + 1, type: 'system.started' });

      const after = await rest<{ events: JournalEvent[] }>(second.url, '/api/v1/journal?after=0&limit=5000', { token: adminToken });
      const eventsAfter = (after as { data: { events: JournalEvent[] } }).data.events;
      expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
      expect(eventsAfter.filter((e) => e.type === 'system.started')).toHaveLength(2);

      // The injection still in force before the kill is still in force.
      const injectionId = (inj as { data: { injectionId: string } }).data.injectionId;
      const fresh = io(second.url, { transports: ['websocket'], reconnection: false, forceNew: true });
      const snap = (await fresh.timeout(5000).emitWithAck('hello', { protocolVersion: PROTOCOL_VERSION, token: adminToken })) as Ack<HelloReply>;
      fresh.disconnect();
      expect(snap.ok && Object.keys((snap.data.snapshot!.state as { injections: object }).injections)).toEqual([injectionId]);

      // add-user on the same data dir works while the server runs.
      execFileSync(process.execPath, [entry, 'add-user', 'dora', 'drill_coordinator', '--data', dataDir], { env: { ...process.env, VIGIL_PASSWORD: 'dora-password' } });
      const signIn = await rest(second.url, '/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'dora', password: 'dora-password' }) });
      expect(signIn).toMatchObject({ ok: true, data: { user: { name: 'dora', role: 'drill_coordinator' } } });

      // A clean stop (SIGTERM) exits 0.
      second.proc.kill('SIGTERM');
      const code = await new Promise((r) => second.proc.once('exit', (c) => r(c)));
      expect(code).toBe(0);
    } finally {
      socket.disconnect();
    }
  }, 60_000);
});
