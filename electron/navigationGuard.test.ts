import { describe, expect, it } from 'vitest';
import { hardenWebContents, isConsoleUrl } from './navigationGuard';
import { FakeEvent, FakeWebContents } from './testing/fakeElectron';

const origin = 'http://127.0.0.1:4870';

describe('hardenWebContents', () => {
  it('lets navigation stay on the console origin and prevents anything else', () => {
    const wc = new FakeWebContents();
    const denied: string[] = [];
    hardenWebContents(wc, origin, (what, url) => denied.push(`${what} ${url}`));
    expect(wc.navigate(`${origin}/?lang=zh`)).toBe(false);
    expect(wc.navigate('https://example.com/')).toBe(true);
    expect(wc.navigate('http://127.0.0.1:4871/')).toBe(true);
    expect(wc.navigate(`${origin}.evil.example/`)).toBe(true);
    expect(wc.navigate(`${origin}0/`)).toBe(true);
    expect(wc.navigate('file:///etc/passwd')).toBe(true);
    expect(wc.navigate('javascript:alert(1)')).toBe(true);
    expect(wc.navigate('not a url')).toBe(true);
    expect(wc.navigate('http://evil.example/', 'will-redirect')).toBe(true);
    expect(denied).toContain('navigation https://example.com/');
    expect(denied).toContain('redirect http://evil.example/');
  });

  it('denies every pop-up, even to the console origin', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc, origin);
    expect(wc.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(wc.openHandler?.({ url: `${origin}/` })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc, origin);
    const e = new FakeEvent();
    wc.emit('will-attach-webview', e);
    expect(e.defaultPrevented).toBe(true);
  });
});

describe('isConsoleUrl', () => {
  it('compares whole origins, not prefixes', () => {
    expect(isConsoleUrl('http://127.0.0.1:4870.evil.example/', origin)).toBe(false);
    expect(isConsoleUrl('https://127.0.0.1:4870/', origin)).toBe(false);
    expect(isConsoleUrl('http://127.0.0.1:4870/a/b', origin)).toBe(true);
  });
});
