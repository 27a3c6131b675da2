import { describe, expect, it } from 'vitest';
import { clampSpeed, ReplayClock } from './ReplayClock';

describe('ReplayClock', () => {
  it('advances at speed while playing and holds while paused', () => {
    let wall = 1000;
    const c = new ReplayClock(() => wall);
    c.seek(50_000);
    wall += 5000;
    expect(c.now()).toBe(50_000);
    c.play();
    wall += 2000;
    expect(c.now()).toBe(52_000);
    c.setSpeed(60);
    expect(c.now()).toBe(52_000);
    wall += 1000;
    expect(c.now()).toBe(112_000);
    c.pause();
    wall += 10_000;
    expect(c.now()).toBe(112_000);
    c.setSpeed(0.1);
    c.play();
    wall += 1000;
    expect(c.now()).toBeCloseTo(112_100, 6);
  });

  it('never runs past the live edge and clamps speeds', () => {
    let wall = 0;
    const end = 10_000;
    const c = new ReplayClock(() => wall, () => end);
    c.seek(9_000);
    c.setSpeed(10);
    c.play();
    wall += 500;
    expect(c.now()).toBe(10_000);
    expect(c.atEnd()).toBe(true);
    c.seek(20_000);
    expect(c.now()).toBe(10_000);
    expect(clampSpeed(0)).toBe(0.1);
    expect(clampSpeed(600)).toBe(60);
    expect(clampSpeed(Number.NaN)).toBe(1);
  });
});
