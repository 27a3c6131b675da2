import { describe, expect, it } from 'vitest';
import type { SampleBatch } from '../sim/types';
import { RecentBuffer } from './RecentBuffer';

function one(id: number, t: number, v: number, q = 0): SampleBatch {
  return { count: 1, ids: Uint32Array.of(id), values: Float64Array.of(v), times: Float64Array.of(t), quality: Uint8Array.of(q) };
}

describe('RecentBuffer', () => {
  const T0 = 1_700_000_000_000;
  it('keeps the last 10 minutes at 1 s, per tag, oldest first', () => {
    const r = new RecentBuffer(3);
    expect(r.stepMs).toBe(1000);
    for (let s = 0; s < 700; s++) {
      r.apply(one(1, T0 + s * 1000 + 250, s));
      if (s % 2 === 0) r.apply(one(2, T0 + s * 1000, -s, 1));
    }
    const now = T0 + 699_999;
    const all = r.read(1, 600, now);
    expect(all.values.length).toBe(600);
    expect(all.values[0]).toBe(100);
    expect(all.values.at(-1)).toBe(699);
    expect(all.times.at(-1)).toBe(T0 + 699_250);
    const last10 = r.read(1, 10, now);
    expect(last10.values).toEqual([690, 691, 692, 693, 694, 695, 696, 697, 698, 699]);
    const other = r.read(2, 10, now);
    expect(other.values).toEqual([-690, -692, -694, -696, -698]);
    expect(other.quality).toEqual([1, 1, 1, 1, 1]);
    expect(r.read(0, 600, now).values).toEqual([]);
  });

  it('keeps the last sample of a slot, and NaN as null', () => {
    const r = new RecentBuffer(1);
    r.apply(one(0, T0 + 100, 1));
    r.apply(one(0, T0 + 900, 2));
    r.apply(one(0, T0 + 1100, NaN, 2));
    expect(r.read(0, 600, T0 + 2000)).toEqual({ times: [T0 + 900, T0 + 1100], values: [2, null], quality: [0, 2] });
  });

  it('coarsens the step rather than exceed its memory budget', () => {
    const r = new RecentBuffer(50_000, { windowMs: 600_000, stepMs: 1000, budgetBytes: 64 * 1024 * 1024 });
    expect(r.bytes).toBeLessThanOrEqual(64 * 1024 * 1024 + r.slots * 8);
    expect(r.stepMs).toBeGreaterThan(1000);
    expect(r.stepMs * r.slots).toBeGreaterThanOrEqual(600_000);
  });
});
