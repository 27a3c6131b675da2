import { describe, expect, it, vi } from 'vitest';
import type { DataSource } from '../data/DataSource';
import { parseWallMode, withoutToken } from './wallMode';
import { readOnlySource, WALL_READ_ONLY } from './readOnlySource';
import { CommandRunner } from '../commands/commandRegistry';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789_-ABCDE';

describe('parseWallMode', () => {
  it('is off for the ordinary console', () => {
    expect(parseWallMode('http://127.0.0.1:4870/').wall).toBe(false);
    expect(parseWallMode(`http://127.0.0.1:4870/#token=${TOKEN}`).token).toBeNull();
  });

  it('turns on with ?wall=1 or a /wall path, with the view, tour and fragment token', () => {
    expect(parseWallMode('http://h:1/?wall=1')).toEqual({ wall: true, view: 'overview', tour: true, token: null, notify: false });
    expect(parseWallMode(`http://h:1/wall#token=${TOKEN}`)).toMatchObject({ wall: true, token: TOKEN });
    expect(parseWallMode('http://h:1/?wall=1&view=alarms&tour=0&notify=1')).toMatchObject({ view: 'alarms', tour: false, notify: true });
    expect(parseWallMode('http://h:1/?wall=1&view=console').view).toBe('overview');
  });

  it('ignores a malformed token', () => {
    expect(parseWallMode('http://h:1/?wall=1#token=short').token).toBeNull();
    expect(parseWallMode('http://h:1/?wall=1#token=a%20b%3Cscript%3Exxxxxxxxxxxxx').token).toBeNull();
  });

  it('drops the token from the address it leaves in the bar', () => {
    expect(withoutToken(`http://h:1/?wall=1#token=${TOKEN}`)).toBe('http://h:1/?wall=1');
    expect(withoutToken(`http://h:1/?wall=1#token=${TOKEN}&x=1`)).toBe('http://h:1/?wall=1#x=1');
  });
});

function fakeSource(): DataSource & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    capabilities: { seek: false, speed: false, commands: true },
    start: vi.fn(),
    stop: vi.fn(),
    now: () => 1234,
    presence: () => 'live',
    recent: () => Promise.resolve(null),
    retry: vi.fn(),
    command: (name, payload) => {
      sent.push([name, payload]);
      return Promise.resolve({ ok: true, data: null });
    },
    alarmKpi: function (this: unknown) {
      return Promise.resolve(this === undefined ? null : null);
    },
  };
}

describe('readOnlySource', () => {
  it('refuses every command locally and never reaches the inner source', async () => {
    const inner = fakeSource();
    const ro = readOnlySource(inner);
    expect(ro.capabilities.commands).toBe(false);
    const out = await ro.command('alarm.ack', { alarmIds: ['X:HH'] });
    expect(out).toEqual({ ok: false, code: 'forbidden', message: `alarm.ack: ${WALL_READ_ONLY}`, local: true });
    expect(inner.sent).toEqual([]);
  });

  it('delegates reads to the inner source', async () => {
    const inner = fakeSource();
    const ro = readOnlySource(inner);
    expect(ro.now()).toBe(1234);
    expect(ro.presence()).toBe('live');
    await expect(ro.alarmKpi!(3600)).resolves.toBeNull();
    expect(ro.history).toBeUndefined();
    ro.start({ plant: vi.fn(), samples: vi.fn(), state: vi.fn(), presence: vi.fn() });
    expect(inner.start).toHaveBeenCalledOnce();
    expect(Object.isFrozen(ro)).toBe(true);
  });

  it('the command registry disables commands on a wall even for a commander', async () => {
    const inner = fakeSource();
    const ro = readOnlySource(inner);
    const runner = new CommandRunner({ send: (n, p) => ro.command(n, p), online: () => ro.capabilities.commands, role: () => 'commander' });
    expect(runner.availability('alarm.ack')).toEqual({ ok: false, reason: 'offline' });
    const out = await runner.run('alarm.ack', { alarmIds: ['X:HH'] });
    expect(out.ok).toBe(false);
    expect(inner.sent).toEqual([]);
  });
});

describe('wallTokenStorage', () => {
  it('serves the fragment token as a viewer session and forgets it when refused', async () => {
    const { wallTokenStorage, WALL_TOKEN_KEY } = await import('./wallSession');
    const m = new Map<string, string>();
    const backing = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
    const s = wallTokenStorage(TOKEN, backing);
    expect(JSON.parse(s.getItem('vigil.session')!)).toEqual({ token: TOKEN, user: { name: 'wall', role: 'viewer' } });
    expect(m.get(WALL_TOKEN_KEY)).toBe(TOKEN);
    // A reload without the fragment keeps the token from the tab's storage.
    expect(JSON.parse(wallTokenStorage(null, backing).getItem('vigil.session')!).token).toBe(TOKEN);
    s.removeItem('vigil.session');
    expect(s.getItem('vigil.session')).toBeNull();
  });
});
