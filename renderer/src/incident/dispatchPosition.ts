import type { DispatchRecord } from '../../../shared/incident/resources';

/**
 * Where a dispatched unit is at time `now`: interpolated along its route polyline with the
 * cumulative seconds of `routeTimesS` from `departedAt` (docs/incidents.md: no position lane).
 * Before departure it is at the start, after the last time (or once arrived) at the end.
 * Writes x, y into `out` (no allocation: the map calls this every frame) and returns how far
 * along the route in time it is, 0…1.
 */
export function dispatchPositionAt(d: Pick<DispatchRecord, 'route' | 'routeTimesS' | 'departedAt' | 'state'>, now: number, out: { x: number; y: number }): number {
  const route = d.route;
  const times = d.routeTimesS;
  const n = Math.min(route.length, times.length);
  const last = n - 1;
  const total = times[last] ?? 0;
  const t = (now - d.departedAt) / 1000;
  if (n === 0) {
    out.x = 0;
    out.y = 0;
    return 0;
  }
  if (d.state === 'arrived' || d.state === 'done' || t >= total) {
    out.x = route[last]![0];
    out.y = route[last]![1];
    return 1;
  }
  if (t <= 0) {
    out.x = route[0]![0];
    out.y = route[0]![1];
    return 0;
  }
  // Binary search for the segment [k, k+1] holding t (times are non-decreasing).
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid;
  }
  const t0 = times[lo]!;
  const t1 = times[hi]!;
  const f = t1 > t0 ? (t - t0) / (t1 - t0) : 1;
  const a = route[lo]!;
  const b = route[hi]!;
  out.x = a[0] + (b[0] - a[0]) * f;
  out.y = a[1] + (b[1] - a[1]) * f;
  return total > 0 ? t / total : 1;
}

/** Dispatches still on the map: en route or on scene (cancelled and finished ones are not drawn). */
export function dispatchOnMap(d: Pick<DispatchRecord, 'state'>): boolean {
  return d.state === 'en_route' || d.state === 'arrived';
}
