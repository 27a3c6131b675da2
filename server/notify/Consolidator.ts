/**
 * Burst consolidation per recipient (分级预警 "consolidation of bursts"). Within any window of
 * `windowMs` a recipient gets at most `maxSingles` single notices; what is beyond the quota in
 * one tick goes out at once as ONE consolidated notice, and further overflow inside the same
 * window waits in a buffer that is flushed as one consolidated notice when the window of the
 * last consolidated notice ends. Keyed by recipient and escalation step, so a consolidated
 * notice never mixes first notices with escalations. Pure bookkeeping: time comes in as `now`.
 */

export interface Notice<A> {
  recipient: string;
  step: number;
  items: A[];
  consolidated: boolean;
}

interface Box<A> {
  recipient: string;
  step: number;
  /** When the last consolidated notice went out. */
  lastConsolidatedAt: number;
  buffer: A[];
}

export class Consolidator<A> {
  /** Per recipient: times of singles sent, oldest first (pruned to the window). */
  private readonly singles = new Map<string, number[]>();
  private readonly boxes = new Map<string, Box<A>>();

  constructor(
    private readonly windowMs: number,
    private readonly maxSingles: number,
  ) {}

  private box(recipient: string, step: number): Box<A> {
    const key = `${recipient}\u0000${step}`;
    let b = this.boxes.get(key);
    if (!b) {
      b = { recipient, step, lastConsolidatedAt: -Infinity, buffer: [] };
      this.boxes.set(key, b);
    }
    return b;
  }

  /** Notices for `items` to `recipient` at step `step` now; what overflows may be held back. */
  offer(recipient: string, step: number, items: readonly A[], now: number): Notice<A>[] {
    if (items.length === 0) return [];
    const sent = (this.singles.get(recipient) ?? []).filter((t) => now - t < this.windowMs);
    this.singles.set(recipient, sent);
    const quota = Math.max(0, this.maxSingles - sent.length);
    const out: Notice<A>[] = [];
    const singles = items.slice(0, quota);
    for (const a of singles) {
      sent.push(now);
      out.push({ recipient, step, items: [a], consolidated: false });
    }
    const rest = items.slice(quota);
    if (rest.length === 0) return out;
    const b = this.box(recipient, step);
    if (now - b.lastConsolidatedAt >= this.windowMs && b.buffer.length === 0) {
      b.lastConsolidatedAt = now;
      out.push({ recipient, step, items: [...rest], consolidated: true });
    } else b.buffer.push(...rest);
    return out;
  }

  /** Buffered overflow whose window has ended, as consolidated notices. */
  flush(now: number): Notice<A>[] {
    const out: Notice<A>[] = [];
    for (const b of this.boxes.values()) {
      if (b.buffer.length === 0 || now - b.lastConsolidatedAt < this.windowMs) continue;
      b.lastConsolidatedAt = now;
      out.push({ recipient: b.recipient, step: b.step, items: b.buffer, consolidated: true });
      b.buffer = [];
    }
    return out;
  }

  /** Drops buffered items that no longer need telling (acknowledged, cleared…). */
  forget(keep: (a: A) => boolean): void {
    for (const b of this.boxes.values()) if (b.buffer.length > 0) b.buffer = b.buffer.filter(keep);
  }
}
