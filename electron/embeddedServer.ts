import type { ServerLauncher, ServerProcess } from './ports';

/**
 * The plant server prints exactly one line `VIGIL_LISTENING <url>` on stdout once it accepts
 * connections (its contract with every launcher: this file, build/start.mjs, the tests).
 */
export const LISTENING_PREFIX = 'VIGIL_LISTENING ';

export function parseListeningLine(line: string): string | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith(LISTENING_PREFIX)) return null;
  const raw = trimmed.slice(LISTENING_PREFIX.length).trim();
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export class EmbeddedServerError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'EmbeddedServerError';
  }
}

export interface EmbeddedServerOptions {
  /** Built server entry, `<app>/dist/server/main.js`. */
  readonly entry: string;
  /** `<userData>/plant-data` */
  readonly dataDir: string;
  /** The reference plant folder shipped with the app. */
  readonly plantDir: string;
  /** How long to wait for the listening line. */
  readonly timeoutMs: number;
  /** Each line the server prints (stdout and stderr), for the main process log. */
  readonly onOutput?: (line: string) => void;
}

export interface EmbeddedServer {
  readonly url: string;
  readonly process: ServerProcess;
  /** Stops the server; safe to call more than once. */
  stop(): void;
}

export function embeddedServerArgs(opts: Pick<EmbeddedServerOptions, 'dataDir' | 'plantDir'>): string[] {
  return ['--host', '127.0.0.1', '--port', '0', '--data', opts.dataDir, '--plant', opts.plantDir];
}

/** Keeps the last `max` characters of output, to show why a server failed to start. */
function tail(buffer: string[], max = 4000): string {
  const text = buffer.join('\n');
  return text.length > max ? text.slice(-max) : text;
}

/**
 * Starts the plant server on an ephemeral loopback port and resolves with its URL once it prints
 * the listening line. Rejects (and kills the process) when it exits first or stays silent for
 * `timeoutMs`.
 */
export function startEmbeddedServer(launch: ServerLauncher, opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const child = launch(opts.entry, embeddedServerArgs(opts));
  const lines: string[] = [];
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    child.kill();
  };
  return new Promise<EmbeddedServer>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      settle(() => {
        stop();
        reject(new EmbeddedServerError(`plant server did not report listening within ${opts.timeoutMs} ms`, tail(lines)));
      });
    }, opts.timeoutMs);
    const watch = (stream: NodeJS.ReadableStream | null, lookForUrl: boolean) => {
      if (!stream) return;
      let pending = '';
      stream.on('data', (chunk: Buffer | string) => {
        pending += chunk.toString();
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, nl).replace(/\r$/, '');
          pending = pending.slice(nl + 1);
          lines.push(line);
          if (lines.length > 200) lines.shift();
          opts.onOutput?.(line);
          const url = lookForUrl ? parseListeningLine(line) : null;
          if (url) settle(() => resolve({ url, process: child, stop }));
        }
      });
    };
    watch(child.stdout, true);
    watch(child.stderr, false);
    child.onExit((code) => {
      stopped = true;
      settle(() => reject(new EmbeddedServerError(`plant server exited with code ${code ?? 'null'} before listening`, tail(lines))));
    });
  });
}
