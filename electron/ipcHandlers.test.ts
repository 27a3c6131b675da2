import { describe, expect, it } from 'vitest';
import { ipcChannels, type ConsoleConfig } from '../shared/ipc/api';
import { registerIpcHandlers, type IpcRejected } from './ipcHandlers';
import { FakeIpcMain } from './testing/fakeElectron';

const origin = 'http://127.0.0.1:4870';
const config: ConsoleConfig = { serverUrl: origin, locale: 'zh-CN', embedded: true, appVersion: '0.1.0' };

function setup(cfg: () => ConsoleConfig = () => config) {
  const ipc = new FakeIpcMain();
  const rejected: IpcRejected[] = [];
  registerIpcHandlers(ipc, { consoleOrigin: origin, config: cfg, onRejected: (e) => rejected.push(e) });
  return { ipc, rejected };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of shared/ipc/api.ts', () => {
    const { ipc } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(ipcChannels).sort());
  });

  it('answers getConfig to the console frame', async () => {
    const { ipc, rejected } = setup();
    await expect(ipc.invoke(`${origin}/index.html`, ipcChannels.getConfig)).resolves.toEqual(config);
    expect(rejected).toEqual([]);
  });

  it('refuses a frame from another origin, and a message with no frame', async () => {
    const { ipc, rejected } = setup();
    await expect(ipc.invoke('http://evil.example/', ipcChannels.getConfig)).rejects.toThrow(/sender refused/);
    await expect(ipc.invoke('http://127.0.0.1:4871/', ipcChannels.getConfig)).rejects.toThrow(/sender refused/);
    await expect(ipc.invoke('file:///tmp/x.html', ipcChannels.getConfig)).rejects.toThrow(/sender refused/);
    await expect(ipc.invoke(null, ipcChannels.getConfig)).rejects.toThrow(/sender refused/);
    expect(rejected.map((r) => r.reason)).toEqual(['sender', 'sender', 'sender', 'sender']);
  });

  it('refuses a payload the contract does not allow', async () => {
    const { ipc, rejected } = setup();
    await expect(ipc.invoke(`${origin}/`, ipcChannels.getConfig, { serverUrl: 'http://evil.example' })).rejects.toThrow(/payload refused/);
    expect(rejected[0]?.reason).toBe('payload');
  });

  it('never answers with a config that breaks the contract', async () => {
    const { ipc } = setup(() => ({ ...config, serverUrl: 'not a url' }));
    await expect(ipc.invoke(`${origin}/`, ipcChannels.getConfig)).rejects.toThrow();
  });

  it('has no handler for a channel outside the contract', async () => {
    const { ipc } = setup();
    await expect(ipc.invoke(`${origin}/`, 'vigil:exec', 'rm -rf /')).rejects.toThrow(/No handler/);
  });
});
