import { describe, expect, it } from 'vitest';
import { Quality } from '../../shared/plant/band';
import type { Plant } from '../../shared/plant/schema';
import { WindSource } from './WindSource';

const plant = { tags: [{ kind: 'temperature' }, { kind: 'wind_speed' }, { kind: 'wind_direction' }] } as unknown as Plant;
const latest = (speed: number, dir: number, q: number = Quality.Good) => ({ values: Float64Array.from([20, speed, dir]), quality: Uint8Array.from([0, q, q]) });

describe('WindSource', () => {
  it('is null until the station reports, and ignores bad samples', () => {
    const w = new WindSource(plant);
    expect(w.current()).toBeNull();
    w.sample(latest(3, 90, Quality.Bad), 0);
    expect(w.current()).toBeNull();
  });

  it('averages direction as a vector across north and speed over the window', () => {
    const w = new WindSource(plant, 10_000);
    for (let t = 0; t < 10; t++) w.sample(latest(t % 2 ? 4 : 2, t % 2 ? 350 : 10, Quality.Good), t * 1000);
    const c = w.current()!;
    expect(c.speedMS).toBeCloseTo(3, 9);
    // 4 m/s from 350° outweighs 2 m/s from 10°: just west of north.
    expect(c.fromDeg).toBeGreaterThan(350);
    expect(c.fromDeg).toBeLessThan(360);
    // Samples older than the window drop out; more than one a second are ignored.
    for (let t = 20; t < 31; t++) w.sample(latest(5, 180), t * 1000);
    w.sample(latest(50, 0), 30_500);
    expect(w.current()!.speedMS).toBeCloseTo(5, 9);
    expect(w.current()!.fromDeg).toBeCloseTo(180, 6);
  });

  it('takes an override until it is lifted', () => {
    const w = new WindSource(plant);
    w.sample(latest(3, 90), 0);
    w.override({ speedMS: 6, fromDeg: -90 });
    expect(w.current()).toEqual({ speedMS: 6, fromDeg: 270 });
    w.override(null);
    expect(w.current()!.fromDeg).toBeCloseTo(90, 9);
  });
});
