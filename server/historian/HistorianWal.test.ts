import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/util/clock';
import { Historian } from './Historian';
import { queryHistory } from './queryHistory';
import { batchOf, testTags } from './testBatches';
import { decodeWal, encodeWal, WalBuilder } from './walCodec';

const T0 = Date.UTC(2026, 5, 1, 0, 0, 0);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('walCodec', () => {
  it('round-trips columns and refuses a torn row', () => {
    const w = new WalBuilder();
    for (let i = 0; i < 3000; i++) w.push(i % 7, T0 + i, i * 0.5, i % 3);
    const back = decodeWal(encodeWal(w));
    expect(back.count).toBe(3000);
    expect(Array.from(back.tags.slice(0, 8))).toEqual([0, 1, 2, 3, 4, 5, 6, 0]);
    expect(back.times[2999]).toBe(T0 + 2999);
    expect(back.values[2999]).toBe(1499.5);
    expect(back.quality[2999]).toBe(2999 % 3);
    expect(() => decodeWal(encodeWal(w).subarray(0, 100))).toThrow(RangeError);
  });
});

describe('historian write-ahead', () => {
  it('after a kill (no close), a new historian on the same folder reads back the open samples up to the last write-ahead', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-wal-'));
    dirs.push(dir);
    const clock = new ManualClock(T0);
    const tags = testTags(5);
    const a = Historian.open(dir, tags, clock, { walMs: 2000 });
    // 95 s at 1 Hz: less than one chunk window (10 min); a tag whose staggered window ends meanwhile seals once.
    for (let s = 0; s < 95; s++) {
      a.ingest(batchOf(clock.now(), tags.map((_, tag) => ({ tag, value: tag * 10 + (s % 10) }))));
      clock.advance(1000);
    }
    expect(a.stats.walWrites).toBeGreaterThan(40);
    const lastWalAt = T0 + 94_000 - ((94_000 - 0) % 2000);
    // "kill": `a` is never closed.
    const b = Historian.open(dir, tags, clock, { walMs: 2000 });
    expect(b.stats.walRecovered).toBeGreaterThan(300);
    for (let tag = 0; tag < 5; tag++) {
      const h = queryHistory(b, { tag: `T-${tag}`, index: tag, from: T0, to: T0 + 100_000, maxPoints: 1000 }, clock.now());
      expect(h.kind).toBe('raw');
      if (h.kind !== 'raw') return;
      expect(h.t[0]).toBe(T0);
      expect(h.t[h.t.length - 1]).toBeGreaterThanOrEqual(lastWalAt);
      expect(T0 + 94_000 - h.t[h.t.length - 1]!).toBeLessThanOrEqual(2000);
      expect(h.value[10]).toBe(tag * 10);
      // Every second up to the last write-ahead, nothing twice.
      expect(h.t.length).toBe((h.t[h.t.length - 1]! - T0) / 1000 + 1);
      for (let i = 1; i < h.t.length; i++) expect(h.t[i]!).toBeGreaterThan(h.t[i - 1]!);
    }
    // Recovered rows were written as chunks and the write-ahead cleared: a third open recovers nothing.
    b.close();
    const c = Historian.open(dir, tags, clock, { walMs: 2000 });
    expect(c.stats.walRecovered).toBe(0);
    c.close();
    a.close();
  });

  it('keeps the write-ahead small: rows whose samples are all in written chunks are deleted', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-wal-'));
    dirs.push(dir);
    const clock = new ManualClock(T0);
    const tags = testTags(3);
    const h = Historian.open(dir, tags, clock, { walMs: 2000, chunkMs: 60_000, flushMs: 5000 });
    for (let s = 0; s < 600; s++) {
      h.ingest(batchOf(clock.now(), tags.map((_, tag) => ({ tag, value: s % 50 }))));
      clock.advance(1000);
    }
    const rows = h.repo.walRead();
    // At most about two chunk windows of rows (60 s windows, a row every 2 s), not the 300 written.
    expect(h.stats.walWrites).toBeGreaterThan(250);
    expect(rows.length).toBeLessThanOrEqual(65);
    h.close();
  });
});
