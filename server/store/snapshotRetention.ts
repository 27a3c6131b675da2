/**
 * Which snapshots to keep (docs/historian.md "Snapshots"): state at an instant starts from the
 * newest snapshot at or before it, so snapshots spread over time bound how much journal a seek
 * reduces. Kept: the newest `keepNewest`; then one per `fineMs` (the first of each bucket) for
 * snapshots younger than `fineForMs`; one per `coarseMs` up to `retentionMs`; none older.
 * Ages are measured from the newest snapshot's time (no clock needed, deterministic).
 */
export interface SnapshotRetention {
  keepNewest: number;
  fineMs: number;
  fineForMs: number;
  coarseMs: number;
  retentionMs: number;
}

export const DEFAULT_SNAPSHOT_RETENTION: SnapshotRetention = {
  keepNewest: 5,
  fineMs: 5 * 60_000,
  fineForMs: 2 * 86_400_000,
  coarseMs: 3_600_000,
  retentionMs: 30 * 86_400_000,
};

/** Seqs of the snapshots to delete, given every snapshot's seq and time (any order). */
export function snapshotsToDrop(rows: readonly { seq: number; time: number }[], r: SnapshotRetention = DEFAULT_SNAPSHOT_RETENTION): number[] {
  if (rows.length <= r.keepNewest) return [];
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  const newest = sorted[sorted.length - 1]!.time;
  const keepFrom = sorted.length - r.keepNewest;
  const seen = new Set<string>();
  const drop: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    if (i >= keepFrom) continue;
    const age = newest - s.time;
    if (age > r.retentionMs) {
      drop.push(s.seq);
      continue;
    }
    const key = age <= r.fineForMs ? `f${Math.floor(s.time / r.fineMs)}` : `c${Math.floor(s.time / r.coarseMs)}`;
    if (seen.has(key)) drop.push(s.seq);
    else seen.add(key);
  }
  return drop;
}
