import { describe, expect, it } from 'vitest';
import { resolveServerUrl, SettingsError } from './serverUrl';

const none = () => undefined;

describe('resolveServerUrl', () => {
  it('prefers the command line, then the environment, then settings.json', () => {
    const settings = () => JSON.stringify({ serverUrl: 'http://settings.example:4870' });
    const env = { VIGIL_SERVER_URL: 'http://env.example:4870' };
    const argv = ['electron', '.', '--server-url=http://arg.example:4870/'];
    expect(resolveServerUrl({ argv, env, readSettings: settings })).toEqual({ url: 'http://arg.example:4870', source: 'argument' });
    expect(resolveServerUrl({ argv: [], env, readSettings: settings })).toEqual({ url: 'http://env.example:4870', source: 'environment' });
    expect(resolveServerUrl({ argv: [], env: {}, readSettings: settings })).toEqual({ url: 'http://settings.example:4870', source: 'settings' });
  });

  it('returns null when nothing is configured (the embedded server starts)', () => {
    expect(resolveServerUrl({ argv: ['electron', '.'], env: {}, readSettings: none })).toBeNull();
    expect(resolveServerUrl({ argv: [], env: { VIGIL_SERVER_URL: '  ' }, readSettings: () => '{}' })).toBeNull();
  });

  it('takes the last --server-url when given twice', () => {
    const r = resolveServerUrl({ argv: ['--server-url=http://a:1', '--server-url=http://b:2'], env: {}, readSettings: none });
    expect(r?.url).toBe('http://b:2');
  });

  it('rejects values that are not http(s) URLs, naming where they came from', () => {
    expect(() => resolveServerUrl({ argv: ['--server-url=file:///etc'], env: {}, readSettings: none })).toThrow(/argument.*http or https/);
    expect(() => resolveServerUrl({ argv: [], env: { VIGIL_SERVER_URL: 'nonsense' }, readSettings: none })).toThrow(/environment is not a URL/);
    expect(() => resolveServerUrl({ argv: [], env: {}, readSettings: () => '{"serverUrl": 5}' })).toThrow(SettingsError);
    expect(() => resolveServerUrl({ argv: [], env: {}, readSettings: () => '{oops' })).toThrow(/not JSON/);
    expect(() => resolveServerUrl({ argv: ['--server-url=http://u:p@host:1'], env: {}, readSettings: none })).toThrow(/credentials/);
  });
});
