import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../shared/ipc/api';
import { createVigilBridge } from './bridge';

const config = { serverUrl: 'http://127.0.0.1:4870', locale: 'en-US', embedded: false, appVersion: '0.1.0' };

describe('createVigilBridge', () => {
  it('is frozen and exposes only the VigilBridge methods', () => {
    const bridge = createVigilBridge(() => Promise.resolve(config));
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge)).toEqual(['getConfig', 'printReportPdf', 'notify']);
    expect(() => {
      (bridge as unknown as Record<string, unknown>)['invoke'] = () => undefined;
    }).toThrow(TypeError);
  });

  it('invokes the getConfig channel with no arguments and validates the answer', async () => {
    const calls: unknown[][] = [];
    const bridge = createVigilBridge((...args) => {
      calls.push(args);
      return Promise.resolve(config);
    });
    await expect(bridge.getConfig()).resolves.toEqual(config);
    expect(calls).toEqual([[ipcChannels.getConfig]]);
    await expect(createVigilBridge(() => Promise.resolve({ serverUrl: 42 })).getConfig()).rejects.toThrow();
  });

  it('sends a report page to the printReportPdf channel and insists on bytes back', async () => {
    const calls: unknown[][] = [];
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const bridge = createVigilBridge((...args) => {
      calls.push(args);
      return Promise.resolve(pdf);
    });
    await expect(bridge.printReportPdf!('<html></html>')).resolves.toBe(pdf);
    expect(calls).toEqual([[ipcChannels.printReportPdf, '<html></html>']]);
    await expect(bridge.printReportPdf!('')).rejects.toThrow();
    await expect(createVigilBridge(() => Promise.resolve('not bytes')).printReportPdf!('<p>x</p>')).rejects.toThrow(/bytes/);
  });
});
