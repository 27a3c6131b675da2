import { describe, expect, it } from 'vitest';
import { embeddedServerArgs, EmbeddedServerError, parseListeningLine, startEmbeddedServer } from './embeddedServer';
import { FakeServerProcess } from './testing/fakeElectron';

const opts = { entry: '/app/dist/server/main.js', dataDir: '/ud/plant-data', plantDir: '/app/resources/plants/reference', timeoutMs: 2000 };

describe('parseListeningLine', () => {
  it('reads the URL of the listening line and nothing else', () => {
    expect(parseListeningLine('VIGIL_LISTENING http://127.0.0.1:40123')).toBe('http://127.0.0.1:40123');
    expect(parseListeningLine('  VIGIL_LISTENING http://127.0.0.1:40123/ \r')).toBe('http://127.0.0.1:40123');
    expect(parseListeningLine('server listening on http://127.0.0.1:40123')).toBeNull();
    expect(parseListeningLine('VIGIL_LISTENING not-a-url')).toBeNull();
    expect(parseListeningLine('VIGIL_LISTENING ftp://127.0.0.1:21')).toBeNull();
  });
});

describe('startEmbeddedServer', () => {
  it('starts the server on an ephemeral loopback port in the data dir and resolves with its URL', async () => {
    const proc = new FakeServerProcess();
    let launched: { entry: string; args: string[] } | null = null;
    const started = startEmbeddedServer((entry, args) => {
      launched = { entry, args };
      return proc;
    }, opts);
    proc.stdout.write('loading plant…\n{"level":30,"msg":"ready"}\nVIGIL_LIST');
    proc.stdout.write('ENING http://127.0.0.1:40123\n');
    const server = await started;
    expect(server.url).toBe('http://127.0.0.1:40123');
    expect(launched).toEqual({ entry: opts.entry, args: embeddedServerArgs(opts) });
    expect(embeddedServerArgs(opts)).toEqual(['--host', '127.0.0.1', '--port', '0', '--data', '/ud/plant-data', '--plant', '/app/resources/plants/reference']);
    server.stop();
    server.stop();
    expect(proc.killed).toBe(1);
  });

  it('rejects with the output when the server exits before listening', async () => {
    const proc = new FakeServerProcess();
    const started = startEmbeddedServer(() => proc, opts);
    proc.stderr.write('Error: EACCES /ud/plant-data\n');
    await new Promise((r) => setImmediate(r));
    proc.exit(1);
    const err = await started.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddedServerError);
    expect((err as EmbeddedServerError).message).toMatch(/exited with code 1/);
    expect((err as EmbeddedServerError).output).toContain('EACCES');
  });

  it('ignores a listening line on stderr and kills a silent server after the timeout', async () => {
    const proc = new FakeServerProcess();
    const started = startEmbeddedServer(() => proc, { ...opts, timeoutMs: 50 });
    proc.stderr.write('VIGIL_LISTENING http://127.0.0.1:1\n');
    await expect(started).rejects.toThrow(/within 50 ms/);
    expect(proc.killed).toBe(1);
  });
});
