import type Database from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations/index';

/**
 * Brings the database to the newest schema: each pending migration runs in its own
 * transaction together with its row in `schema_version`, so a crash leaves either the old or
 * the new schema, never half of one. A database newer than this build is refused.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = allMigrations, now = Date.now()): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  const current = row.v ?? 0;
  const newest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  if (current > newest) {
    throw new Error(`database schema version ${current} is newer than this server knows (${newest}); use a newer Vigil`);
  }
  const record = db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, now);
    })();
  }
  return Math.max(current, newest);
}
