import { describe, expect, it } from 'vitest';
import { downwindBearing, toWindFrame } from './windFrame';

describe('toWindFrame', () => {
  const src: [number, number] = [100, 100];

  it('wind from the north carries gas south', () => {
    const south = toWindFrame(src, [100, 50], 0);
    expect(south.downwind).toBeCloseTo(50, 9);
    expect(south.crosswind).toBeCloseTo(0, 9);
    expect(toWindFrame(src, [100, 150], 0).downwind).toBeCloseTo(-50, 9);
  });

  it('wind from the east (90°) carries gas west', () => {
    expect(toWindFrame(src, [40, 100], 90).downwind).toBeCloseTo(60, 9);
    expect(toWindFrame(src, [160, 100], 90).downwind).toBeCloseTo(-60, 9);
  });

  it('wind from the south-west (225°) carries gas north-east', () => {
    const f = toWindFrame(src, [110, 110], 225);
    expect(f.downwind).toBeCloseTo(Math.SQRT2 * 10, 9);
    expect(f.crosswind).toBeCloseTo(0, 9);
  });

  it('crosswind is positive to the right looking downwind', () => {
    // Wind from the north, looking south: right is west.
    expect(toWindFrame(src, [90, 100], 0).crosswind).toBeCloseTo(10, 9);
    expect(toWindFrame(src, [110, 100], 0).crosswind).toBeCloseTo(-10, 9);
  });

  it('preserves distance under any wind direction', () => {
    for (const deg of [0, 37, 90, 181, 270, 359]) {
      const f = toWindFrame(src, [130, 60], deg);
      expect(Math.hypot(f.downwind, f.crosswind)).toBeCloseTo(50, 9);
    }
  });
});

describe('downwindBearing', () => {
  it('is the opposite of the from-direction, 0–360', () => {
    expect(downwindBearing(0)).toBe(180);
    expect(downwindBearing(270)).toBe(90);
    expect(downwindBearing(-90)).toBe(90);
    expect(downwindBearing(540)).toBe(0);
  });
});
