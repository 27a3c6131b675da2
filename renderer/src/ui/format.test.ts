import { describe, expect, it } from 'vitest';
import { ageParts, decimalsFor, formatClock, formatValue } from './format';

describe('format', () => {
  it('chooses decimals from the span', () => {
    expect(decimalsFor({ range: { lo: 0, hi: 2000 } })).toBe(0);
    expect(decimalsFor({ range: { lo: 0, hi: 200 } })).toBe(1);
    expect(decimalsFor({ range: { lo: -1, hi: 6 } })).toBe(2);
    expect(decimalsFor({ range: { lo: 0, hi: 0.5 } })).toBe(3);
    expect(formatValue(1.23456, { range: { lo: 0, hi: 50 } })).toBe('1.23');
    expect(formatValue(NaN, { range: { lo: 0, hi: 50 } })).toBe('—');
  });
  it('breaks ages into units', () => {
    expect(ageParts(340)).toEqual({ key: 's', n: 0.3 });
    expect(ageParts(4_960)).toEqual({ key: 's', n: 4.9 });
    expect(ageParts(14_900)).toEqual({ key: 's', n: 14 });
    expect(ageParts(125_000)).toEqual({ key: 'min', n: 2 });
    expect(ageParts(7_300_000)).toEqual({ key: 'h', n: 2 });
    expect(ageParts(-5)).toEqual({ key: 's', n: 0 });
  });
  it('formats the clock in the plant time zone', () => {
    const t = Date.UTC(2025, 0, 2, 3, 4, 5);
    expect(formatClock(t, 'en', 'Asia/Shanghai', false)).toBe('11:04:05');
    expect(formatClock(t, 'zh', 'UTC', false)).toBe('03:04:05');
    expect(formatClock(t, 'en', 'Not/AZone', false)).toMatch(/^\d\d:04:05$/);
  });
});
