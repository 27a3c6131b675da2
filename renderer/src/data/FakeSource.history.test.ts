import { describe, expect, it } from 'vitest';
import { historySchema } from '../../../shared/historian/historySchema';
import { testPlant } from '../testing/testPlant';
import { FakeSource } from './FakeSource';

describe('FakeSource.history', () => {
  it('synthesises at most maxPoints schema-valid buckets that bracket valueAt', async () => {
    const plant = testPlant();
    const source = new FakeSource({ plant, seed: 3, clock: () => 86_400_000 });
    const tag = plant.tags[0]!;
    const res = await source.history(tag.id, 0, 3_600_000, 60);
    if (!res.ok) throw new Error(res.message);
    expect(historySchema.parse(res.data)).toEqual(res.data);
    if (res.data.kind !== 'buckets') throw new Error('expected buckets');
    const h = res.data;
    expect(h.t.length).toBeLessThanOrEqual(60);
    expect(h.t.length).toBeGreaterThan(50);
    for (let i = 0; i < h.t.length; i++) {
      const first = source.valueAt(0, h.t[i]!);
      expect(h.first[i]).toBe(first);
      expect(h.min[i]!).toBeLessThanOrEqual(first);
      expect(h.max[i]!).toBeGreaterThanOrEqual(first);
      expect(h.avg[i]!).toBeGreaterThanOrEqual(h.min[i]!);
      expect(h.avg[i]!).toBeLessThanOrEqual(h.max[i]!);
    }
  });

  it('says not_found for an unknown tag', async () => {
    const source = new FakeSource({ plant: testPlant(), clock: () => 0 });
    expect(await source.history('NOPE', 0, 10, 5)).toMatchObject({ ok: false, code: 'not_found' });
  });
});
