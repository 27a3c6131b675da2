import { describe, expect, it } from 'vitest';
import { snapshotsToDrop, type SnapshotRetention } from './snapshotRetention';

const MIN = 60_000;
const r: SnapshotRetention = { keepNewest: 3, fineMs: 5 * MIN, fineForMs: 60 * MIN, coarseMs: 60 * MIN, retentionMs: 6 * 60 * MIN };

describe('snapshotsToDrop', () => {
  it('keeps the newest few, one per fine bucket while young, one per coarse bucket later, none past retention', () => {
    // A snapshot every minute for 8 hours.
    const rows = Array.from({ length: 8 * 60 }, (_, i) => ({ seq: i + 1, time: i * MIN }));
    const drop = new Set(snapshotsToDrop(rows, r));
    const kept = rows.filter((s) => !drop.has(s.seq));
    const newest = rows[rows.length - 1]!.time;
    // Newest 3 kept.
    for (const s of rows.slice(-3)) expect(drop.has(s.seq)).toBe(false);
    // The last hour: one per 5 minutes (+ the newest 3).
    const young = kept.filter((s) => newest - s.time <= 60 * MIN);
    expect(young.length).toBeGreaterThanOrEqual(12);
    expect(young.length).toBeLessThanOrEqual(12 + 3 + 1);
    // Gaps between kept snapshots: ≤ 5 min in the last hour, ≤ 1 h up to 6 h, and nothing older than 6 h.
    for (let i = 1; i < kept.length; i++) {
      const gap = kept[i]!.time - kept[i - 1]!.time;
      expect(gap).toBeLessThanOrEqual(newest - kept[i - 1]!.time <= 60 * MIN ? 5 * MIN : 60 * MIN + 5 * MIN);
    }
    expect(Math.min(...kept.map((s) => s.time))).toBeGreaterThanOrEqual(newest - 6 * 60 * MIN);
    expect(kept.length).toBeLessThan(40);
    // Applying it again keeps the same set (stable).
    expect(snapshotsToDrop(kept, r)).toEqual([]);
  });

  it('drops nothing while there are no more than keepNewest', () => {
    expect(snapshotsToDrop([{ seq: 1, time: 0 }, { seq: 2, time: 1 }], r)).toEqual([]);
  });
});
