import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/util/clock';
import { LatestTable } from './LatestTable';
import { PlantRuntime, type RuntimeParts } from './PlantRuntime';
import type { LatestValueRow } from '../store/types';

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

describe('PlantRuntime latest-value persistence', () => {
  it('writes a slice per tick so every value is stored within persistMs, never all at once', () => {
    const n = 1234;
    const latest = new LatestTable(n);
    for (let k = 0; k < n; k++) {
      latest.values[k] = k;
      latest.times[k] = 1000 + k;
    }
    const written: LatestValueRow[][] = [];
    const none = () => undefined;
    const parts = {
      plant: { tags: Array.from({ length: n }, (_, k) => ({ id: `T${k}` })) },
      clock: new ManualClock(0),
      sim: { tick: () => ({ count: 0 }) },
      latest: { apply: none, toRows: latest.toRows.bind(latest) },
      recent: { apply: none },
      bands: { update: () => [] },
      engine: { appendBatch: none, maybeSnapshot: none },
      injections: { expire: none },
      publish: none,
      metrics: { observeTick: none },
      latestRepo: { upsert: (rows: LatestValueRow[]) => written.push(rows), saveAll: none, loadAll: () => [] },
    } as unknown as RuntimeParts;
    const rt = new PlantRuntime(parts, { tickMs: 100, persistMs: 5000 });
    for (let i = 0; i < 50; i++) rt.tick(i * 100);
    // 50 ticks in 5 s: every tag once, in slices of at most ceil(1234 / 50) rows.
    expect(written.every((rows) => rows.length <= 25)).toBe(true);
    const ids = written.flat().map((r) => r.tagId);
    expect(new Set(ids).size).toBe(n);
    expect(ids.length).toBe(n);
    // The next tick starts over from the first tag.
    rt.tick(5000);
    expect(written.at(-1)![0]!.tagId).toBe('T0');
    expect(rt.lastError).toBeNull();
  });
});

