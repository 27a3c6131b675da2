import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(root, 'dist/server/main.js');

export interface PlantServerOptions {
  dataDir?: string;
  port?: number;
  scale?: number;
  /** More command-line options, e.g. ['--no-local-session']. */
  args?: string[];
}

/**
 * The real built plant server (`node dist/server/main.js`) in a child process, on 127.0.0.1.
 * `start` resolves once it prints `VIGIL_LISTENING <url>`; `kill` sends SIGKILL (a crash, as in
 * the offline story) and waits for the exit.
 */
export class PlantServer {
  url = '';
  port = 0;
  dataDir = '';
  private child: ChildProcess | null = null;
  private ownsDataDir = false;
  output = '';

  static async start(opts: PlantServerOptions = {}): Promise<PlantServer> {
    const s = new PlantServer();
    await s.start(opts);
    return s;
  }

  async start(opts: PlantServerOptions = {}): Promise<void> {
    if (opts.dataDir) this.dataDir = opts.dataDir;
    else if (!this.dataDir) {
      this.dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-e2e-'));
      this.ownsDataDir = true;
    }
    const args = [MAIN, '--host', '127.0.0.1', '--port', String(opts.port ?? this.port ?? 0), '--data', this.dataDir];
    if (opts.scale) args.push('--scale', String(opts.scale));
    args.push(...(opts.args ?? []));
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`plant server did not start in 60 s:\n${this.output}`)), 60_000);
      const onData = (chunk: Buffer): void => {
        this.output += chunk.toString();
        const m = /VIGIL_LISTENING (\S+)/.exec(this.output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`plant server exited with ${code}:\n${this.output}`));
      });
    });
    this.port = Number(new URL(this.url).port);
  }

  /** Adds a user to a data directory's users file through the server's own `add-user` command. */
  static async addUser(dataDir: string, name: string, role: string, password: string): Promise<void> {
    const child = spawn(process.execPath, [MAIN, 'add-user', name, role, '--data', dataDir], { cwd: root, env: { ...process.env, VIGIL_PASSWORD: password }, stdio: 'inherit' });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`add-user exited with ${code}`);
  }

  static tempDir(): Promise<string> {
    return mkdtemp(path.join(tmpdir(), 'vigil-e2e-'));
  }

  adminToken(): Promise<string> {
    return readFile(path.join(this.dataDir, 'admin.token'), 'utf8').then((t) => t.trim());
  }

  /** SIGKILL, then wait until the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async dispose(): Promise<void> {
    await this.kill();
    if (this.ownsDataDir) await rm(this.dataDir, { recursive: true, force: true });
  }
}
