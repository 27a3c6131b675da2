import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { History, HistoryBuckets, HistoryRaw } from '../../shared/historian/historySchema';
import { historySchema } from '../../shared/historian/historySchema';
import { quantise, quantumExponent } from '../../shared/historian/quantum';
import { Quality } from '../../shared/plant/band';
import { createRng } from '../../shared/util/rng';
import { ManualClock } from '../../shared/util/clock';
import { Historian } from './Historian';
import type { HistorianOptions } from './historianOptions';
import { queryHistory } from './queryHistory';
import { SqliteHistoryRepo } from './SqliteHistoryRepo';
import { batchOf, testTags } from './testBatches';

const T0 = Date.UTC(2025, 6, 1, 0, 0, 0);
const HOUR = 3_600_000;
const E = quantumExponent(0, 100)!;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Sample {
  t: number;
  v: number;
  q: number;
}

/** Feeds one tag (index 0) every `stepMs` for `ms`, recording what went in (quantised as stored). */
function feed(h: Historian, clock: ManualClock, ms: number, stepMs: number, value: (t: number) => number, log: Sample[], quality: (t: number) => number = () => Quality.Good): void {
  const end = clock.now() + ms;
  while (clock.now() < end) {
    const t = clock.now();
    const v = value(t);
    const q = quality(t);
    h.ingest(batchOf(t, [{ tag: 0, value: v, quality: q }]));
    log.push({ t, v: quantise(v, E), q });
    clock.advance(stepMs);
  }
}

function query(h: Historian, clock: ManualClock, from: number, to: number, maxPoints: number): History {
  return historySchema.parse(queryHistory(h, { tag: 'T-0', index: 0, from, to, maxPoints }, clock.now()));
}

/** First index of the time-ordered log with t ≥ `t`. */
function lowerBound(log: Sample[], t: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Independent reference for one bucket: brute force over the logged samples. */
function expectBucketsMatch(res: HistoryBuckets, log: Sample[]): void {
  for (let i = 0; i < res.t.length; i++) {
    const a = res.t[i]!;
    const inside = log.slice(lowerBound(log, a), lowerBound(log, a + res.bucketMs));
    const ok = inside.filter((s) => s.q < Quality.Bad && Number.isFinite(s.v)).map((s) => s.v);
    expect({ n: res.n[i], bad: res.bad[i], first: res.first[i], last: res.last[i], min: res.min[i], max: res.max[i] }, `bucket at ${a}`).toEqual({
      n: ok.length,
      bad: inside.length - ok.length,
      first: ok[0] ?? null,
      last: ok[ok.length - 1] ?? null,
      min: ok.length ? Math.min(...ok) : null,
      max: ok.length ? Math.max(...ok) : null,
    });
    if (ok.length) expect(res.avg[i]!).toBeCloseTo(ok.reduce((x, y) => x + y, 0) / ok.length, 4);
  }
}

function historian(clock: ManualClock, opts: Partial<HistorianOptions> = {}, dir = ':memory:'): Historian {
  return new Historian(SqliteHistoryRepo.open(dir), testTags(1), clock, { chunkMs: 600_000, ...opts });
}

const noisy = (seed: number) => {
  const rng = createRng(seed);
  return (t: number) => 50 + 10 * Math.sin(t / 3e6) + rng.normal();
};

describe('queryHistory', () => {
  it('returns every sample when the range holds no more than maxPoints, across sealed, pending and open data', () => {
    const clock = new ManualClock(T0);
    const h = historian(clock, { flushMs: 60_000 });
    const log: Sample[] = [];
    feed(h, clock, 40 * 60_000, 1000, noisy(1), log);
    // Some chunks written, some sealed but pending, the rest open.
    expect(h.repo.stats()[0].chunks).toBeGreaterThan(0);
    expect(h.sources(0).open.count).toBeGreaterThan(0);
    const from = T0 + 5 * 60_000 + 500;
    const res = query(h, clock, from, clock.now(), 10_000) as HistoryRaw;
    expect(res.kind).toBe('raw');
    const want = log.filter((s) => s.t >= from);
    expect(res.t).toEqual(want.map((s) => s.t));
    expect(res.value).toEqual(want.map((s) => s.v));
    expect(res.samples).toBe(want.length);
    h.close();
  });

  it('buckets raw samples for a short range and keeps a one-sample spike', () => {
    const clock = new ManualClock(T0);
    const h = historian(clock);
    const log: Sample[] = [];
    const base = noisy(2);
    const spikeAt = T0 + 1234_000;
    feed(h, clock, HOUR, 1000, (t) => (t === spikeAt ? 99.5 : base(t)), log);
    const res = query(h, clock, T0, T0 + HOUR - 1, 100) as HistoryBuckets;
    expect(res).toMatchObject({ kind: 'buckets', source: 'raw', samples: 3600 });
    expect(res.t.length).toBeLessThanOrEqual(100);
    expect(Math.max(...(res.max as number[]))).toBe(99.5);
    const k = res.t.findIndex((a) => spikeAt >= a && spikeAt < a + res.bucketMs);
    expect(res.max[k]).toBe(99.5);
    expectBucketsMatch(res, log);
    h.close();
  });

  it('answers 24 h at 1,000 points from the 1-minute tier, exactly, with the spike, sealed and open data alike', () => {
    const clock = new ManualClock(T0);
    const h = historian(clock);
    const log: Sample[] = [];
    const base = noisy(3);
    const spikeAt = T0 + 17 * HOUR + 33_000;
    const outage = (t: number) => (t >= T0 + 5 * HOUR && t < T0 + 5 * HOUR + 300_000 ? Quality.Bad : Quality.Good);
    feed(h, clock, 24 * HOUR, 1000, (t) => (t === spikeAt ? -20 : base(t)), log, outage);
    const res = query(h, clock, T0, clock.now(), 1000) as HistoryBuckets;
    expect(res).toMatchObject({ kind: 'buckets', source: '1m' });
    expect(res.bucketMs % 60_000).toBe(0);
    expect(res.t.length).toBeLessThanOrEqual(1000);
    expect(res.t.length).toBeGreaterThan(500);
    expect(Math.min(...(res.min as number[]).filter((v) => v !== null))).toBe(-20);
    expect(res.bad.reduce((a, b) => a + b, 0)).toBe(300);
    expect(res.samples).toBe(log.length);
    expectBucketsMatch(res, log);
    h.close();
  });

  it('uses the 15-minute tier for weeks, and raw for a slow tag however long the range', () => {
    const clock = new ManualClock(T0);
    const h = historian(clock);
    const log: Sample[] = [];
    feed(h, clock, 21 * 24 * HOUR, 10_000, noisy(4), log);
    const res = query(h, clock, T0, clock.now(), 1000) as HistoryBuckets;
    expect(res).toMatchObject({ kind: 'buckets', source: '15m' });
    expect(res.bucketMs % 900_000).toBe(0);
    expect(res.t.length).toBeLessThanOrEqual(1000);
    expectBucketsMatch(res, log);
    h.close();

    const c2 = new ManualClock(T0);
    const slow = historian(c2);
    const slowLog: Sample[] = [];
    feed(slow, c2, 24 * HOUR, 600_000, noisy(5), slowLog);
    const r2 = query(slow, c2, T0, c2.now(), 1000);
    expect(r2).toMatchObject({ kind: 'raw', source: 'raw', samples: 144 });
    slow.close();
  });

  it('honours maxPoints for any value and range', () => {
    const clock = new ManualClock(T0);
    const h = historian(clock);
    feed(h, clock, 6 * HOUR, 1000, noisy(6), []);
    for (const maxPoints of [1, 2, 7, 59, 100, 360, 1000, 21_600, 30_000]) {
      for (const [from, to] of [
        [T0, clock.now()],
        [T0 + 1, T0 + HOUR],
        [T0 + 123_456, T0 + 5 * HOUR + 7],
      ] as const) {
        const r = query(h, clock, from, to, maxPoints);
        expect(r.t.length, `${maxPoints} points over ${to - from} ms`).toBeLessThanOrEqual(maxPoints);
        expect(r.t.length).toBeGreaterThan(0);
      }
    }
    h.close();
  });

  it('merges a bucket split by a restart and keeps the history', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-hq-'));
    dirs.push(dir);
    const clock = new ManualClock(T0);
    const log: Sample[] = [];
    const base = noisy(7);
    const a = historian(clock, {}, dir);
    feed(a, clock, 3 * HOUR + 30_500, 1000, base, log);
    const before = query(a, clock, T0, clock.now(), 200);
    a.close();
    const b = historian(clock, {}, dir);
    expect(query(b, clock, T0, before.to, 200)).toEqual(before);
    feed(b, clock, 2 * HOUR, 1000, base, log);
    const res = query(b, clock, T0, clock.now(), 300) as HistoryBuckets;
    expect(res.source).toBe('1m');
    expectBucketsMatch(res, log);
    b.close();
  });

  it('goes to the 1-minute tier for a range whose raw samples retention has removed', () => {
    const clock = new ManualClock(T0);
    const h = historian(clock, { retention: { raw: 1 / 24, minute: 1, quarter: 10 } });
    const log: Sample[] = [];
    feed(h, clock, 5 * HOUR, 1000, noisy(8), log);
    h.prune();
    const res = query(h, clock, T0 + 600_000, T0 + 1_200_000, 1000) as HistoryBuckets;
    expect(res).toMatchObject({ kind: 'buckets', source: '1m', bucketMs: 60_000 });
    expect(res.t.length).toBe(11);
    expectBucketsMatch(res, log);
    h.close();
  });
});
