import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { decodeFrame, type DecodedFrame } from '../../shared/protocol/frame';
import { PROTOCOL_VERSION, type Ack, type HelloReply } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import { createPlantServer, type PlantServer, type PlantServerOptions } from '../../server/app';
import { hashPassword } from '../../server/auth/password';
import { upsertUser } from '../../server/auth/usersFile';
import { loadPlant, type LoadedPlant } from '../../server/plant/loadPlant';
import { createSimulator } from '../../server/sim/createSimulator';
import type { Role } from '../../shared/protocol/roles';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const miniPlantDir = path.join(repoRoot, 'tests', 'fixtures', 'plants', 'mini');

let miniCache: Promise<LoadedPlant> | null = null;
export function miniPlant(): Promise<LoadedPlant> {
  return (miniCache ??= loadPlant(miniPlantDir));
}

export interface Harness {
  server: PlantServer;
  dataDir: string;
  adminToken: string;
  /** Adds a user with a password to the server's users file (read on change, no restart). */
  addUser(name: string, role: Role, password: string): Promise<void>;
  /** A session token for a new user of `role`, via REST sign-in. */
  tokenFor(role: Role): Promise<string>;
  rest(pathname: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<{ status: number; body: unknown; headers: Headers }>;
  stop(): Promise<void>;
}

/** Starts a real plant server (real simulator, mini plant) on an ephemeral loopback port. */
export async function startHarness(overrides: Partial<PlantServerOptions> = {}): Promise<Harness> {
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(tmpdir(), 'vigil-it-'));
  const server = await createPlantServer({
    plant: await miniPlant(),
    createSimulator,
    dataDir,
    port: 0,
    rendererDir: null,
    ...overrides,
  });
  const adminToken = readFileSync(server.adminTokenFile, 'utf8').trim();
  const usersFile = path.join(dataDir, 'users.json');
  let userCounter = 0;
  const h: Harness = {
    server,
    dataDir,
    adminToken,
    addUser: async (name, role, password) => {
      upsertUser(usersFile, { name, role, passwordHash: await hashPassword(password, { N: 1024, r: 8, p: 1 }) });
    },
    tokenFor: async (role) => {
      const name = `${role}-${++userCounter}`;
      await h.addUser(name, role, 'pw-long-enough');
      const res = await h.rest('/api/v1/session', { method: 'POST', json: { user: name, password: 'pw-long-enough' } });
      const body = res.body as Ack<{ token: string }>;
      if (!body.ok) throw new Error(`sign-in failed: ${body.message}`);
      return body.data.token;
    },
    rest: async (pathname, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.token) headers.set('authorization', `Bearer ${init.token}`);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      const res = await fetch(server.url + pathname, { ...init, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON (metrics, 304)
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    stop: async () => {
      await server.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}

/** A console over socket.io-client that records what it receives. */
export class TestConsole {
  readonly socket: Socket;
  readonly events: JournalEvent[] = [];
  readonly frames: DecodedFrame[] = [];

  constructor(url: string, opts: Parameters<typeof io>[1] = {}) {
    this.socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...opts });
    this.socket.on('event', (e: JournalEvent) => this.events.push(e));
    this.socket.on('events', (batch: JournalEvent[]) => {
      for (const e of batch) this.events.push(e);
    });
    this.socket.on('frame', (buf: ArrayBuffer | Uint8Array) => this.frames.push(decodeFrame(buf instanceof ArrayBuffer ? buf : new Uint8Array(buf))));
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Emits with an ack and a timeout. */
  request<T = unknown>(event: string, ...args: unknown[]): Promise<Ack<T>> {
    return this.socket.timeout(5000).emitWithAck(event, ...args) as Promise<Ack<T>>;
  }

  hello(token: string, lastSeq?: number): Promise<Ack<HelloReply>> {
    return this.request<HelloReply>('hello', { protocolVersion: PROTOCOL_VERSION, token, ...(lastSeq !== undefined ? { lastSeq } : {}) });
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Polls `check` until it returns a truthy value or `ms` pass. */
export async function waitFor<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
