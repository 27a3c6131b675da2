import { describe, expect, it } from 'vitest';
import { consoleCsp, installSessionPolicy } from './contentPolicy';
import { FakeSession } from './testing/fakeElectron';

const origin = 'http://127.0.0.1:4870';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('consoleCsp', () => {
  it('names the plant server for scripts, data and its socket, and nothing else', () => {
    const d = directives(consoleCsp(origin));
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual([origin]);
    expect(d.get('connect-src')).toEqual([origin, 'ws://127.0.0.1:4870']);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(consoleCsp(origin)).not.toMatch(/unsafe-eval|\*/);
  });

  it('uses wss for an https plant server', () => {
    expect(directives(consoleCsp('https://plant.example:8443')).get('connect-src')).toEqual(['https://plant.example:8443', 'wss://plant.example:8443']);
  });
});

describe('installSessionPolicy', () => {
  it('replaces any CSP the server sent with the console CSP', () => {
    const session = new FakeSession();
    installSessionPolicy(session, origin);
    const headers = session.respond(`${origin}/`, { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(headers?.['Content-Security-Policy']).toEqual([consoleCsp(origin)]);
    expect(headers?.['content-security-policy']).toBeUndefined();
    expect(headers?.['Content-Type']).toEqual(['text/html']);
  });

  it('grants notifications to the console origin only and denies every other permission', () => {
    const session = new FakeSession();
    installSessionPolicy(session, origin);
    expect(session.request('notifications', `${origin}/index.html`)).toBe(true);
    expect(session.request('notifications', 'http://evil.example/')).toBe(false);
    for (const p of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'hid', 'unknown']) {
      expect(session.request(p, `${origin}/`)).toBe(false);
    }
    expect(session.checkHandler?.(null, 'notifications', origin)).toBe(true);
    expect(session.checkHandler?.(null, 'media', origin)).toBe(false);
    expect(session.checkHandler?.(null, 'notifications', 'http://127.0.0.1:9999')).toBe(false);
  });
});
