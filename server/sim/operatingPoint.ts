import type { Tag } from '../../shared/plant/schema';

/**
 * Where a tag normally sits and how far it may move before an alarm. The simulator keeps
 * normal operation within about half of each margin, so a quiet plant raises no alarms.
 */
export interface OperatingBand {
  /** Normal operating value, tag units. */
  op: number;
  /** Distance from `op` up to the first upper limit (H, else HH, else range top). */
  up: number;
  /** Distance from `op` down to the first lower limit (L, else LL, else range bottom). */
  down: number;
}

// Where between the lower bound and the only alarm limit a tag sits when just one side is
// limited; vibration and speed run well below their trip, process values nearer the middle.
const upperOnlyFraction: Partial<Record<Tag['kind'], number>> = {
  vibration: 0.3,
  wind_speed: 0.2,
  speed: 0.8,
};

export function upperBound(t: Tag): number {
  return Math.min(t.limits.h ?? t.limits.hh ?? t.range.hi, t.range.hi);
}
export function lowerBound(t: Tag): number {
  return Math.max(t.limits.l ?? t.limits.ll ?? t.range.lo, t.range.lo);
}

/** The band rule for a tag with no usable design value. */
export function defaultOperatingPoint(t: Tag): number {
  const hi = upperBound(t);
  const lo = lowerBound(t);
  if (!(hi > lo)) return (t.range.lo + t.range.hi) / 2;
  const hasUpper = t.limits.h !== undefined || t.limits.hh !== undefined;
  const hasLower = t.limits.l !== undefined || t.limits.ll !== undefined;
  if (hasUpper && !hasLower) return lo + (upperOnlyFraction[t.kind] ?? 0.6) * (hi - lo);
  if (hasLower && !hasUpper) return lo + 0.4 * (hi - lo);
  return (lo + hi) / 2;
}

/**
 * A design value moved inside the tag's alarm limits, keeping at least 15 % of the span between
 * them on each limited side: a plant file that puts the design point on a limit must not make a
 * quiet plant alarm. A side without a limit may sit at the range edge (an ESD valve at 100 %).
 */
export function clampIntoBand(t: Tag, value: number): number {
  const hi = upperBound(t);
  const lo = lowerBound(t);
  if (!(hi > lo)) return (t.range.lo + t.range.hi) / 2;
  const pad = 0.15 * (hi - lo);
  const hasUpper = t.limits.h !== undefined || t.limits.hh !== undefined;
  const hasLower = t.limits.l !== undefined || t.limits.ll !== undefined;
  return Math.min(hasUpper ? hi - pad : hi, Math.max(hasLower ? lo + pad : lo, value));
}

/**
 * The band around `op`. A side with no alarm limit is bounded by the range only, which says
 * nothing about normal movement: it is capped at the limited side's margin so excursions stay
 * roughly symmetric (a cooling-water temperature with only an H limit does not swing 40 °C down).
 */
export function bandAround(t: Tag, op: number): OperatingBand {
  const tiny = 1e-6 * Math.max(1, Math.abs(t.range.hi - t.range.lo));
  let up = Math.max(tiny, upperBound(t) - op);
  let down = Math.max(tiny, op - lowerBound(t));
  const hasUpper = t.limits.h !== undefined || t.limits.hh !== undefined;
  const hasLower = t.limits.l !== undefined || t.limits.ll !== undefined;
  if (hasUpper && !hasLower) down = Math.min(down, up);
  if (hasLower && !hasUpper) up = Math.min(up, down);
  return { op, up, down };
}

/**
 * A tag whose operating point sits on an edge of its range is in a discrete state — a stopped
 * stand-by pump at 0 rpm, an ESD valve fully open at 100 %, a line with no flow — and holds it.
 */
export function atRangeEdge(t: Tag, op: number): boolean {
  return op <= t.range.lo || op >= t.range.hi;
}

/** True when `value` is strictly inside the tag's limits with some room (for sharing a design value). */
export function insideBand(t: Tag, value: number): boolean {
  const hi = upperBound(t);
  const lo = lowerBound(t);
  const pad = 0.1 * (hi - lo);
  return value > lo + pad && value < hi - pad;
}
