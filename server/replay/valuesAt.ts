import { ChunkFormatError } from '../../shared/historian/BitReader';
import { decodeSampleChunk, type SampleColumns } from '../../shared/historian/sampleChunk';
import type { Historian } from '../historian/Historian';
import { Tier } from '../historian/HistoryRepo';

export interface ValuesAt {
  tags: number;
  value: (number | null)[];
  quality: number[];
  /** Time of the sample used, null when the historian holds none at or before the instant. */
  t: (number | null)[];
}

/**
 * Decoded stored chunks, per historian, newest use last: a console playing forward asks for
 * frames seconds apart, which fall in the same 5-minute chunks. Stored chunks never change
 * (a restart writes new ones), so entries never go stale; at most two chunks a tag are kept.
 */
const decoded = new WeakMap<Historian, Map<string, SampleColumns>>();

function decodeCached(h: Historian, num: number, chunk: string, blob: Uint8Array): SampleColumns {
  let cache = decoded.get(h);
  if (!cache) decoded.set(h, (cache = new Map()));
  const key = `${num}:${chunk}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const s = decodeSampleChunk(blob);
  cache.set(key, s);
  if (cache.size > 2 * h.tagCount) cache.delete(cache.keys().next().value!);
  return s;
}

/** Index of the last time ≤ t in sorted `times[0..count)`, −1 if none. */
function lastAtOrBefore(times: ArrayLike<number>, count: number, t: number): number {
  let lo = 0;
  let hi = count - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * Every tag's latest sample at or before `at`, in plant tag order, from the historian: the
 * tag's open buffer, then its sealed chunks not yet written, then the newest stored raw chunk
 * starting at or before `at` (one indexed read per tag). Quality 0 with a null value and time
 * means no sample held (before the history starts, or past raw retention).
 */
export function valuesAt(h: Historian, at: number): ValuesAt {
  const n = h.tagCount;
  const out: ValuesAt = { tags: n, value: new Array<number | null>(n).fill(null), quality: new Array<number>(n).fill(0), t: new Array<number | null>(n).fill(null) };
  const take = (i: number, times: ArrayLike<number>, values: ArrayLike<number>, quality: ArrayLike<number>, count: number): boolean => {
    const k = lastAtOrBefore(times, count, at);
    if (k < 0) return false;
    const v = values[k]!;
    out.value[i] = Number.isFinite(v) ? v : null;
    out.quality[i] = quality[k]!;
    out.t[i] = times[k]!;
    return true;
  };
  const pendingByTag = h.pendingRawByTag();
  for (let i = 0; i < n; i++) {
    const src = h.sources(i);
    const open = src.open;
    if (open.count > 0 && open.times[0]! <= at && take(i, open.times, open.values, open.quality, open.count)) continue;
    const pending = pendingByTag.get(src.num) ?? [];
    let done = false;
    for (let c = pending.length - 1; c >= 0 && !done; c--) {
      const ch = pending[c]!;
      if (ch.tStart > at) continue;
      const s = decodeSampleChunk(ch.blob);
      done = take(i, s.times, s.values, s.quality, s.count);
    }
    if (done) continue;
    const stored = h.repo.latestAtOrBefore(src.num, Tier.Raw, at);
    if (!stored) continue;
    try {
      const s = decodeCached(h, src.num, `${stored.tStart}:${stored.count}`, stored.blob);
      take(i, s.times, s.values, s.quality, s.count);
    } catch (err) {
      if (!(err instanceof ChunkFormatError)) throw err;
    }
  }
  return out;
}
