import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The Debian package's broker (TOOLCHAIN.md "Services"); tests start and stop it themselves. */
export const MOSQUITTO = '/usr/sbin/mosquitto';

/** A free loopback port (bound, read and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect({ host: '127.0.0.1', port }, () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

/**
 * A real mosquitto on a free loopback port with a throw-away config: anonymous, loopback only,
 * no persistence, and no cap on queued QoS 1 messages (the default drops a burst past 1,000).
 * `stop()` and `start()` again on the same port model a broker going away and coming back.
 */
export class Mosquitto {
  private proc: ChildProcess | null = null;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'vigil-mqtt-'));
  readonly conf = path.join(this.dir, 'mosquitto.conf');

  private constructor(readonly port: number) {
    writeFileSync(this.conf, [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'max_queued_messages 0', 'persistence false', 'log_dest none', ''].join('\n'));
  }

  static async launch(): Promise<Mosquitto> {
    const m = new Mosquitto(await freePort());
    await m.start();
    return m;
  }

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.proc) return;
    const p = spawn(MOSQUITTO, ['-c', this.conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    this.proc = p;
    const deadline = Date.now() + 10_000;
    while (!(await accepting(this.port))) {
      if (p.exitCode !== null) throw new Error(`mosquitto exited (${p.exitCode}): ${err}`);
      if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${this.port}: ${err}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Stops the broker (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => p.kill('SIGKILL'), 3000);
      p.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      p.kill('SIGTERM');
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
