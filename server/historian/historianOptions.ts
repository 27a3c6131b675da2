import type { HistorySource } from '../../shared/historian/historySchema';
import { DEFAULT_SPAN_BITS } from '../../shared/historian/quantum';
import { MAX_CHUNK_SPAN_MS, Tier, type TierCode } from './HistoryRepo';

/** Days each tier is kept. */
export interface RetentionDays {
  raw: number;
  minute: number;
  quarter: number;
}

export interface HistorianOptions {
  /** A tag's open chunk seals when a sample reaches the end of its window of this length, ms. */
  chunkMs: number;
  /** …or when it holds this many samples (a fast tag). */
  chunkMaxSamples: number;
  /** Sealed chunks are written (one transaction) at most this often, ms of the injected clock. */
  flushMs: number;
  /** Retention is enforced this often, ms of the injected clock (and once at start). */
  pruneEveryMs: number;
  retention: RetentionDays;
  /** Values are kept to 2^-spanBits of each tag's range (shared/historian/quantum.ts). */
  spanBits: number;
  /** Sealed chunks held in memory while the database refuses writes; the oldest go beyond this. */
  maxPending: number;
  /**
   * Write-ahead of open samples every this many ms of the injected clock (0: none): a kill -9
   * then loses at most this much (docs/historian.md "Crash safety").
   */
  walMs: number;
}

export const DEFAULT_RETENTION_DAYS = 30;

/** Raw samples for `rawDays`; the 1-minute tier 12 times, the 15-minute tier 120 times as long. */
export function retentionFor(rawDays: number): RetentionDays {
  return { raw: rawDays, minute: rawDays * 12, quarter: rawDays * 120 };
}

export const DEFAULT_HISTORIAN_OPTIONS: HistorianOptions = {
  chunkMs: 300_000,
  chunkMaxSamples: 1024,
  flushMs: 10_000,
  pruneEveryMs: 3_600_000,
  retention: retentionFor(DEFAULT_RETENTION_DAYS),
  spanBits: DEFAULT_SPAN_BITS,
  maxPending: 200_000,
  walMs: 2000,
};

/** A downsampled tier: bucket width, and how long one of its chunks may grow before it seals. */
export interface TierSpec {
  tier: TierCode;
  widthMs: number;
  chunkMs: number;
  source: HistorySource;
  retentionDays: (r: RetentionDays) => number;
}

export const TIER_SPECS: readonly TierSpec[] = [
  { tier: Tier.Minute, widthMs: 60_000, chunkMs: 1_800_000, source: '1m', retentionDays: (r) => r.minute },
  { tier: Tier.Quarter, widthMs: 900_000, chunkMs: 6 * 3_600_000, source: '15m', retentionDays: (r) => r.quarter },
];

/** Merges overrides onto the defaults and checks them; throws RangeError naming the bad option. */
export function resolveHistorianOptions(o: Partial<HistorianOptions> = {}): HistorianOptions {
  const r: HistorianOptions = { ...DEFAULT_HISTORIAN_OPTIONS, ...o, retention: { ...DEFAULT_HISTORIAN_OPTIONS.retention, ...o.retention } };
  const check = (name: string, v: number, lo: number, hi: number): void => {
    if (!Number.isFinite(v) || v < lo || v > hi) throw new RangeError(`historian option ${name} must be from ${lo} to ${hi} (got ${v})`);
  };
  check('chunkMs', r.chunkMs, 1000, MAX_CHUNK_SPAN_MS[Tier.Raw]);
  check('chunkMaxSamples', r.chunkMaxSamples, 1, 1 << 20);
  check('flushMs', r.flushMs, 0, 3_600_000);
  check('pruneEveryMs', r.pruneEveryMs, 1000, 86_400_000 * 7);
  check('retention.raw', r.retention.raw, 0.001, 36_500);
  check('retention.minute', r.retention.minute, r.retention.raw, 365_000);
  check('retention.quarter', r.retention.quarter, r.retention.minute, 3_650_000);
  check('spanBits', r.spanBits, 0, 40);
  check('maxPending', r.maxPending, 1, 10_000_000);
  check('walMs', r.walMs, 0, 600_000);
  return r;
}
