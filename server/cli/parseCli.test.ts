import { describe, expect, it } from 'vitest';
import { CliError, parseCli } from './parseCli';

describe('parseCli', () => {
  it('has the documented defaults', () => {
    const c = parseCli([], {}, '/w');
    expect(c).toEqual({
      kind: 'serve',
      options: {
        host: '127.0.0.1',
        port: 4870,
        dataDir: '/w/.data',
        seed: 1,
        plantDir: null,
        scale: null,
        periodMs: null,
        usersFile: '/w/.data/users.json',
        localSession: true,
        allowedOrigins: [],
        webhooks: [],
        retentionDays: 30,
      },
    });
    expect(parseCli([], { VIGIL_DATA: '/var/vigil' }, '/w')).toMatchObject({ options: { dataDir: '/var/vigil' } });
  });

  it('reads every option', () => {
    const c = parseCli(
      ['--host', '0.0.0.0', '--port', '0', '--data', 'd', '--seed', '7', '--plant', 'p', '--scale', '50000', '--period-ms', '500', '--users', 'u.json', '--no-local-session', '--allow-origin', 'app://vigil', '--webhook', 'http://127.0.0.1:9000/a', '--webhook', 'https://gw.example/b', '--retention-days', '7'],
      {},
      '/w',
    );
    expect(c).toEqual({
      kind: 'serve',
      options: { host: '0.0.0.0', port: 0, dataDir: '/w/d', seed: 7, plantDir: '/w/p', scale: 50000, periodMs: 500, usersFile: '/w/u.json', localSession: false, allowedOrigins: ['app://vigil'], webhooks: ['http://127.0.0.1:9000/a', 'https://gw.example/b'], retentionDays: 7 },
    });
  });

  it('parses add-user and help', () => {
    expect(parseCli(['add-user', 'dora', 'drill_coordinator', '--data', '/d'], {}, '/w')).toEqual({ kind: 'add-user', name: 'dora', role: 'drill_coordinator', usersFile: '/d/users.json' });
    expect(parseCli(['--help'], {}, '/w')).toEqual({ kind: 'help' });
    expect(parseCli(['add-user', 'wang', 'operator', '--person', 'P-0012', '--data', '/d'], {}, '/w')).toEqual({ kind: 'add-user', name: 'wang', role: 'operator', usersFile: '/d/users.json', person: 'P-0012' });
  });

  it('refuses bad input with a clear error', () => {
    expect(() => parseCli(['--port', '70000'], {}, '/w')).toThrow(CliError);
    expect(() => parseCli(['--port', '12abc'], {}, '/w')).toThrow(/integer/);
    expect(() => parseCli(['--bogus'], {}, '/w')).toThrow(CliError);
    expect(() => parseCli(['add-user', 'x', 'emperor'], {}, '/w')).toThrow(/unknown role/);
    expect(() => parseCli(['frobnicate'], {}, '/w')).toThrow(/unknown command/);
    expect(() => parseCli(['--webhook', 'ftp://x/'], {}, '/w')).toThrow(/http or https/);
    expect(() => parseCli(['--retention-days', '0'], {}, '/w')).toThrow(/--retention-days/);
    expect(() => parseCli(['--webhook', 'not a url'], {}, '/w')).toThrow(/not a URL/);
  });
});
