import { decodeAggregateChunk } from '../../shared/historian/aggregateChunk';
import { AggregateRows } from '../../shared/historian/AggregateRows';
import { ChunkFormatError } from '../../shared/historian/BitReader';
import { aggregateSamples, rebucketRows } from '../../shared/historian/buckets';
import type { History, HistorySource } from '../../shared/historian/historySchema';
import { decodeSampleChunk, type SampleColumns } from '../../shared/historian/sampleChunk';
import type { Historian } from './Historian';
import { Tier, type StoredChunk, type TierCode } from './HistoryRepo';
import { TIER_SPECS } from './historianOptions';
import { SeriesBuffer } from './SeriesBuffer';

export interface HistoryRequest {
  tag: string;
  /** Plant tag index. */
  index: number;
  /** ms, inclusive; from ≤ to. */
  from: number;
  to: number;
  maxPoints: number;
}

/**
 * Answers a history request from sealed chunks, chunks sealed but not yet written, and open
 * data, returning at most `maxPoints` points:
 *
 * - the range holds at most maxPoints samples: all of them (`kind: 'raw'`);
 * - else buckets keeping first/min/max/last/mean, from the cheapest source that can answer:
 *   the 15-minute tier when a bucket would span 15 minutes or more, the 1-minute tier from one
 *   minute, raw samples below that (or when raw data is needed and kept). Buckets made from a
 *   tier are whole multiples of its width, aligned to it, so min and max are exact; the range's
 *   edges are rounded out to the tier's buckets. Ranges older than a tier's retention go to the
 *   next coarser tier.
 */
export function queryHistory(h: Historian, req: HistoryRequest, now: number): History {
  const { from, to, maxPoints } = req;
  const ideal = (to - from + 1) / maxPoints;
  let k = -1;
  for (let s = 0; s < TIER_SPECS.length; s++) if (ideal >= TIER_SPECS[s]!.widthMs) k = s;
  // A range that reaches past what a finer source keeps needs a coarser one.
  if (k < 0 && from < h.horizon(Tier.Raw, now)) k = 0;
  while (k >= 0 && k < TIER_SPECS.length - 1 && from < h.horizon(TIER_SPECS[k]!.tier, now)) k++;
  // Few samples in a long range (a slow tag): raw is cheaper and exact.
  if (k >= 0 && from >= h.horizon(Tier.Raw, now) && countRaw(h, req) <= maxPoints) k = -1;
  const base = { tag: req.tag, index: req.index, from, to, maxPoints };
  if (k < 0) {
    const s = collectRaw(h, req);
    if (s.count <= maxPoints) {
      const t: number[] = new Array<number>(s.count);
      const value: (number | null)[] = new Array<number | null>(s.count);
      const quality: number[] = new Array<number>(s.count);
      for (let i = 0; i < s.count; i++) {
        t[i] = s.times[i]!;
        value[i] = finiteOrNull(s.values[i]!);
        quality[i] = s.quality[i]!;
      }
      return { ...base, source: 'raw', samples: s.count, kind: 'raw', t, value, quality };
    }
    const rows = new AggregateRows(Math.ceil((to - from + 1) / maxPoints), maxPoints);
    aggregateSamples(s, from, to, from, rows);
    return bucketsBody(base, 'raw', rows);
  }
  const spec = TIER_SPECS[k]!;
  const w = spec.widthMs;
  const lo = Math.floor(from / w) * w;
  const span = Math.floor(to / w) * w + w - lo;
  const bucketMs = Math.ceil(span / (w * maxPoints)) * w;
  const rows = collectTier(h, req, k, lo);
  const out = new AggregateRows(bucketMs, Math.min(maxPoints, rows.length));
  rebucketRows(rows, lo, to, lo, out);
  return bucketsBody(base, spec.source, out);
}

function bucketsBody(base: Omit<History, 'kind' | 't' | 'source' | 'samples'>, source: HistorySource, rows: AggregateRows): History {
  const len = rows.length;
  let samples = 0;
  const col = (a: Float64Array): (number | null)[] => {
    const out = new Array<number | null>(len);
    for (let i = 0; i < len; i++) out[i] = finiteOrNull(a[i]!);
    return out;
  };
  const ints = (a: Float64Array): number[] => Array.from(a.subarray(0, len));
  for (let i = 0; i < len; i++) samples += rows.n[i]! + rows.bad[i]!;
  return {
    ...base,
    source,
    samples,
    kind: 'buckets',
    bucketMs: rows.widthMs,
    t: ints(rows.start),
    first: col(rows.first),
    min: col(rows.min),
    max: col(rows.max),
    last: col(rows.last),
    avg: col(rows.avg),
    n: ints(rows.n),
    bad: ints(rows.bad),
  };
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

const overlaps = (c: StoredChunk, from: number, to: number): boolean => c.tStart <= to && c.tEnd >= from;

/** Sealed (written or pending) chunks of one tag and tier overlapping [from, to], oldest first. */
function chunks(h: Historian, num: number, tier: TierCode, from: number, to: number): StoredChunk[] {
  return [...h.repo.read(num, tier, from, to), ...h.pendingChunks(num, tier).filter((c) => overlaps(c, from, to))];
}

/** Samples the range may hold, counted by whole chunks (an upper bound), plus open samples in it. */
function countRaw(h: Historian, req: HistoryRequest): number {
  const { num, open } = h.sources(req.index);
  let n = h.repo.count(num, Tier.Raw, req.from, req.to);
  for (const c of h.pendingChunks(num, Tier.Raw)) if (overlaps(c, req.from, req.to)) n += c.count;
  for (let i = 0; i < open.count; i++) if (open.times[i]! >= req.from && open.times[i]! <= req.to) n++;
  return n;
}

/** Raw samples in [from, to] in time order (a sample not later than the one before is skipped). */
function collectRaw(h: Historian, req: HistoryRequest): SampleColumns {
  const { num, open } = h.sources(req.index);
  const out = new SeriesBuffer(256);
  let lastT = -Infinity;
  const add = (s: SampleColumns): void => {
    for (let i = 0; i < s.count; i++) {
      const t = s.times[i]!;
      if (t < req.from || t > req.to || t <= lastT) continue;
      out.push(t, s.values[i]!, s.quality[i]!);
      lastT = t;
    }
  };
  for (const c of chunks(h, num, Tier.Raw, req.from, req.to)) {
    const s = decodeOrSkip(c, decodeSampleChunk);
    if (s) add(s);
  }
  add(open);
  return out;
}

/**
 * Rows of TIER_SPECS[k] whose bucket starts in [lo, to]: sealed and pending tier chunks, the
 * open rows, and the open raw samples folded on the fly. Rows of the same bucket (a bucket
 * split by a restart or still open) are merged.
 */
function collectTier(h: Historian, req: HistoryRequest, k: number, lo: number): AggregateRows {
  const spec = TIER_SPECS[k]!;
  const { num, open, rows: openRows } = h.sources(req.index);
  const out = new AggregateRows(spec.widthMs, 64);
  const add = (rows: AggregateRows): void => {
    for (let j = 0; j < rows.length; j++) {
      const s = rows.start[j]!;
      if (s < lo || s > req.to || (out.length > 0 && s < out.start[out.length - 1]!)) continue;
      out.appendOrMerge(rows, j);
    }
  };
  for (const c of chunks(h, num, spec.tier, lo, req.to)) {
    const rows = decodeOrSkip(c, decodeAggregateChunk);
    if (rows) add(rows);
  }
  add(openRows[k]!);
  const tail = new AggregateRows(spec.widthMs, 16);
  aggregateSamples(open, lo, req.to, 0, tail);
  add(tail);
  return out;
}

/** Corrupt chunks reported so far (the first few are logged; a damaged file must not flood the log). */
let corruptReported = 0;
function decodeOrSkip<T>(c: StoredChunk, decode: (b: Uint8Array) => T): T | null {
  try {
    return decode(c.blob);
  } catch (err) {
    if (!(err instanceof ChunkFormatError)) throw err;
    // A corrupt chunk loses its own samples, not the whole trend.
    if (corruptReported++ < 20) console.error(`historian: skipping a corrupt chunk (tag ${c.tag}, tier ${c.tier}, ${c.tStart}…${c.tEnd}): ${err.message}`);
    return null;
  }
}
