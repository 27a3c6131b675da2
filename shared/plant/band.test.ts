import { describe, expect, it } from 'vitest';
import { bandSeverity, classifyBand, Quality } from './band';

const limits = { hh: 90, h: 80, l: 20, ll: 10, source: 'design' };

describe('classifyBand', () => {
  it.each([
    [50, 'normal'],
    [80, 'h'],
    [95, 'hh'],
    [20, 'l'],
    [5, 'll'],
  ] as const)('%d → %s', (v, band) => {
    expect(classifyBand(v, Quality.Good, limits)).toBe(band);
  });

  it('bad or offline quality and non-finite values are bad', () => {
    expect(classifyBand(50, Quality.Bad, limits)).toBe('bad');
    expect(classifyBand(50, Quality.Offline, limits)).toBe('bad');
    expect(classifyBand(NaN, Quality.Good, limits)).toBe('bad');
    expect(classifyBand(Infinity, Quality.Good, limits)).toBe('bad');
    expect(classifyBand(50, Quality.Uncertain, limits)).toBe('normal');
  });

  it('hysteresis holds a band until the value is back inside by the margin', () => {
    expect(classifyBand(79.5, Quality.Good, limits, 'h', 1)).toBe('h');
    expect(classifyBand(78.9, Quality.Good, limits, 'h', 1)).toBe('normal');
    expect(classifyBand(79.5, Quality.Good, limits, 'normal', 1)).toBe('normal');
    expect(classifyBand(89.5, Quality.Good, limits, 'hh', 1)).toBe('hh');
    expect(classifyBand(89.5, Quality.Good, limits, 'normal', 1)).toBe('h');
    expect(classifyBand(20.5, Quality.Good, limits, 'l', 1)).toBe('l');
    expect(classifyBand(10.5, Quality.Good, limits, 'll', 1)).toBe('ll');
  });

  it('works with one-sided limits (gas detectors)', () => {
    const gas = { h: 25, hh: 50, source: 'GB/T 50493-2019 §5.5' };
    expect(classifyBand(0, Quality.Good, gas)).toBe('normal');
    expect(classifyBand(30, Quality.Good, gas)).toBe('h');
    expect(classifyBand(60, Quality.Good, gas)).toBe('hh');
  });

  it('orders severities', () => {
    expect([bandSeverity('normal'), bandSeverity('h'), bandSeverity('ll'), bandSeverity('bad')]).toEqual([0, 1, 2, 3]);
  });
});
