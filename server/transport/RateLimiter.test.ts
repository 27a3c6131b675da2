import { describe, expect, it } from 'vitest';
import { RateLimiter } from './RateLimiter';

describe('RateLimiter', () => {
  it('allows the burst, then the steady rate', () => {
    let t = 0;
    const r = new RateLimiter(50, 100, () => t);
    let allowed = 0;
    for (let i = 0; i < 150; i++) if (r.take()) allowed++;
    expect(allowed).toBe(100);
    t += 1000;
    allowed = 0;
    for (let i = 0; i < 150; i++) if (r.take()) allowed++;
    expect(allowed).toBe(50);
  });
});
