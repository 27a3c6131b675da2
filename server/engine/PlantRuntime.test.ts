import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/util/clock';
import { PlantRuntime, type RuntimeParts } from './PlantRuntime';

describe('PlantRuntime tick alignment', () => {
  it('schedules each tick just after the next boundary of alignTo + k·tickMs', () => {
    const parts = { clock: new ManualClock(0) } as unknown as RuntimeParts;
    const rt = new PlantRuntime(parts, { tickMs: 100, persistMs: 5000, alignTo: 1_000_030 });
    expect(rt.delayToNextTick(1_000_030)).toBe(1); // on a boundary: run just after it
    expect(rt.delayToNextTick(1_000_031)).toBe(100);
    expect(rt.delayToNextTick(1_000_080)).toBe(51);
    expect(rt.delayToNextTick(1_000_129)).toBe(2);
    expect(rt.delayToNextTick(999_990)).toBe(41); // before the reference too
    for (let now = 0; now < 1000; now += 7) {
      const next = now + rt.delayToNextTick(now);
      expect((((next - 1 - 1_000_030) % 100) + 100) % 100).toBe(0);
      expect(next - now).toBeGreaterThan(0);
      expect(next - now).toBeLessThanOrEqual(101);
    }
  });
});
