import type { HazardStats } from '../../../shared/hazard/model';

/**
 * Geometry of the daily reported/closed plot (pure, so it is tested without a canvas): one slot
 * per day, two bars in it, heights scaled to a rounded maximum.
 */
export interface DailyBars {
  yMax: number;
  /** Per day: x of the slot's left edge, its width, and the bar heights in px. */
  bars: { date: string; x: number; w: number; reported: number; closed: number }[];
}

/** A "nice" axis maximum ≥ v: 1, 2, 5 × 10^n (at least 1). */
export function niceMax(v: number): number {
  if (v <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function dailyBars(daily: HazardStats['daily'], width: number, height: number): DailyBars {
  const n = daily.length;
  const yMax = niceMax(Math.max(0, ...daily.map((d) => Math.max(d.reported, d.closed))));
  const slot = n > 0 ? width / n : width;
  const h = (v: number): number => (v / yMax) * height;
  return { yMax, bars: daily.map((d, i) => ({ date: d.date, x: i * slot, w: slot, reported: h(d.reported), closed: h(d.closed) })) };
}
