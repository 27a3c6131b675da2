import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/util/clock';
import { Historian } from './Historian';
import { Tier, type HistoryRepo, type StoredChunk } from './HistoryRepo';
import { SqliteHistoryRepo } from './SqliteHistoryRepo';
import { batchOf, testTags } from './testBatches';

const T0 = Date.UTC(2025, 6, 1, 0, 0, 0);
const MIN = 60_000;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'vigil-hist-'));
  dirs.push(d);
  return d;
};

/** Wraps a repository to count write transactions. */
function counting(repo: HistoryRepo): HistoryRepo & { writes: number[] } {
  const writes: number[] = [];
  return Object.assign(Object.create(repo) as HistoryRepo, {
    writes,
    write: (chunks: readonly StoredChunk[]) => {
      writes.push(chunks.length);
      repo.write(chunks);
    },
  });
}

/** Feeds `tags` tags at 1 Hz from the clock's time for `seconds`, value f(tag, t). */
function run(h: Historian, clock: ManualClock, tags: number, seconds: number, f: (tag: number, t: number) => number): void {
  for (let s = 0; s < seconds; s++) {
    const t = clock.now();
    h.ingest(batchOf(t, Array.from({ length: tags }, (_, tag) => ({ tag, value: f(tag, t) }))));
    clock.advance(1000);
  }
}

describe('Historian ingest', () => {
  it('seals staggered chunks of at most chunkMs and writes them in one transaction per flush', () => {
    const clock = new ManualClock(T0);
    const repo = counting(SqliteHistoryRepo.open(':memory:'));
    const h = new Historian(repo, testTags(50), clock, { chunkMs: 10 * MIN, flushMs: 5000 });
    run(h, clock, 50, 3600, (tag, t) => tag + Math.sin(t / 1e5));
    expect(h.stats.samples).toBe(50 * 3600);
    // Flushes happen at most every 5 s of clock time, each one transaction.
    expect(repo.writes.length).toBeLessThanOrEqual(3600 / 5 + 1);
    expect(repo.writes.length).toBeGreaterThan(10);
    const raw = repo.read(0, Tier.Raw, T0, T0 + 3600_000);
    for (const c of raw) expect(c.tEnd - c.tStart).toBeLessThan(10 * MIN);
    // Windows are staggered per tag: sealing is spread over the flushes, not all in one.
    expect(Math.max(...repo.writes)).toBeLessThan(50);
    h.close();
  });

  it('seals a fast tag by sample count', () => {
    const clock = new ManualClock(T0);
    const repo = SqliteHistoryRepo.open(':memory:');
    const h = new Historian(repo, testTags(1), clock, { chunkMaxSamples: 100 });
    for (let i = 0; i < 1000; i++) h.ingest(batchOf(T0 + i * 10, [{ tag: 0, value: i }]));
    h.flush();
    const chunks = repo.read(0, Tier.Raw, T0, T0 + 10_000);
    expect(chunks.map((c) => c.count)).toEqual(new Array(9).fill(100));
    h.close();
  });

  it('drops samples that are not later than the tag’s last one, and unknown tags', () => {
    const clock = new ManualClock(T0);
    const h = new Historian(SqliteHistoryRepo.open(':memory:'), testTags(2), clock);
    h.ingest(batchOf(T0 + 1000, [{ tag: 0, value: 1 }]));
    h.ingest(batchOf(T0 + 1000, [{ tag: 0, value: 2 }]));
    h.ingest(batchOf(T0 + 500, [{ tag: 0, value: 3 }]));
    h.ingest(batchOf(T0 + 1000, [{ tag: 7, value: 3 }]));
    expect(h.stats).toMatchObject({ samples: 1, dropped: 3 });
    h.close();
  });

  it('keeps tag histories apart by id when the plant’s tag order changes', () => {
    const dir = tempDir();
    const a = SqliteHistoryRepo.open(dir);
    expect(a.tagNumbers(['A', 'B', 'C'])).toEqual([0, 1, 2]);
    a.close();
    const b = SqliteHistoryRepo.open(dir);
    expect(b.tagNumbers(['C', 'X', 'A'])).toEqual([2, 3, 0]);
    b.close();
  });

  it('keeps sealed chunks in memory while writes fail, and writes them once the database recovers', () => {
    const clock = new ManualClock(T0);
    const inner = SqliteHistoryRepo.open(':memory:');
    let failing = true;
    const repo = Object.assign(Object.create(inner) as HistoryRepo, {
      write: (c: readonly StoredChunk[]) => {
        if (failing) throw new Error('disk full');
        inner.write(c);
      },
    });
    const h = new Historian(repo, testTags(3), clock, { chunkMs: MIN, flushMs: 0 });
    const errors = console.error;
    console.error = () => undefined;
    try {
      run(h, clock, 3, 600, () => 5);
    } finally {
      console.error = errors;
    }
    expect(h.stats.writeErrors).toBeGreaterThan(0);
    expect(inner.stats()[Tier.Raw].chunks).toBe(0);
    failing = false;
    h.flush();
    const open = [0, 1, 2].reduce((n, i) => n + h.sources(i).open.count, 0);
    expect(inner.stats()[Tier.Raw].samples).toBe(h.stats.samples - open);
    h.close();
  });
});

describe('Historian retention', () => {
  it('prunes raw chunks past the raw retention on its timer and keeps the tiers longer', () => {
    const clock = new ManualClock(T0);
    const repo = SqliteHistoryRepo.open(':memory:');
    // Raw kept 2 h (1/12 day), the 1-minute tier 24 h.
    const h = new Historian(repo, testTags(2), clock, { retention: { raw: 1 / 12, minute: 1, quarter: 10 }, pruneEveryMs: 3_600_000 });
    run(h, clock, 2, 6 * 3600, () => 1);
    h.flush();
    const now = clock.now();
    const raw = repo.read(0, Tier.Raw, T0, now);
    expect(raw.length).toBeGreaterThan(0);
    // The last prune ran at most an hour ago and removed everything that ended 2 h before it.
    expect(Math.min(...raw.map((c) => c.tEnd))).toBeGreaterThanOrEqual(now - 3 * 3_600_000);
    expect(h.stats.pruned).toBeGreaterThan(0);
    expect(repo.read(0, Tier.Minute, T0, T0 + 3_600_000).length).toBeGreaterThan(0);
    h.close();
  });
});

describe('Historian restart', () => {
  it('refuses samples not later than what a previous run stored', () => {
    const dir = tempDir();
    const clock = new ManualClock(T0);
    const a = new Historian(SqliteHistoryRepo.open(dir), testTags(2), clock);
    run(a, clock, 2, 100, () => 1);
    a.close();
    const b = new Historian(SqliteHistoryRepo.open(dir), testTags(2), clock);
    // A restarted source samples again at the last instant: a duplicate, dropped.
    b.ingest(batchOf(T0 + 99_000, [{ tag: 0, value: 2 }, { tag: 1, value: 2 }]));
    b.ingest(batchOf(T0 + 100_000, [{ tag: 0, value: 3 }]));
    expect(b.stats).toMatchObject({ samples: 1, dropped: 2 });
    b.close();
  });
});
