import type Database from 'better-sqlite3';
import { openVigilDatabase } from '../store/openSqliteStore';
import { MAX_CHUNK_SPAN_MS, Tier, type HistoryRepo, type StoredChunk, type TierCode, type TierStats } from './HistoryRepo';

interface ChunkRow {
  t_start: number;
  t_end: number;
  count: number;
  blob: Buffer;
}

/**
 * The historian's chunks in the server's SQLite database (`hist_tags`, `hist_chunks`, migration
 * 3). It takes its own connection to the same file as the journal: WAL lets both write, and
 * better-sqlite3 being synchronous, one transaction always ends before the next begins.
 */
export class SqliteHistoryRepo implements HistoryRepo {
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly sum: Database.Statement;
  private readonly deleteOld: Database.Statement;
  private readonly tagIds: Database.Statement;
  private readonly insertTag: Database.Statement;
  private readonly newest: Database.Statement;
  private readonly writeMany: (chunks: readonly StoredChunk[]) => void;
  private readonly atOrBefore: Database.Statement;
  private readonly walInsert: Database.Statement;
  private readonly walSelect: Database.Statement;
  private readonly walDelete: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO hist_chunks (tag_index, tier, t_start, t_end, count, blob) VALUES (?, ?, ?, ?, ?, ?)');
    const overlap = 'tag_index = ? AND tier = ? AND t_start >= ? AND t_start <= ? AND t_end >= ?';
    this.select = db.prepare(`SELECT t_start, t_end, count, blob FROM hist_chunks WHERE ${overlap} ORDER BY t_start, rowid`);
    this.sum = db.prepare(`SELECT COALESCE(SUM(count), 0) AS n FROM hist_chunks WHERE ${overlap}`);
    this.deleteOld = db.prepare('DELETE FROM hist_chunks WHERE tag_index = ? AND tier = ? AND t_start < ? AND t_end < ?');
    this.tagIds = db.prepare('SELECT tag_index AS n, tag_id AS id FROM hist_tags');
    this.insertTag = db.prepare('INSERT INTO hist_tags (tag_index, tag_id) VALUES (?, ?)');
    // The raw chunk with the latest start also ends latest (a tag's samples only move forward).
    this.newest = db.prepare('SELECT t_end FROM hist_chunks WHERE tag_index = ? AND tier = 0 ORDER BY t_start DESC LIMIT 1');
    this.atOrBefore = db.prepare('SELECT t_start, t_end, count, blob FROM hist_chunks WHERE tag_index = ? AND tier = ? AND t_start <= ? ORDER BY t_start DESC, rowid DESC LIMIT 1');
    this.walInsert = db.prepare('INSERT INTO hist_wal (t_wal, count, blob) VALUES (?, ?, ?)');
    this.walSelect = db.prepare('SELECT id, t_wal, blob FROM hist_wal ORDER BY id');
    this.walDelete = db.prepare('DELETE FROM hist_wal WHERE id < ?');
    this.writeMany = db.transaction((chunks: readonly StoredChunk[]) => {
      for (const c of chunks) this.insert.run(c.tag, c.tier, c.tStart, c.tEnd, c.count, c.blob);
    });
  }

  /** Opens `<dataDir>/vigil.db` (or a throw-away database for ':memory:') and migrates it. */
  static open(dataDir: string): SqliteHistoryRepo {
    return new SqliteHistoryRepo(openVigilDatabase(dataDir));
  }

  tagNumbers(ids: readonly string[]): number[] {
    return this.db.transaction(() => {
      const known = new Map<string, number>();
      let next = 0;
      for (const r of this.tagIds.all() as { n: number; id: string }[]) {
        known.set(r.id, r.n);
        next = Math.max(next, r.n + 1);
      }
      return ids.map((id) => {
        let n = known.get(id);
        if (n === undefined) {
          n = next++;
          this.insertTag.run(n, id);
          known.set(id, n);
        }
        return n;
      });
    })();
  }

  lastTimes(tags: readonly number[]): number[] {
    return this.db.transaction(() => tags.map((n) => (this.newest.get(n) as { t_end: number } | undefined)?.t_end ?? -1))();
  }

  write(chunks: readonly StoredChunk[]): void {
    if (chunks.length > 0) this.writeMany(chunks);
  }

  read(tag: number, tier: TierCode, from: number, to: number): StoredChunk[] {
    const rows = this.select.all(tag, tier, from - MAX_CHUNK_SPAN_MS[tier], to, from) as ChunkRow[];
    return rows.map((r) => ({ tag, tier, tStart: r.t_start, tEnd: r.t_end, count: r.count, blob: r.blob }));
  }

  count(tag: number, tier: TierCode, from: number, to: number): number {
    return (this.sum.get(tag, tier, from - MAX_CHUNK_SPAN_MS[tier], to, from) as { n: number }).n;
  }

  latestAtOrBefore(tag: number, tier: TierCode, t: number): StoredChunk | null {
    const r = this.atOrBefore.get(tag, tier, t) as ChunkRow | undefined;
    return r ? { tag, tier, tStart: r.t_start, tEnd: r.t_end, count: r.count, blob: r.blob } : null;
  }

  walAppend(tWal: number, count: number, blob: Uint8Array): number {
    return Number(this.walInsert.run(tWal, count, blob).lastInsertRowid);
  }

  walRead(): { id: number; tWal: number; blob: Uint8Array }[] {
    return (this.walSelect.all() as { id: number; t_wal: number; blob: Buffer }[]).map((r) => ({ id: r.id, tWal: r.t_wal, blob: r.blob }));
  }

  walDeleteBefore(id: number): void {
    this.walDelete.run(id);
  }

  prune(tier: TierCode, before: number): number {
    return this.db.transaction(() => {
      let n = 0;
      for (const r of this.tagIds.all() as { n: number }[]) n += this.deleteOld.run(r.n, tier, before, before).changes;
      return n;
    })();
  }

  stats(): Record<TierCode, TierStats> {
    const out: Record<TierCode, TierStats> = { 0: zero(), 1: zero(), 2: zero() };
    const rows = this.db.prepare('SELECT tier, COUNT(*) AS chunks, SUM(count) AS samples, SUM(LENGTH(blob)) AS bytes FROM hist_chunks GROUP BY tier').all() as ({ tier: number } & TierStats)[];
    for (const r of rows) if (r.tier === Tier.Raw || r.tier === Tier.Minute || r.tier === Tier.Quarter) out[r.tier] = { chunks: r.chunks, samples: r.samples, bytes: r.bytes };
    return out;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

const zero = (): TierStats => ({ chunks: 0, samples: 0, bytes: 0 });
