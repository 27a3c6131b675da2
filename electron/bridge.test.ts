import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../shared/ipc/api';
import { createVigilBridge } from './bridge';

const config = { serverUrl: 'http://127.0.0.1:4870', locale: 'en-US', embedded: false, appVersion: '0.1.0' };

describe('createVigilBridge', () => {
  it('is frozen and exposes only the VigilBridge methods', () => {
    const bridge = createVigilBridge(() => Promise.resolve(config));
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge)).toEqual(['getConfig']);
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
});
