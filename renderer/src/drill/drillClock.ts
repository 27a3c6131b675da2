import type { DrillRecord } from '../../../shared/drill/scenario';

/**
 * Drill time (s since start, pauses excluded) at `now`: now − startedAt − pausedMs, minus the
 * current pause if paused, frozen at endedAt once over (shared/drill/scenario.ts DrillRecord).
 */
export function drillElapsedMs(d: DrillRecord, now: number): number {
  const at = d.endedAt ?? now;
  const pausing = d.pausedAt !== null ? Math.max(0, at - d.pausedAt) : 0;
  return Math.max(0, at - d.startedAt - d.pausedMs - pausing);
}

/** "h:mm:ss" or "m:ss" of a duration in ms (negative shows as 0). */
export function formatDrillClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
