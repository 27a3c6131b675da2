import { describe, expect, it } from 'vitest';
import { webServerUrl } from './platformConfig';

describe('webServerUrl', () => {
  it('is the page origin by default', () => {
    expect(webServerUrl('http://127.0.0.1:4870/index.html')).toBe('http://127.0.0.1:4870');
  });
  it('takes ?server= when it is an http(s) URL', () => {
    expect(webServerUrl('http://127.0.0.1:5173/?server=http://10.0.0.5:4870/')).toBe('http://10.0.0.5:4870');
  });
  it('ignores a ?server= that is not http(s)', () => {
    expect(webServerUrl('http://127.0.0.1:5173/?server=javascript:alert(1)')).toBe('http://127.0.0.1:5173');
    expect(webServerUrl('http://127.0.0.1:5173/?server=nonsense')).toBe('http://127.0.0.1:5173');
  });
});
