import { describe, expect, it } from 'vitest';
import type { CameraPreset } from '../../../../shared/plant/schema';
import { fitToAspect, tourStop, tourStops } from './mapTour';

const O: CameraPreset = { position: [0, -100, 100], target: [0, 0, 0] };
const A: CameraPreset = { position: [10, 0, 50], target: [10, 10, 0] };
const B: CameraPreset = { position: [20, 0, 50], target: [20, 10, 0] };

describe('map tour', () => {
  it('alternates the whole plant with each area and wraps around', () => {
    const stops = tourStops(O, [{ camera: A }, { camera: B }]);
    expect(stops).toEqual([O, A, O, B]);
    expect([0, 1, 2, 3, 4, 5].map((i) => tourStop(stops, i, false))).toEqual([O, A, O, B, O, A]);
  });

  it('holds the whole plant when told to (tour off, priority-1 alarm, incident)', () => {
    const stops = tourStops(O, [{ camera: A }]);
    expect(tourStop(stops, 1, true)).toBe(O);
    expect(tourStop([], 3, false)).toBeNull();
    expect(tourStops(O, [])).toEqual([O]);
  });

  it('pulls a preset back for a narrower map, keeping the target and direction', () => {
    expect(fitToAspect(O, 16 / 9)).toBe(O);
    expect(fitToAspect(O, 2.5)).toBe(O);
    const f = fitToAspect(O, 16 / 18);
    expect(f.target).toEqual(O.target);
    expect(f.position[1]).toBeCloseTo(-200);
    expect(f.position[2]).toBeCloseTo(200);
    expect(fitToAspect(O, 0.2).position[2]).toBeCloseTo(220);
  });
});
