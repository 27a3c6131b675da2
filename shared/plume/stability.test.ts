import { describe, expect, it } from 'vitest';
import { insolationAt, stabilityClass } from './stability';

describe('stabilityClass (NOAA Pasquill–Gifford table)', () => {
  it.each([
    [1.5, 'strong', 'A'],
    [1.5, 'moderate', 'B'],
    [1.5, 'slight', 'B'],
    [1.5, 'night_cloudy', 'E'],
    [1.5, 'night_clear', 'F'],
    [2.5, 'strong', 'B'],
    [2.5, 'slight', 'C'],
    [2.5, 'night_clear', 'F'],
    [4, 'strong', 'B'],
    [4, 'moderate', 'C'],
    [4, 'night_cloudy', 'D'],
    [4, 'night_clear', 'E'],
    [5.5, 'strong', 'C'],
    [5.5, 'moderate', 'D'],
    [5.5, 'night_clear', 'D'],
    [8, 'strong', 'C'],
    [8, 'slight', 'D'],
  ] as const)('u = %s m/s, %s → %s', (u, ins, cls) => {
    expect(stabilityClass(u, ins)).toBe(cls);
  });

  it('is D when overcast, whatever the wind', () => {
    for (const u of [0.5, 1.9, 2.5, 4, 5.5, 10]) expect(stabilityClass(u, 'overcast')).toBe('D');
  });

  it('puts band edges in the higher band (2 m/s is "2–3")', () => {
    expect(stabilityClass(1.99, 'night_clear')).toBe('F');
    expect(stabilityClass(3, 'slight')).toBe('C');
    expect(stabilityClass(5, 'strong')).toBe('C');
    expect(stabilityClass(6.01, 'moderate')).toBe('D');
  });
});

describe('insolationAt', () => {
  it('follows the documented day', () => {
    expect(insolationAt(12)).toBe('strong');
    expect(insolationAt(10)).toBe('moderate');
    expect(insolationAt(14.5)).toBe('moderate');
    expect(insolationAt(8)).toBe('slight');
    expect(insolationAt(16)).toBe('slight');
    expect(insolationAt(6.5)).toBe('overcast');
    expect(insolationAt(18)).toBe('overcast');
    expect(insolationAt(23)).toBe('night_cloudy');
    expect(insolationAt(2)).toBe('night_cloudy');
    expect(insolationAt(-1)).toBe('night_cloudy');
    expect(insolationAt(36)).toBe('strong');
  });

  it('treats a cloudy day as overcast', () => {
    expect(insolationAt(12, true)).toBe('overcast');
    expect(insolationAt(2, true)).toBe('night_cloudy');
  });
});
