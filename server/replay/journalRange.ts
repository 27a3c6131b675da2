import type { JournalEvent } from '../../shared/state/events';
import type { JournalRepo } from '../store/types';

/**
 * Seq of the first event with time ≥ `t` (times never go backwards along seqs), by binary
 * search over seqs with one indexed read each (~25 reads for 30 M events); null when every
 * event is older. Gaps in seqs (a pruned journal start) are handled by `after`.
 */
export function firstSeqAtOrAfter(journal: JournalRepo, t: number): number | null {
  const first = journal.firstSeq();
  const last = journal.lastSeq();
  if (first === null || last === 0) return null;
  let lo = first;
  let hi = last;
  let best: number | null = null;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const e = journal.after(mid - 1, 1)[0];
    if (!e) {
      hi = mid - 1;
      continue;
    }
    if (e.time >= t) {
      best = e.seq;
      hi = mid - 1;
    } else lo = e.seq + 1;
  }
  return best;
}

/**
 * Events with `from` ≤ time ≤ `to` and seq > `after`, seq order, at most `limit`, read in pages;
 * `next` is the seq to pass as `after` for more (null when the range is exhausted). `keep`
 * filters without counting against the limit (markers).
 */
export function eventsInRange(
  journal: JournalRepo,
  q: { from: number; to: number; after?: number; limit: number; keep?: (e: JournalEvent) => boolean; maxScan?: number },
): { events: JournalEvent[]; next: number | null; scanned: number } {
  const start = firstSeqAtOrAfter(journal, q.from);
  if (start === null) return { events: [], next: null, scanned: 0 };
  let cursor = Math.max(start - 1, q.after ?? 0);
  const out: JournalEvent[] = [];
  let scanned = 0;
  const maxScan = q.maxScan ?? Infinity;
  for (;;) {
    const page = journal.after(cursor, 2000);
    if (page.length === 0) return { events: out, next: null, scanned };
    for (const e of page) {
      if (e.time > q.to) return { events: out, next: null, scanned };
      cursor = e.seq;
      scanned++;
      if (!q.keep || q.keep(e)) out.push(e);
      if (out.length >= q.limit || scanned >= maxScan) return { events: out, next: e.seq, scanned };
    }
  }
}
