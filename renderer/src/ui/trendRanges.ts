/** The trend's range buttons; '10m' is the live trend, the others come from the historian. */
export const TREND_RANGES = [
  { id: '10m', ms: 10 * 60_000 },
  { id: '1h', ms: 3_600_000 },
  { id: '8h', ms: 8 * 3_600_000 },
  { id: '24h', ms: 24 * 3_600_000 },
] as const;
export type TrendRange = (typeof TREND_RANGES)[number]['id'];

/** A long range is asked for again this often while it is shown, ms (one request each time). */
export const HISTORY_REFRESH_MS = 10_000;
