/**
 * Telemetry fan-out benchmark: updates delivered per second, in total, to N socket.io clients
 * on loopback, for Vigil's binary columnar frames and two baselines (one JSON event per update;
 * FUXA's `device-values` event per device poll), all measured in the same run.
 *
 * The server (this process) sends as fast as the slowest client takes it: each client grants
 * credit every few messages, and the server keeps at most `window` messages in flight. Counting
 * happens at the clients, after decoding, between two marks `durationMs` apart.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { FromClients, ToClients } from './fanoutClients';
import { buildMessages, modes, type FanoutShape, type ModeName, type ModeSpec } from './fanoutPayloads';

export interface FanoutOptions {
  readonly clients: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly shape: FanoutShape;
  /** Updates allowed in flight per client; the message window is this over updates per message. */
  readonly windowUpdates: number;
  /** Script to fork for the clients (this bundle, run with `--clients`). */
  readonly clientScript: string;
}

export interface FanoutResult {
  readonly mode: ModeName;
  readonly clients: number;
  readonly updatesPerMessage: number;
  readonly bytesPerMessage: number;
  readonly durationS: number;
  readonly updatesPerSec: number;
  readonly messagesPerSec: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function windowFor(mode: ModeSpec, windowUpdates: number): number {
  return Math.max(16, Math.round(windowUpdates / mode.updatesPerMessage));
}

class ClientsProcess {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number | 'connected', (msg: FromClients) => void>();
  private nextMark = 1;
  failure: string | null = null;

  constructor(script: string) {
    this.child = fork(script, ['--clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (msg: FromClients) => {
      if (msg.type === 'error') this.failure ??= msg.message;
      else if (msg.type === 'connected') this.waiting.get('connected')?.(msg);
      else this.waiting.get(msg.id)?.(msg);
    });
  }

  private request(key: number | 'connected', msg: ToClients): Promise<FromClients> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`clients did not answer ${msg.cmd} (${this.failure ?? 'no error reported'})`)), 30_000);
      this.waiting.set(key, (m) => {
        clearTimeout(timer);
        this.waiting.delete(key);
        resolve(m);
      });
      this.child.send(msg);
    });
  }

  connect(msg: Extract<ToClients, { cmd: 'connect' }>): Promise<FromClients> {
    return this.request('connected', msg);
  }

  async mark(): Promise<{ updates: number; messages: number; atMs: number; wrong: number }> {
    const id = this.nextMark++;
    const m = await this.request(id, { cmd: 'mark', id });
    if (m.type !== 'mark') throw new Error('unexpected answer to mark');
    return m;
  }

  exit(): void {
    this.child.send({ cmd: 'exit' } satisfies ToClients);
  }
}

export async function runFanout(opts: FanoutOptions): Promise<FanoutResult[]> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const specs = modes(opts.shape);
  const acked = new Map<ModeName, Map<string, number>>(specs.map((m) => [m.name, new Map()]));
  let pump: (() => void) | null = null;
  io.on('connection', (socket) => {
    socket.on('credit', (mode: ModeName, received: number) => {
      acked.get(mode)?.set(socket.id, received);
      pump?.();
    });
  });

  const clients = new ClientsProcess(opts.clientScript);
  const creditEvery = Object.fromEntries(specs.map((m) => [m.name, Math.max(1, Math.floor(windowFor(m, opts.windowUpdates) / 4))])) as Record<ModeName, number>;
  await clients.connect({ cmd: 'connect', url, clients: opts.clients, shape: opts.shape, creditEvery });

  const results: FanoutResult[] = [];
  try {
    for (const spec of specs) {
      const { messages, bytesPerMessage } = buildMessages(spec.name, opts.shape);
      const window = windowFor(spec, opts.windowUpdates);
      const credit = acked.get(spec.name)!;
      let sent = 0;
      let running = true;
      const minAcked = () => (credit.size < opts.clients ? 0 : Math.min(...credit.values()));
      pump = () => {
        if (!running) return;
        const floor = minAcked();
        while (sent - floor < window) io.emit(spec.event, messages[sent++ % messages.length]);
      };
      pump();
      await sleep(opts.warmupMs);
      const a = await clients.mark();
      await sleep(opts.durationMs);
      const b = await clients.mark();
      running = false;
      pump = null;
      // Let what is in flight arrive, so it is not counted in the next mode.
      for (let i = 0; i < 200 && minAcked() < sent - creditEvery[spec.name]; i++) await sleep(10);
      await sleep(100);
      if (clients.failure) throw new Error(`client failed: ${clients.failure}`);
      if (b.wrong > 0) throw new Error(`${spec.name}: clients decoded ${b.wrong} values that were never sent`);
      if (b.updates - a.updates <= 0) throw new Error(`${spec.name}: no updates reached the clients`);
      const seconds = (b.atMs - a.atMs) / 1000;
      results.push({
        mode: spec.name,
        clients: opts.clients,
        updatesPerMessage: spec.updatesPerMessage,
        bytesPerMessage,
        durationS: Math.round(seconds * 100) / 100,
        updatesPerSec: Math.round((b.updates - a.updates) / seconds),
        messagesPerSec: Math.round((b.messages - a.messages) / seconds),
      });
    }
  } finally {
    clients.exit();
    io.close();
    http.close();
  }
  return results;
}
