import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorFactory } from '../../server/app';
import { createSimulator } from '../../server/sim/createSimulator';
import type { PlantSimulator } from '../../server/sim/types';
import { DB_FILE } from '../../server/store/openSqliteStore';
import { historyPath, historySchema, type History, type HistoryBuckets, type HistoryRaw } from '../../shared/historian/historySchema';
import { quantise, quantumExponent } from '../../shared/historian/quantum';
import { Quality } from '../../shared/plant/band';
import { healthSchema } from '../../shared/protocol/rest';
import { ManualClock } from '../../shared/util/clock';
import { miniPlant, startHarness, type Harness } from './harness';

/**
 * The historian inside a real plant server (mini plant, real simulator) driven by a manual
 * clock: 24 h of simulated samples in seconds, one tick per simulated second, then the REST
 * route answers from sealed chunks, tiers and open buffers.
 */
const T0 = Date.UTC(2025, 6, 1, 0, 0, 0);
const HOUR = 3_600_000;
const TAG = 'TK-1.LI-01';
const SPIKE_AT = T0 + 13 * HOUR + 7 * 60_000 + 3000;
const SPIKE = 99;

interface Sample {
  t: number;
  v: number;
  q: number;
}

/** The real simulator, with a one-sample spike on TAG and a log of TAG's samples as the historian should keep them. */
function recordingFactory(log: Sample[], exponent: number | null, tagIndex: number): SimulatorFactory {
  return (plant, o) => {
    const sim = createSimulator(plant, o);
    const wrapped: PlantSimulator = Object.create(sim) as PlantSimulator;
    wrapped.tick = (now) => {
      const b = sim.tick(now);
      for (let j = 0; j < b.count; j++) {
        if (b.ids[j] !== tagIndex) continue;
        if (b.times[j] === SPIKE_AT) b.values[j] = SPIKE;
        // A restarted simulator samples again at the restart instant; the historian keeps the first.
        if (log.length > 0 && b.times[j]! <= log[log.length - 1]!.t) continue;
        log.push({ t: b.times[j]!, v: quantise(b.values[j]!, exponent), q: b.quality[j]! });
      }
      return b;
    };
    return wrapped;
  };
}

function drive(h: Harness, clock: ManualClock, seconds: number): void {
  for (let s = 0; s < seconds; s++) {
    clock.advance(1000);
    h.server.ctx.runtime.tick();
  }
}

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

/** Every bucket against a brute-force aggregate of the samples the simulator produced. */
function expectBucketsMatch(res: HistoryBuckets, log: Sample[]): void {
  for (let i = 0; i < res.t.length; i++) {
    const a = res.t[i]!;
    const inside = log.slice(lowerBound(log, a), lowerBound(log, a + res.bucketMs));
    const ok = inside.filter((s) => s.q < Quality.Bad && Number.isFinite(s.v)).map((s) => s.v);
    expect({ n: res.n[i], bad: res.bad[i], first: res.first[i], last: res.last[i], min: res.min[i], max: res.max[i] }, `bucket at ${new Date(a).toISOString()}`).toEqual({
      n: ok.length,
      bad: inside.length - ok.length,
      first: ok[0] ?? null,
      last: ok[ok.length - 1] ?? null,
      min: ok.length ? Math.min(...ok) : null,
      max: ok.length ? Math.max(...ok) : null,
    });
  }
}

describe('historian on a running server', () => {
  const log: Sample[] = [];
  let dataDir: string;
  let clock: ManualClock;
  let h: Harness;
  let token: string;
  let exponent: number | null;

  const get = async (query: string, tag = TAG, auth: string | null = token) => {
    const r = await h.rest(`${historyPath(tag)}${query}`, auth ? { token: auth } : {});
    return { status: r.status, body: r.body as { ok: boolean; code?: string; data?: unknown } };
  };
  const history = async (query: string): Promise<History> => {
    const r = await get(query);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    return historySchema.parse(r.body.data);
  };

  beforeAll(async () => {
    const plant = (await miniPlant()).plant;
    const index = plant.tags.findIndex((t) => t.id === TAG);
    const tag = plant.tags[index]!;
    exponent = quantumExponent(tag.range.lo, tag.range.hi);
    dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-hist-it-'));
    clock = new ManualClock(T0);
    h = await startHarness({ dataDir, clock, createSimulator: recordingFactory(log, exponent, index) });
    drive(h, clock, 24 * 3600);
    // Signed in after the simulated day: sessions expire on the same clock.
    token = await h.tokenFor('viewer');
  }, 180_000);
  afterAll(async () => {
    await h.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a one-sample spike when 24 h are brought down to 100 points, every bucket exact', async () => {
    expect(log.length).toBeGreaterThan(86_000);
    const res = (await history(`?from=${T0}&to=${clock.now()}&maxPoints=100`)) as HistoryBuckets;
    expect(res).toMatchObject({ kind: 'buckets', source: '1m', tag: TAG, maxPoints: 100 });
    expect(res.t.length).toBeLessThanOrEqual(100);
    const k = res.t.findIndex((a) => SPIKE_AT >= a && SPIKE_AT < a + res.bucketMs);
    expect(res.max[k]).toBe(SPIKE);
    // The spike is far above the level's normal band: no other bucket reaches it.
    expect((res.max as number[]).filter((m) => m === SPIKE)).toHaveLength(1);
    expectBucketsMatch(res, log);
  });

  it('honours maxPoints (default 1,000, capped at 10,000) and answers a short range with every sample', async () => {
    for (const maxPoints of [1, 3, 100, 999, 5000]) {
      const r = await history(`?from=${T0}&to=${clock.now()}&maxPoints=${maxPoints}`);
      expect(r.t.length).toBeLessThanOrEqual(maxPoints);
      expect(r.t.length).toBeGreaterThan(0);
    }
    const byDefault = await history(`?from=${T0}&to=${clock.now()}`);
    expect(byDefault.maxPoints).toBe(1000);
    expect(byDefault.t.length).toBeLessThanOrEqual(1000);
    const capped = await history(`?from=${T0}&to=${clock.now()}&maxPoints=50000`);
    expect(capped.maxPoints).toBe(10_000);
    expect(capped.t.length).toBeLessThanOrEqual(10_000);
    const lastHour = await history(`?maxPoints=5000`);
    expect(lastHour).toMatchObject({ kind: 'raw', to: clock.now(), from: clock.now() - HOUR });
    expect(lastHour.t).toHaveLength(3601);
  });

  it('answers a range across sealed chunks and the open buffer with exactly the samples the simulator produced', async () => {
    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    const num = (db.prepare('SELECT tag_index AS n FROM hist_tags WHERE tag_id = ?').get(TAG) as { n: number }).n;
    const sealedUpTo = (db.prepare('SELECT MAX(t_end) AS t FROM hist_chunks WHERE tag_index = ? AND tier = 0').get(num) as { t: number }).t;
    db.close();
    const from = sealedUpTo - 20 * 60_000;
    expect(sealedUpTo).toBeLessThan(clock.now());
    const res = (await history(`?from=${from}&to=${clock.now()}&maxPoints=10000`)) as HistoryRaw;
    expect(res.kind).toBe('raw');
    const want = log.filter((s) => s.t >= from);
    expect(res.t).toEqual(want.map((s) => s.t));
    expect(res.value).toEqual(want.map((s) => s.v));
    expect(res.quality).toEqual(want.map((s) => s.q));
    expect(res.t[res.t.length - 1]).toBeGreaterThan(sealedUpTo);
  });

  it('refuses bad requests with 400 and counts them, unknown tags with 404, strangers with 401', async () => {
    const rejected = async () => healthSchema.parse(((await h.rest('/api/v1/health')).body as { data: unknown }).data).rejected;
    const before = await rejected();
    const bad = [`?from=${T0 + 10}&to=${T0}`, '?maxPoints=0', '?maxPoints=2.5', '?from=yesterday', '?bogus=1', `?from=0&to=${T0 * 3}`];
    for (const q of bad) {
      const r = await get(q);
      expect(r.status, q).toBe(400);
      expect(r.body).toMatchObject({ ok: false, code: 'bad_request' });
    }
    const unknown = await get('', 'NO-SUCH-TAG');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, code: 'not_found' });
    expect((await get('', TAG, null)).status).toBe(401);
    const after = await rejected();
    expect(after.bad_request! - before.bad_request!).toBe(bad.length);
    expect(after.not_found! - before.not_found!).toBe(1);
    expect(after.unauthenticated! - before.unauthenticated!).toBe(1);
  });

  it('keeps history across a restart and continues it', async () => {
    const query = `?from=${T0}&to=${clock.now()}&maxPoints=700`;
    const before = await history(query);
    await h.server.close();
    h = await startHarness({ dataDir, clock, createSimulator: recordingFactory(log, exponent, h.server.ctx.tagIndex.get(TAG)!) });
    token = await h.tokenFor('viewer');
    const after = await history(query);
    // Identical but for the means of buckets that were open: a sealed tier rounds them to the quantum.
    expect({ ...after, avg: [] }).toEqual({ ...before, avg: [] });
    const q = 2 ** exponent!;
    (after as HistoryBuckets).avg.forEach((a, i) => expect(Math.abs(a! - (before as HistoryBuckets).avg[i]!)).toBeLessThanOrEqual(q));
    const restartAt = clock.now();
    drive(h, clock, 600);
    token = await h.tokenFor('viewer');
    const across = (await history(`?from=${restartAt - 300_000}&to=${clock.now()}&maxPoints=10000`)) as HistoryRaw;
    expect(across.kind).toBe('raw');
    expect(across.t[0]).toBe(restartAt - 300_000);
    expect(across.t[across.t.length - 1]).toBe(clock.now());
    const day = (await history(`?from=${T0}&to=${clock.now()}&maxPoints=300`)) as HistoryBuckets;
    expectBucketsMatch(day, log);
  });
});

describe('historian retention on a running server', () => {
  it('prunes raw chunks past the retention and answers old ranges from the 1-minute tier', async () => {
    const clock = new ManualClock(T0);
    const h = await startHarness({ clock, historian: { retention: { raw: 1 / 24, minute: 1, quarter: 10 }, pruneEveryMs: 600_000 } });
    try {
      drive(h, clock, 4 * 3600);
      const token = await h.tokenFor('viewer');
      const db = new Database(path.join(h.dataDir, DB_FILE), { readonly: true });
      const raw = db.prepare('SELECT MIN(t_start) AS lo, COUNT(*) AS n FROM hist_chunks WHERE tier = 0').get() as { lo: number; n: number };
      const minute = db.prepare('SELECT MIN(t_start) AS lo FROM hist_chunks WHERE tier = 1').get() as { lo: number };
      db.close();
      expect(raw.n).toBeGreaterThan(0);
      // Pruned every 10 min: nothing older than 1 h + 10 min + one chunk window (10 min) is left.
      expect(raw.lo).toBeGreaterThanOrEqual(clock.now() - HOUR - 20 * 60_000);
      expect(minute.lo).toBeLessThan(T0 + HOUR);
      const r = await h.rest(`${historyPath(TAG)}?from=${T0}&to=${T0 + 30 * 60_000}&maxPoints=10000`, { token });
      const res = historySchema.parse((r.body as { data: unknown }).data) as HistoryBuckets;
      expect(res).toMatchObject({ kind: 'buckets', source: '1m', bucketMs: 60_000 });
      expect(res.t.length).toBe(31);
      expect(res.n.slice(0, 30).every((n) => n === 60)).toBe(true);
    } finally {
      await h.stop();
    }
  }, 120_000);
});
