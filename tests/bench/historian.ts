import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Historian } from '../../server/historian/Historian';
import { Tier } from '../../server/historian/HistoryRepo';
import { queryHistory } from '../../server/historian/queryHistory';
import { createSimulator } from '../../server/sim/createSimulator';
import { DB_FILE } from '../../server/store/openSqliteStore';
import { HISTORY_MAX_POINTS } from '../../shared/historian/historySchema';
import type { Plant } from '../../shared/plant/schema';
import { ManualClock } from '../../shared/util/clock';
import { createRng } from '../../shared/util/rng';

export interface HistorianBenchOptions {
  plant: Plant;
  /** Simulated hours to record (the trend query spans all of them). */
  hours: number;
  /** Trend queries to time, each for a different tag. */
  queries: number;
  maxPoints: number;
}

export interface HistorianBenchResult {
  ingest: Record<string, number | string>;
  query: Record<string, number | string>;
  /** The same range through the raw path (maxPoints at its cap): decoding every sample. */
  rawQuery: Record<string, number | string>;
}

const q = (sorted: number[], p: number): number => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN) * 100) / 100;

/**
 * Records `hours` of the real simulator (every tag at 1 Hz, one tick per simulated second on a
 * manual clock) into a historian in a temporary data folder, timing only the historian's work
 * (ingest, sealing, encoding, tier building, SQLite writes), then reopens the folder as a
 * restarted server would and times `queries` trend queries of the whole range at `maxPoints`
 * (query plus JSON serialisation: the work of the REST route). The folder is deleted at the end.
 */
export function runHistorianBench(o: HistorianBenchOptions): HistorianBenchResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-bench-hist-'));
  try {
    const t0 = Date.UTC(2025, 6, 1, 0, 0, 0);
    const clock = new ManualClock(t0);
    const sim = createSimulator(o.plant, { seed: 1, startTime: t0, periodMs: 1000 });
    const h = Historian.open(dir, o.plant.tags, clock);
    const seconds = Math.round(o.hours * 3600);
    let ingestMs = 0;
    let simMs = 0;
    let samples = 0;
    const tickMs: number[] = [];
    const wall = performance.now();
    for (let s = 0; s <= seconds; s++) {
      const a = performance.now();
      const batch = sim.tick(clock.now());
      const b = performance.now();
      h.ingest(batch);
      const c = performance.now();
      simMs += b - a;
      ingestMs += c - b;
      tickMs.push(c - b);
      samples += batch.count;
      if (s < seconds) clock.advance(1000);
    }
    const c0 = performance.now();
    h.close();
    ingestMs += performance.now() - c0;
    const generateS = (performance.now() - wall) / 1000;

    const reopened = Historian.open(dir, o.plant.tags, clock);
    const stats = reopened.repo.stats();
    const dbBytes = ['', '-wal'].reduce((n, suffix) => {
      try {
        return n + statSync(path.join(dir, DB_FILE + suffix)).size;
      } catch {
        return n;
      }
    }, 0);
    const raw = stats[Tier.Raw];
    const tierBytes = stats[Tier.Minute].bytes + stats[Tier.Quarter].bytes;
    const ingest = {
      tags: o.plant.tags.length,
      hours: o.hours,
      samples,
      samplesPerSec: Math.round(samples / (ingestMs / 1000)),
      goalSamplesPerSec: 500_000,
      ingestS: Math.round(ingestMs) / 1000,
      simulatorS: Math.round(simMs) / 1000,
      // Historian time per 1 s tick of all tags (seals and flushes land in some ticks).
      tickP99Ms: q(tickMs.sort((x, y) => x - y), 0.99),
      tickMaxMs: q(tickMs, 1),
      rawChunks: raw.chunks,
      rawBytesPerSample: Math.round((raw.bytes / raw.samples) * 1000) / 1000,
      goalBytesPerSample: 4,
      tierBytesPerSample: Math.round((tierBytes / raw.samples) * 1000) / 1000,
      dbFileBytesPerSample: Math.round((dbBytes / samples) * 1000) / 1000,
      generateS: Math.round(generateS * 10) / 10,
    };

    const to = clock.now();
    const from = to - seconds * 1000;
    const rng = createRng(42);
    // Warm-up (JIT, SQLite page cache for the index), not timed.
    for (let k = 0; k < 3; k++) queryHistory(reopened, { tag: o.plant.tags[k]!.id, index: k, from, to, maxPoints: o.maxPoints }, to);
    const times: number[] = [];
    let points = 0;
    let source = '';
    let bytes = 0;
    for (let k = 0; k < o.queries; k++) {
      const index = Math.floor(rng.next() * o.plant.tags.length);
      const a = performance.now();
      const res = queryHistory(reopened, { tag: o.plant.tags[index]!.id, index, from, to, maxPoints: o.maxPoints }, to);
      const body = JSON.stringify({ ok: true, data: res });
      times.push(performance.now() - a);
      points = Math.max(points, res.t.length);
      source = res.source;
      bytes = body.length;
      if (res.samples < samples / o.plant.tags.length - 2) throw new Error(`query of ${res.tag} saw ${res.samples} samples, expected ${samples / o.plant.tags.length}`);
    }
    // Without tiers: the most points a request may ask for sends the whole range through the raw path.
    const rawTimes: number[] = [];
    let rawSamples = 0;
    for (let k = 0; k < Math.min(5, o.queries); k++) {
      const index = Math.floor(rng.next() * o.plant.tags.length);
      const a = performance.now();
      const res = queryHistory(reopened, { tag: o.plant.tags[index]!.id, index, from, to, maxPoints: HISTORY_MAX_POINTS }, to);
      JSON.stringify({ ok: true, data: res });
      rawTimes.push(performance.now() - a);
      rawSamples = res.samples;
      if (res.source !== 'raw') throw new Error(`expected the raw path, got ${res.source}`);
    }
    reopened.close();
    rawTimes.sort((x, y) => x - y);
    times.sort((x, y) => x - y);
    const query = {
      tags: o.plant.tags.length,
      rangeHours: o.hours,
      maxPoints: o.maxPoints,
      points,
      source,
      responseBytes: bytes,
      queries: o.queries,
      p50Ms: q(times, 0.5),
      p95Ms: q(times, 0.95),
      maxMs: q(times, 1),
      goalMs: 50,
    };
    const rawQuery = { tags: o.plant.tags.length, rangeHours: o.hours, maxPoints: HISTORY_MAX_POINTS, samplesDecoded: rawSamples, queries: rawTimes.length, p50Ms: q(rawTimes, 0.5), maxMs: q(rawTimes, 1) };
    return { ingest, query, rawQuery };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
