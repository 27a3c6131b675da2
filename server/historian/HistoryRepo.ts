/**
 * Storage of the historian behind a small interface, so that the embedded SQLite store can give
 * way to PostgreSQL (time-partitioned tables) at scale without touching ingest or queries
 * (DESIGN.md, "Scale"). Synchronous like the rest of the store: better-sqlite3 is.
 */

/** Tier 0 holds raw samples; tiers 1 and 2 aggregate rows of 1 and 15 minutes. */
export const Tier = { Raw: 0, Minute: 1, Quarter: 2 } as const;
export type TierCode = (typeof Tier)[keyof typeof Tier];

/**
 * Longest time one chunk of each tier may cover (t_end − t_start). Writers never exceed it, and
 * readers rely on it to find the chunks that overlap a range with an index scan on t_start.
 */
export const MAX_CHUNK_SPAN_MS: Record<TierCode, number> = { 0: 86_400_000, 1: 7 * 86_400_000, 2: 92 * 86_400_000 };

export interface StoredChunk {
  /** The historian's own number for the tag (HistoryRepo.tagNumbers), not the plant index. */
  tag: number;
  tier: TierCode;
  /** First and last time the chunk covers, ms, inclusive. */
  tStart: number;
  tEnd: number;
  /** Samples the chunk represents (for tiers: usable + bad samples of its rows). */
  count: number;
  blob: Uint8Array;
}

export interface TierStats {
  chunks: number;
  samples: number;
  bytes: number;
}

export interface HistoryRepo {
  /**
   * The stable number of each tag id, in the order given; ids seen for the first time get new
   * numbers (kept for good). A plant edit that adds or reorders tags keeps every history.
   */
  tagNumbers(ids: readonly string[]): number[];
  /**
   * Time of the newest raw sample stored for each tag number (−1 for none): after a restart the
   * historian refuses samples not later than these, so a restarted source cannot duplicate them.
   */
  lastTimes(tags: readonly number[]): number[];
  /** Writes all chunks in one transaction: all are durable or none. */
  write(chunks: readonly StoredChunk[]): void;
  /** Chunks of one tag and tier that overlap [from, to], ordered by tStart. */
  read(tag: number, tier: TierCode, from: number, to: number): StoredChunk[];
  /** Sum of `count` over the chunks `read` would return (a chunk-granular upper bound). */
  count(tag: number, tier: TierCode, from: number, to: number): number;
  /** Deletes the chunks of `tier` that end before `before`; returns how many. */
  prune(tier: TierCode, before: number): number;
  /** The newest chunk of one tag and tier that starts at or before `t` (state at an instant), or null. */
  latestAtOrBefore(tag: number, tier: TierCode, t: number): StoredChunk | null;
  /** Write-ahead of open samples (docs/historian.md "Crash safety"): appends one row, returns its id. */
  walAppend(tWal: number, count: number, blob: Uint8Array): number;
  /** Every write-ahead row, oldest first. */
  walRead(): { id: number; tWal: number; blob: Uint8Array }[];
  /** Deletes write-ahead rows with id < `id` (every sample in them is in a written chunk). */
  walDeleteBefore(id: number): void;
  /** Totals per tier (a full scan: for benchmarks, tests and diagnostics, not the tick). */
  stats(): Record<TierCode, TierStats>;
  close(): void;
}
