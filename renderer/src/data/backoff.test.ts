import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base up to the cap', () => {
    const mid = (): number => 0.5;
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, mid))).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
  });
  it('jitters within ±25 %', () => {
    expect(backoffDelay(1, () => 0)).toBe(750);
    expect(backoffDelay(1, () => 0.999999)).toBe(1250);
  });
});
