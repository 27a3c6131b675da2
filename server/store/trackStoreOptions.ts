/**
 * Options shared by the time-chunked track stores (people's positions, robots' tracks): fixes
 * gather in an open chunk per subject, seal into a blob, wait in memory and are written in one
 * transaction every `flushMs`; retention deletes old chunks.
 */
export interface TrackStoreOptions {
  /** A subject's open chunk seals when a fix reaches the end of its window of this length, ms (staggered per subject). */
  chunkMs: number;
  /** …or when it holds this many fixes. */
  chunkMaxFixes: number;
  /** Sealed chunks are written (one transaction) at most this often, ms of the injected clock. */
  flushMs: number;
  /** Retention is enforced this often (and at the first tick), ms. */
  pruneEveryMs: number;
  /** Fixes older than this are deleted, ms (`--retention-days`). */
  retentionMs: number;
  /** Sealed chunks held in memory while the database refuses writes; the oldest go beyond this. */
  maxPending: number;
}

/** Checks every option's range (a chunk may span at most `maxSpanMs`); throws a RangeError naming the store and the option. */
export function checkTrackStoreOptions(store: string, o: TrackStoreOptions, maxSpanMs: number): TrackStoreOptions {
  const bad = (name: string, v: number, lo: number, hi: number): void => {
    if (!(Number.isFinite(v) && v >= lo && v <= hi)) throw new RangeError(`${store} option ${name} = ${v} is outside [${lo}, ${hi}]`);
  };
  bad('chunkMs', o.chunkMs, 1000, maxSpanMs);
  bad('chunkMaxFixes', o.chunkMaxFixes, 2, 65_536);
  bad('flushMs', o.flushMs, 0, 3_600_000);
  bad('pruneEveryMs', o.pruneEveryMs, 1000, 86_400_000 * 30);
  bad('retentionMs', o.retentionMs, 60_000, 86_400_000 * 36_500);
  bad('maxPending', o.maxPending, 1, 10_000_000);
  return o;
}
