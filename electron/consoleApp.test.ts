import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../shared/ipc/api';
import { runConsole, type ConsoleDeps } from './consoleApp';
import type { Bilingual } from './messages';
import { FakeApp, FakeIpcMain, FakeServerProcess, FakeSession, FakeWebContents, FakeWindow } from './testing/fakeElectron';

function harness(over: { app?: FakeApp; argv?: string[]; env?: Record<string, string>; settings?: string; timeoutMs?: number } = {}) {
  const app = over.app ?? new FakeApp({ userData: '/ud', appPath: '/app' });
  const ipc = new FakeIpcMain();
  const session = new FakeSession();
  const windows: FakeWindow[] = [];
  const servers: { entry: string; args: string[]; proc: FakeServerProcess }[] = [];
  const errors: Bilingual[] = [];
  const reads: string[] = [];
  const deps: ConsoleDeps = {
    app,
    ipcMain: ipc,
    session: () => session,
    createWindow: (options) => {
      const w = new FakeWindow(options);
      windows.push(w);
      return w;
    },
    launchServer: (entry, args) => {
      const proc = new FakeServerProcess();
      servers.push({ entry, args, proc });
      setImmediate(() => proc.stdout.write('VIGIL_LISTENING http://127.0.0.1:45678\n'));
      return proc;
    },
    showError: (m) => errors.push(m),
    readFile: (file) => {
      reads.push(file);
      return over.settings;
    },
    argv: over.argv ?? ['electron', '.'],
    env: over.env ?? {},
    preloadPath: '/app/dist/electron/preload.cjs',
    log: () => undefined,
    serverStartTimeoutMs: over.timeoutMs ?? 2000,
    reloadDelayMs: 1,
  };
  return { app, ipc, session, windows, servers, errors, reads, deps };
}

describe('runConsole', () => {
  it('with no server configured, starts the embedded server in userData and loads the console from it', async () => {
    const h = harness();
    const running = await runConsole(h.deps);
    expect(h.reads).toEqual([path.join('/ud', 'settings.json')]);
    expect(h.servers).toHaveLength(1);
    expect(h.servers[0]?.entry).toBe(path.join('/app', 'dist', 'server', 'main.js'));
    expect(h.servers[0]?.args).toContain(path.join('/ud', 'plant-data'));
    expect(h.windows).toHaveLength(1);
    expect(h.windows[0]?.options.webPreferences.sandbox).toBe(true);
    expect(h.windows[0]?.options.webPreferences.preload).toBe('/app/dist/electron/preload.cjs');
    expect(h.windows[0]?.loaded).toEqual(['http://127.0.0.1:45678']);
    expect(running?.config).toEqual({ serverUrl: 'http://127.0.0.1:45678', locale: 'zh-CN', embedded: true, appVersion: '0.1.0' });
    await expect(h.ipc.invoke('http://127.0.0.1:45678/', ipcChannels.getConfig)).resolves.toMatchObject({ embedded: true });
    expect(h.session.respond('http://127.0.0.1:45678/', {})?.['Content-Security-Policy']?.[0]).toContain('http://127.0.0.1:45678');
  });

  it('stops the embedded server on quit, without calling it a crash', async () => {
    const h = harness();
    await runConsole(h.deps);
    h.app.quit();
    h.servers[0]?.proc.exit(0);
    expect(h.servers[0]?.proc.killed).toBe(1);
    expect(h.errors).toEqual([]);
  });

  it('tells the operator when the embedded server dies while the console runs', async () => {
    const h = harness();
    await runConsole(h.deps);
    h.servers[0]?.proc.exit(134);
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0]?.body).toMatch(/134/);
    expect(h.errors[0]?.body).toMatch(/内置厂站服务器/);
  });

  it('uses a configured server URL and starts no server', async () => {
    const h = harness({ argv: ['electron', '.', '--server-url=http://10.1.2.3:4870'] });
    const running = await runConsole(h.deps);
    expect(h.servers).toHaveLength(0);
    expect(h.windows[0]?.loaded).toEqual(['http://10.1.2.3:4870']);
    expect(running?.config.embedded).toBe(false);
    await expect(h.ipc.invoke('http://127.0.0.1:45678/', ipcChannels.getConfig)).rejects.toThrow(/sender/);
  });

  it('hardens every web contents the app creates against the console origin', async () => {
    const h = harness({ env: { VIGIL_SERVER_URL: 'http://10.1.2.3:4870' } });
    await runConsole(h.deps);
    const wc = new FakeWebContents();
    h.app.emitter.emit('web-contents-created', wc);
    expect(wc.navigate('http://10.1.2.3:4870/x')).toBe(false);
    expect(wc.navigate('http://127.0.0.1:4870/')).toBe(true);
    expect(wc.openHandler?.({ url: 'http://10.1.2.3:4870/' })).toEqual({ action: 'deny' });
  });

  it('a second launch quits at once and the first one focuses its window', async () => {
    const first = harness();
    await runConsole(first.deps);
    const second = harness({ app: new FakeApp({ lock: false }) });
    expect(await runConsole(second.deps)).toBeNull();
    expect(second.app.quitCalls).toBe(1);
    expect(second.windows).toHaveLength(0);
    expect(second.servers).toHaveLength(0);
    const win = first.windows[0]!;
    win.minimized = true;
    first.app.emitter.emit('second-instance');
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('refuses to start on an invalid server URL setting, in both languages', async () => {
    const h = harness({ settings: '{"serverUrl":"gopher://plant"}' });
    expect(await runConsole(h.deps)).toBeNull();
    expect(h.windows).toHaveLength(0);
    expect(h.servers).toHaveLength(0);
    expect(h.app.quitCalls).toBe(1);
    expect(h.errors[0]?.title).toMatch(/设置有误.*invalid settings/);
  });

  it('reports an embedded server that never listens', async () => {
    const h = harness({ timeoutMs: 30 });
    h.deps = { ...h.deps, launchServer: () => new FakeServerProcess() } as ConsoleDeps;
    expect(await runConsole(h.deps)).toBeNull();
    expect(h.errors[0]?.body).toMatch(/did not start/);
  });

  it('retries loading the console when the plant server cannot be reached', async () => {
    const h = harness({ env: { VIGIL_SERVER_URL: 'http://10.1.2.3:4870' } });
    await runConsole(h.deps);
    const win = h.windows[0]!;
    win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'http://10.1.2.3:4870/', true);
    win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'http://10.1.2.3:4870/', true);
    await new Promise((r) => setTimeout(r, 20));
    expect(win.loaded).toEqual(['http://10.1.2.3:4870', 'http://10.1.2.3:4870']);
  });
});

describe('electron/ modules', () => {
  it('only main.ts and preload.ts load the electron module at runtime', () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const offenders = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !['main.ts', 'preload.ts'].includes(f))
      .filter((f) => /^import\s+(?!type\b)[^;]*from\s+'electron'/m.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
