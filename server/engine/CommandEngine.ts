import type { EventBody, JournalEvent } from '../../shared/state/events';
import { initialState, reduce, reduceAll, type CommandState } from '../../shared/state/reducer';
import type { Clock } from '../../shared/util/clock';
import type { JournalRepo, SnapshotRepo } from '../store/types';

export type EventListener = (e: JournalEvent) => void;
/** Called once per append (one event or a whole batch), after every per-event listener. */
export type BatchListener = (events: readonly JournalEvent[]) => void;

/** One event to append: what happened and who did it (user name, or "system"). */
export interface PendingEvent {
  body: EventBody;
  actor: string;
}

export interface SnapshotPolicy {
  /** Snapshot after this many events since the last one. */
  everyEvents: number;
  /** …or when this long has passed and something changed. */
  everyMs: number;
  /**
   * …but never sooner than this after the previous one: in an alarm flood thousands of events
   * arrive every tick, and a snapshot of a state holding 10,000 alarms costs ~100 ms. Default 0.
   */
  minIntervalMs?: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = { everyEvents: 500, everyMs: 60_000, minIntervalMs: 5000 };

/** Append statistics since start (the largest batch is what an alarm flood costs). */
export interface AppendStats {
  batches: number;
  events: number;
  largestBatch: { events: number; ms: number };
  slowestBatch: { events: number; ms: number };
}
const REPLAY_PAGE = 1000;

/**
 * Owns the authoritative CommandState. Every change goes: append to the journal (durable, with
 * its seq) → reduce → notify listeners in seq order. Nothing else mutates the state, so what
 * consoles rebuild from the journal is exactly what the server holds.
 */
export class CommandEngine {
  private current: CommandState;
  private readonly listeners = new Set<EventListener>();
  private readonly batchListeners = new Set<BatchListener>();
  private lastSnapshotSeq: number;
  private lastSnapshotAt: number;
  private appending = false;
  readonly stats: AppendStats = { batches: 0, events: 0, largestBatch: { events: 0, ms: 0 }, slowestBatch: { events: 0, ms: 0 } };

  private constructor(
    private readonly journal: JournalRepo,
    private readonly snapshots: SnapshotRepo,
    private readonly clock: Clock,
    private readonly policy: SnapshotPolicy,
    state: CommandState,
    snapshotSeq: number,
  ) {
    this.current = state;
    this.lastSnapshotSeq = snapshotSeq;
    this.lastSnapshotAt = clock.now();
  }

  /**
   * Rebuilds the state from the newest snapshot plus the journal after it (or the whole
   * journal). Throws when the journal has a gap that no snapshot covers.
   */
  static open(repos: { journal: JournalRepo; snapshots: SnapshotRepo }, clock: Clock, policy = DEFAULT_SNAPSHOT_POLICY): CommandEngine {
    const last = repos.journal.lastSeq();
    let snap = repos.snapshots.latest();
    if (snap && snap.seq > last) snap = null; // a snapshot ahead of the journal can't be trusted
    let state = snap ? snap.state : initialState();
    if (!snap) {
      const first = repos.journal.firstSeq();
      if (first !== null && first !== 1) throw new Error(`journal starts at seq ${first} and there is no snapshot to start from`);
    }
    for (;;) {
      const page = repos.journal.after(state.seq, REPLAY_PAGE);
      if (page.length === 0) break;
      for (const e of page) state = reduce(state, e);
    }
    if (state.seq !== last) throw new Error(`journal replay stopped at seq ${state.seq}, journal ends at ${last}`);
    return new CommandEngine(repos.journal, repos.snapshots, clock, policy, state, snap?.seq ?? 0);
  }

  get state(): CommandState {
    return this.current;
  }

  get seq(): number {
    return this.current.seq;
  }

  /**
   * Appends one event and applies it; returns it with its seq. Event times never go backwards.
   * Appending from inside a listener is refused, so that every listener sees events in seq order.
   */
  append(body: EventBody, actor: string, at?: number): JournalEvent {
    return this.appendBatch([{ body, actor }], at)[0]!;
  }

  /**
   * The time the next event would be journaled at now. A service that records an instant in a
   * payload (a drill's start) reads it here and passes it to `append(…, at)`, so the payload and
   * the event's own time agree to the ms: replay at that instant then includes the event.
   */
  nextTime(): number {
    return Math.max(this.clock.now(), this.current.time);
  }

  /**
   * Appends a batch in one journal transaction (all or nothing), reduces it in one pass
   * (`reduceAll` copies each state map once) and then notifies: every per-event listener for
   * each event in seq order, then each batch listener once with the whole batch. All events
   * of a batch share one time (`at` if given, never before the last event). An empty batch does
   * nothing.
   */
  appendBatch(items: readonly PendingEvent[], at?: number): JournalEvent[] {
    if (items.length === 0) return [];
    if (this.appending) throw new Error('append() called from an event listener; append after it returns');
    this.appending = true;
    const started = performance.now();
    try {
      const time = Math.max(at ?? this.clock.now(), this.current.time);
      const events = this.journal.appendMany(this.current.seq + 1, time, items);
      this.current = reduceAll(this.current, events);
      for (const l of this.listeners) {
        for (const e of events) {
          try {
            l(e);
          } catch (err) {
            console.error('event listener failed:', err);
          }
        }
      }
      for (const l of this.batchListeners) {
        try {
          l(events);
        } catch (err) {
          console.error('batch listener failed:', err);
        }
      }
      this.count(events.length, performance.now() - started);
      return events;
    } finally {
      this.appending = false;
    }
  }

  private count(n: number, ms: number): void {
    const s = this.stats;
    s.batches++;
    s.events += n;
    if (n >= s.largestBatch.events) s.largestBatch = { events: n, ms };
    if (ms >= s.slowestBatch.ms) s.slowestBatch = { events: n, ms };
  }

  /** Per-event listener, called in seq order after the event is durable and reduced. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Batch listener (the socket gateway broadcasts a batch as few messages). */
  onBatch(listener: BatchListener): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  /** Events of one type with `from` ≤ time < `to`, seq > `after`, oldest first (alarm journal). */
  eventsInTime(type: EventBody['type'], from: number, to: number, after: number, limit: number): JournalEvent[] {
    return this.journal.byTypeInTime(type, from, to, after, limit);
  }

  /**
   * Events after `seq` when the journal still holds all of them and there are at most
   * `limit`; null when the caller must start over from a snapshot instead.
   */
  eventsAfter(seq: number, limit: number): JournalEvent[] | null {
    if (seq > this.current.seq) return null;
    if (seq === this.current.seq) return [];
    if (this.current.seq - seq > limit) return null;
    const first = this.journal.firstSeq();
    if (first === null || first > seq + 1) return null;
    return this.journal.after(seq, limit);
  }

  /** A page of the journal for `GET /journal`: events with seq > `after`, oldest first. */
  eventsPage(after: number, limit: number): JournalEvent[] {
    return this.journal.after(after, limit);
  }

  /** Writes a snapshot when the policy says so; returns whether it did. */
  maybeSnapshot(): boolean {
    const since = this.current.seq - this.lastSnapshotSeq;
    if (since <= 0) return false;
    const elapsed = this.clock.now() - this.lastSnapshotAt;
    if (elapsed < (this.policy.minIntervalMs ?? 0)) return false;
    if (since >= this.policy.everyEvents || elapsed >= this.policy.everyMs) {
      this.snapshotNow();
      return true;
    }
    return false;
  }

  snapshotNow(): void {
    if (this.current.seq === this.lastSnapshotSeq) return;
    this.snapshots.save({ seq: this.current.seq, time: this.current.time, state: this.current });
    this.lastSnapshotSeq = this.current.seq;
    this.lastSnapshotAt = this.clock.now();
  }
}
