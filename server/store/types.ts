import type { EventBody, JournalEvent } from '../../shared/state/events';
import type { CommandState } from '../../shared/state/reducer';
import type { Role } from '../../shared/protocol/roles';

/**
 * Storage behind small repository interfaces, so that the embedded SQLite store can be
 * replaced by PostgreSQL at scale (DESIGN.md, "Scale") without touching the engine.
 * All methods are synchronous: better-sqlite3 is, and the engine relies on an append being
 * durable before the event is reduced and broadcast.
 */

export interface JournalRepo {
  /**
   * Appends one event with exactly `seq` (the next one). Throws if `seq` is taken: the caller's
   * in-memory seq and the journal disagree, which must never be papered over.
   */
  append(seq: number, time: number, actor: string, body: EventBody): JournalEvent;
  /**
   * Appends events with consecutive seqs starting at `firstSeq`, all at `time`, in ONE
   * transaction: either every event is durable or none is (a flood of thousands of alarm
   * transitions costs one commit, not thousands).
   */
  appendMany(firstSeq: number, time: number, items: readonly { body: EventBody; actor: string }[]): JournalEvent[];
  /** Events with seq > `after`, oldest first, at most `limit`. */
  after(after: number, limit: number): JournalEvent[];
  /** Highest seq in the journal, 0 when empty. */
  lastSeq(): number;
  /** Lowest seq still held, or null when empty (older ones may be pruned later). */
  firstSeq(): number | null;
  /**
   * Events of one type with `from` ≤ time < `to` and seq > `after`, oldest first, at most
   * `limit` (times never go backwards along seqs, so this is seq order too).
   */
  byTypeInTime(type: string, from: number, to: number, after: number, limit: number): JournalEvent[];
}

/** One `alarm.changed` event, reduced to what alarm KPIs read. */
export interface AlarmHistoryRow {
  time: number;
  alarmId: string;
  area: string;
  priority: 1 | 2 | 3 | 4;
  cause: string;
  /** The condition after the transition. */
  active: boolean;
  /** Shelved, suppressed or out of service after the transition (not annunciated). */
  hidden: boolean;
}

/** Time-ranged reads of alarm transitions for KPIs, without parsing whole records. */
export interface AlarmHistoryRepo {
  /** `alarm.changed` events with `from` ≤ time < `to`, in seq order, at most `limit`. */
  transitions(from: number, to: number, limit: number): AlarmHistoryRow[];
}

export interface StoredSnapshot {
  seq: number;
  time: number;
  state: CommandState;
}

export interface SnapshotRepo {
  save(snapshot: StoredSnapshot): void;
  /** The newest snapshot, or null. */
  latest(): StoredSnapshot | null;
  /** The newest snapshot with seq ≤ `seq` and time ≤ `time`, or null (state at an instant). */
  atOrBefore(seq: number, time: number): StoredSnapshot | null;
}

export interface LatestValueRow {
  tagId: string;
  /** null when no value is known (bad or offline quality). */
  value: number | null;
  quality: number;
  time: number;
}

export interface LatestValuesRepo {
  /** Replaces the stored latest values, all in one transaction. */
  saveAll(rows: readonly LatestValueRow[]): void;
  /** Inserts or replaces these rows (by tag id) in one transaction; other rows stay. */
  upsert(rows: readonly LatestValueRow[]): void;
  loadAll(): LatestValueRow[];
}

export interface SessionRow {
  tokenHash: string;
  user: string;
  role: Role;
  via: 'password' | 'token' | 'local';
  createdAt: number;
  /** null: never expires (the admin token). */
  expiresAt: number | null;
}

export interface SessionRepo {
  put(row: SessionRow): void;
  get(tokenHash: string): SessionRow | null;
  delete(tokenHash: string): void;
  /** Removes sessions expired at `now`; returns how many. */
  prune(now: number): number;
}

export interface Store {
  journal: JournalRepo;
  alarmHistory: AlarmHistoryRepo;
  snapshots: SnapshotRepo;
  latestValues: LatestValuesRepo;
  sessions: SessionRepo;
  close(): void;
}
