import { describe, expect, it } from 'vitest';
import { ipcChannels, type ConsoleConfig, type NativeNotice } from '../shared/ipc/api';
import { createVigilBridge } from './bridge';
import { registerIpcHandlers, type IpcRejected } from './ipcHandlers';
import { FakeIpcMain } from './testing/fakeElectron';

const origin = 'http://127.0.0.1:4870';
const config: ConsoleConfig = { serverUrl: origin, locale: 'zh-CN', embedded: false, appVersion: '0.1.0' };
const notice: NativeNotice = { title: '一级报警 · R-104.PI-01', body: 'Pressure HH', urgency: 'critical' };

describe('native notifications over IPC', () => {
  it('shows a valid notice from the console frame through the main-process notifier', async () => {
    const ipc = new FakeIpcMain();
    const shown: NativeNotice[] = [];
    registerIpcHandlers(ipc, { consoleOrigin: origin, config: () => config, notify: (n) => (shown.push(n), true) });
    await expect(ipc.invoke(`${origin}/?wall=1`, ipcChannels.notify, notice)).resolves.toBe(true);
    expect(shown).toEqual([notice]);
  });

  it('refuses another origin, extra fields and oversized text; never reaches the notifier', async () => {
    const ipc = new FakeIpcMain();
    const shown: NativeNotice[] = [];
    const rejected: IpcRejected[] = [];
    registerIpcHandlers(ipc, { consoleOrigin: origin, config: () => config, notify: (n) => (shown.push(n), true), onRejected: (e) => rejected.push(e) });
    await expect(ipc.invoke('http://evil.example/', ipcChannels.notify, notice)).rejects.toThrow(/sender refused/);
    await expect(ipc.invoke(`${origin}/`, ipcChannels.notify, { ...notice, icon: 'file:///etc/passwd' })).rejects.toThrow(/payload refused/);
    await expect(ipc.invoke(`${origin}/`, ipcChannels.notify, { ...notice, body: 'x'.repeat(1001) })).rejects.toThrow(/payload refused/);
    expect(shown).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual(['sender', 'payload', 'payload']);
  });

  it('answers false where the shell has no notifier', async () => {
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, { consoleOrigin: origin, config: () => config });
    await expect(ipc.invoke(`${origin}/`, ipcChannels.notify, notice)).resolves.toBe(false);
  });

  it('the bridge validates before sending and reads a boolean back', async () => {
    const calls: unknown[][] = [];
    const bridge = createVigilBridge((...args) => (calls.push(args), Promise.resolve(true)));
    await expect(bridge.notify!(notice)).resolves.toBe(true);
    expect(calls).toEqual([[ipcChannels.notify, notice]]);
    await expect(bridge.notify!({ ...notice, title: '' })).rejects.toThrow();
    await expect(createVigilBridge(() => Promise.resolve('yes')).notify!(notice)).resolves.toBe(false);
  });
});
