import { z } from 'zod';

/**
 * Contract of `GET /api/v1/tags/:id/history?from&to&maxPoints` (docs/protocol.md, "Tag
 * history"). Times are ms since the epoch, both ends inclusive.
 */
export const HISTORY_DEFAULT_POINTS = 1000;
/** Larger requests are clamped to this (the response says which maxPoints applied). */
export const HISTORY_MAX_POINTS = 10_000;
/** Default range when `from` is left out: the hour before `to`. */
export const HISTORY_DEFAULT_RANGE_MS = 3_600_000;
/** Longest range one request may span (about 20 years). */
export const HISTORY_MAX_RANGE_MS = 20 * 366 * 86_400_000;

export function historyPath(tagId: string): string {
  return `/api/v1/tags/${encodeURIComponent(tagId)}/history`;
}

const epochMs = z.coerce.number().int().min(0).max(8.64e15);

export const historyQuerySchema = z
  .object({
    from: epochMs.optional(),
    to: epochMs.optional(),
    maxPoints: z.coerce.number().int().min(1).optional(),
  })
  .strict();
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/** Where the points came from: raw samples, or the 1-minute or 15-minute tier. */
export const historySourceSchema = z.enum(['raw', '1m', '15m']);
export type HistorySource = z.infer<typeof historySourceSchema>;

const base = {
  tag: z.string(),
  index: z.number().int(),
  from: z.number(),
  to: z.number(),
  /** The maxPoints that applied (after the default and the cap). */
  maxPoints: z.number().int(),
  source: historySourceSchema,
  /** Samples the range holds (summed over buckets: usable + bad). */
  samples: z.number().int(),
};
const values = z.array(z.number().nullable());

/** The range holds at most maxPoints samples: every one of them. `value` null for NaN/±Infinity. */
export const historyRawSchema = z.object({
  ...base,
  kind: z.literal('raw'),
  t: z.array(z.number()),
  value: values,
  quality: z.array(z.number().int()),
});

/**
 * More samples than maxPoints: buckets of `bucketMs` starting at `t[i]`, each with the first,
 * min, max, last and mean of its usable samples (quality Good/Uncertain, finite value; null when
 * it had none), `n` usable and `bad` left-out samples. Min and max keep one-sample spikes.
 * Buckets with no samples at all are left out.
 */
export const historyBucketsSchema = z.object({
  ...base,
  kind: z.literal('buckets'),
  bucketMs: z.number().int().positive(),
  t: z.array(z.number()),
  first: values,
  min: values,
  max: values,
  last: values,
  avg: values,
  n: z.array(z.number().int()),
  bad: z.array(z.number().int()),
});

export const historySchema = z.discriminatedUnion('kind', [historyRawSchema, historyBucketsSchema]);
export type History = z.infer<typeof historySchema>;
export type HistoryRaw = z.infer<typeof historyRawSchema>;
export type HistoryBuckets = z.infer<typeof historyBucketsSchema>;
