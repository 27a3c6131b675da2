import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate';
import { SqliteAlarmHistory } from './sqliteAlarmHistory';
import { SqliteJournal } from './sqliteJournal';
import { SqliteLatestValues, SqliteSessions, SqliteSnapshots } from './sqliteRepos';
import type { Store } from './types';

export const DB_FILE = 'vigil.db';

/**
 * One connection to `<dataDir>/vigil.db` (created when needed; ':memory:' gives a throw-away
 * database), in WAL mode with `synchronous = NORMAL`, migrated. The journal store, the historian
 * and the position store each open their own.
 */
export function openVigilDatabase(dataDir: string, opts: { foreignKeys?: boolean } = {}): Database.Database {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, DB_FILE);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  if (opts.foreignKeys) db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  migrate(db);
  return db;
}

/**
 * Opens (creating when needed) `<dataDir>/vigil.db` in WAL mode and migrates it. With
 * `synchronous = NORMAL` a committed transaction survives the process being killed (not
 * necessarily a power cut), which is what `kill -9` recovery needs. `dataDir` ':memory:'
 * gives a throw-away store for tests.
 */
export function openSqliteStore(dataDir: string): Store {
  const db = openVigilDatabase(dataDir, { foreignKeys: true });
  return {
    journal: new SqliteJournal(db),
    alarmHistory: new SqliteAlarmHistory(db),
    snapshots: new SqliteSnapshots(db),
    latestValues: new SqliteLatestValues(db),
    sessions: new SqliteSessions(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
