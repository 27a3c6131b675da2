import type Database from 'better-sqlite3';
import { completeCommandState, type CommandState } from '../../shared/state/reducer';
import { roleSchema } from '../../shared/protocol/roles';
import type { LatestValueRow, LatestValuesRepo, SessionRepo, SessionRow, SnapshotRepo, StoredSnapshot } from './types';
import { DEFAULT_SNAPSHOT_RETENTION, snapshotsToDrop, type SnapshotRetention } from './snapshotRetention';

export class SqliteSnapshots implements SnapshotRepo {
  private readonly insert: Database.Statement;
  private readonly prune: Database.Statement;
  private readonly selectLatest: Database.Statement;
  private readonly selectAtOrBefore: Database.Statement;
  private readonly tx: (s: StoredSnapshot) => void;
  private readonly selectTimes: Database.Statement;

  /** Snapshots are kept spread over time for replay seeks (snapshotRetention.ts), not only the newest. */
  constructor(db: Database.Database, retention: SnapshotRetention = DEFAULT_SNAPSHOT_RETENTION) {
    this.insert = db.prepare('INSERT OR REPLACE INTO snapshots (seq, time, state) VALUES (?, ?, ?)');
    this.prune = db.prepare('DELETE FROM snapshots WHERE seq = ?');
    this.selectTimes = db.prepare('SELECT seq, time FROM snapshots');
    this.selectLatest = db.prepare('SELECT seq, time, state FROM snapshots ORDER BY seq DESC LIMIT 1');
    this.selectAtOrBefore = db.prepare('SELECT seq, time, state FROM snapshots WHERE seq <= ? AND time <= ? ORDER BY seq DESC LIMIT 1');
    this.tx = db.transaction((s: StoredSnapshot) => {
      this.insert.run(s.seq, s.time, JSON.stringify(s.state));
      for (const seq of snapshotsToDrop(this.selectTimes.all() as { seq: number; time: number }[], retention)) this.prune.run(seq);
    });
  }

  save(snapshot: StoredSnapshot): void {
    this.tx(snapshot);
  }

  latest(): StoredSnapshot | null {
    return toSnapshot(this.selectLatest.get() as SnapshotRow | undefined);
  }

  atOrBefore(seq: number, time: number): StoredSnapshot | null {
    return toSnapshot(this.selectAtOrBefore.get(seq, time) as SnapshotRow | undefined);
  }
}

interface SnapshotRow {
  seq: number;
  time: number;
  state: string;
}

function toSnapshot(row: SnapshotRow | undefined): StoredSnapshot | null {
  if (!row) return null;
  return { seq: row.seq, time: row.time, state: completeCommandState(JSON.parse(row.state) as CommandState) };
}

const latestParams = (r: LatestValueRow) => [r.tagId, r.value !== null && Number.isFinite(r.value) ? r.value : null, r.quality, r.time] as const;

export class SqliteLatestValues implements LatestValuesRepo {
  private readonly tx: (rows: readonly LatestValueRow[]) => void;
  private readonly upsertTx: (rows: readonly LatestValueRow[]) => void;
  private readonly selectAll: Database.Statement;

  constructor(db: Database.Database) {
    const clear = db.prepare('DELETE FROM latest_values');
    const insert = db.prepare('INSERT INTO latest_values (tag_id, value, quality, time) VALUES (?, ?, ?, ?)');
    this.tx = db.transaction((rows: readonly LatestValueRow[]) => {
      clear.run();
      for (const r of rows) insert.run(...latestParams(r));
    });
    const replace = db.prepare('INSERT OR REPLACE INTO latest_values (tag_id, value, quality, time) VALUES (?, ?, ?, ?)');
    this.upsertTx = db.transaction((rows: readonly LatestValueRow[]) => {
      for (const r of rows) replace.run(...latestParams(r));
    });
    this.selectAll = db.prepare('SELECT tag_id AS tagId, value, quality, time FROM latest_values');
  }

  saveAll(rows: readonly LatestValueRow[]): void {
    this.tx(rows);
  }

  upsert(rows: readonly LatestValueRow[]): void {
    if (rows.length > 0) this.upsertTx(rows);
  }

  loadAll(): LatestValueRow[] {
    return this.selectAll.all() as LatestValueRow[];
  }
}

interface SessionDbRow {
  token_hash: string;
  user_name: string;
  role: string;
  via: string;
  created_at: number;
  expires_at: number | null;
}

export class SqliteSessions implements SessionRepo {
  private readonly upsert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly removeExpired: Database.Statement;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(
      'INSERT OR REPLACE INTO sessions (token_hash, user_name, role, via, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.select = db.prepare('SELECT * FROM sessions WHERE token_hash = ?');
    this.remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at <= ?');
  }

  put(r: SessionRow): void {
    this.upsert.run(r.tokenHash, r.user, r.role, r.via, r.createdAt, r.expiresAt);
  }

  get(tokenHash: string): SessionRow | null {
    const row = this.select.get(tokenHash) as SessionDbRow | undefined;
    if (!row) return null;
    const role = roleSchema.safeParse(row.role);
    if (!role.success) return null;
    const via = row.via === 'password' || row.via === 'local' ? row.via : 'token';
    return { tokenHash: row.token_hash, user: row.user_name, role: role.data, via, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  delete(tokenHash: string): void {
    this.remove.run(tokenHash);
  }

  prune(now: number): number {
    return this.removeExpired.run(now).changes;
  }
}
