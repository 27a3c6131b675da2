import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrations } from './migrations';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../../shared/state/reducer';
import { migrate } from './migrate';
import { openSqliteStore, DB_FILE } from './openSqliteStore';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'vigil-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const started = { type: 'system.started', payload: { version: '0', plantId: 'p', plantHash: 'h', seed: 1, mode: 'simulator' } } as const;

describe('openSqliteStore', () => {
  it('persists the journal across reopen and refuses a duplicate seq', () => {
    const dir = tempDir();
    const a = openSqliteStore(dir);
    expect(a.journal.lastSeq()).toBe(0);
    expect(a.journal.firstSeq()).toBeNull();
    a.journal.append(1, 1000, 'system', started);
    a.journal.append(2, 1001, 'alice', { type: 'sim.injection.ended', payload: { injectionId: 'x', reason: 'cleared' } });
    expect(() => a.journal.append(2, 1002, 'system', started)).toThrow();
    a.close();

    const b = openSqliteStore(dir);
    expect(b.journal.lastSeq()).toBe(2);
    const events = b.journal.after(0, 10);
    expect(events.map((e) => [e.seq, e.type, e.actor])).toEqual([
      [1, 'system.started', 'system'],
      [2, 'sim.injection.ended', 'alice'],
    ]);
    expect(b.journal.after(1, 10).map((e) => e.seq)).toEqual([2]);
    expect(b.journal.after(0, 1)).toHaveLength(1);
    b.close();
  });

  it('keeps the newest snapshot and prunes old ones', () => {
    const s = openSqliteStore(':memory:');
    expect(s.snapshots.latest()).toBeNull();
    for (let i = 1; i <= 8; i++) s.snapshots.save({ seq: i * 10, time: i, state: { ...initialState(), seq: i * 10 } });
    expect(s.snapshots.latest()?.seq).toBe(80);
    expect(s.snapshots.latest()?.state.seq).toBe(80);
    s.close();
  });

  it('replaces latest values in one go and stores NaN as null', () => {
    const s = openSqliteStore(':memory:');
    s.latestValues.saveAll([
      { tagId: 'a', value: 1.5, quality: 0, time: 10 },
      { tagId: 'b', value: NaN, quality: 3, time: 11 },
    ]);
    s.latestValues.saveAll([
      { tagId: 'a', value: 2.5, quality: 0, time: 12 },
      { tagId: 'b', value: null, quality: 2, time: 12 },
    ]);
    const rows = s.latestValues.loadAll().sort((x, y) => x.tagId.localeCompare(y.tagId));
    expect(rows).toEqual([
      { tagId: 'a', value: 2.5, quality: 0, time: 12 },
      { tagId: 'b', value: null, quality: 2, time: 12 },
    ]);
    s.close();
  });

  it('upserts some latest values and leaves the others', () => {
    const s = openSqliteStore(':memory:');
    s.latestValues.saveAll([
      { tagId: 'a', value: 1, quality: 0, time: 10 },
      { tagId: 'b', value: 2, quality: 0, time: 10 },
    ]);
    s.latestValues.upsert([
      { tagId: 'b', value: NaN, quality: 3, time: 20 },
      { tagId: 'c', value: 4, quality: 0, time: 20 },
    ]);
    const rows = s.latestValues.loadAll().sort((x, y) => x.tagId.localeCompare(y.tagId));
    expect(rows).toEqual([
      { tagId: 'a', value: 1, quality: 0, time: 10 },
      { tagId: 'b', value: null, quality: 3, time: 20 },
      { tagId: 'c', value: 4, quality: 0, time: 20 },
    ]);
    s.close();
  });

  it('stores sessions and prunes expired ones', () => {
    const s = openSqliteStore(':memory:');
    s.sessions.put({ tokenHash: 'h1', user: 'u', role: 'viewer', via: 'password', createdAt: 0, expiresAt: 100 });
    s.sessions.put({ tokenHash: 'h2', user: 'admin', role: 'admin', via: 'token', createdAt: 0, expiresAt: null });
    expect(s.sessions.get('h1')?.role).toBe('viewer');
    expect(s.sessions.prune(100)).toBe(1);
    expect(s.sessions.get('h1')).toBeNull();
    expect(s.sessions.get('h2')?.expiresAt).toBeNull();
    s.close();
  });

  it('records schema versions and refuses a newer database', () => {
    const dir = tempDir();
    openSqliteStore(dir).close();
    const db = new Database(path.join(dir, DB_FILE));
    expect(db.prepare('SELECT version FROM schema_version').all()).toEqual(migrations.map((_, i) => ({ version: i + 1 })));
    expect(migrations.length).toBeGreaterThanOrEqual(4);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.prepare('INSERT INTO schema_version VALUES (99, 0)').run();
    expect(() => migrate(db)).toThrow(/newer/);
    db.close();
  });

  it('rolls back a failing migration entirely', () => {
    const db = new Database(':memory:');
    const bad = [{ version: 1, sql: 'CREATE TABLE t (a INTEGER); CREATE TABLE t (a INTEGER);' }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").all()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_version').get()).toEqual({ n: 0 });
    db.close();
  });
});
