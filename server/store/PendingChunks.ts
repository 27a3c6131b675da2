import type { TrackStoreOptions } from './trackStoreOptions';

/** Where sealed chunks go (a SQLite repo; a fake in tests). */
export interface ChunkSink<C> {
  /** Writes chunks in one transaction (all or none). */
  write(chunks: readonly C[]): void;
  /** Deletes the chunks that end before `before`; returns how many. */
  prune(before: number): number;
}

/** The counters a track store reports for its writing (the store's own stats object). */
export interface PendingStats {
  sealed: number;
  written: number;
  writeErrors: number;
  droppedPending: number;
  pruned: number;
  pruneErrors: number;
}

/**
 * Sealed chunks of a time-chunked track store (people's positions, robots' tracks) waiting to be
 * written: kept in memory, written in one transaction every `flushMs`, retried while the
 * database refuses (the oldest dropped beyond `maxPending`, counted), retention every
 * `pruneEveryMs`. Errors are counted and logged once per run of failures, never thrown: the
 * tick that records must not fail because of history.
 */
export class PendingChunks<C> {
  /** Oldest first; queries read them like stored chunks. */
  items: C[] = [];
  private lastFlush = -Infinity;
  private lastPrune = -Infinity;

  constructor(
    private readonly sink: ChunkSink<C>,
    private readonly o: TrackStoreOptions,
    private readonly stats: PendingStats,
    /** What the store keeps, for log lines: English and Chinese. */
    private readonly what: { en: string; zh: string },
  ) {}

  add(chunk: C): void {
    this.items.push(chunk);
    this.stats.sealed++;
    if (this.items.length > this.o.maxPending) {
      const drop = this.items.length - this.o.maxPending;
      this.items.splice(0, drop);
      this.stats.droppedPending += drop;
    }
  }

  /** True once every `flushMs` of `now` (the caller then seals the windows that ended and calls `flushAndPrune`). */
  due(now: number): boolean {
    if (now - this.lastFlush < this.o.flushMs) return false;
    this.lastFlush = now;
    return true;
  }

  flushAndPrune(now: number): void {
    this.flush();
    if (now - this.lastPrune < this.o.pruneEveryMs) return;
    this.lastPrune = now;
    try {
      this.stats.pruned += this.sink.prune(now - this.o.retentionMs);
    } catch (err) {
      if (this.stats.pruneErrors++ === 0) console.error(`${this.what.en}: retention failed / ${this.what.zh}清理失败:`, err);
    }
  }

  flush(): void {
    if (this.items.length === 0) return;
    try {
      this.sink.write(this.items);
      this.stats.written += this.items.length;
      this.items = [];
    } catch (err) {
      // Kept for the next flush.
      if (this.stats.writeErrors++ === 0) console.error(`${this.what.en}: write failed, will retry / ${this.what.zh}写入失败，稍后重试:`, err);
    }
  }
}
