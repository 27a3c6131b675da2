import type Database from 'better-sqlite3';
import { openVigilDatabase } from '../store/openSqliteStore';

/** A sealed chunk of one person's fixes as stored (migration 4, `people_positions`). */
export interface StoredPositionChunk {
  person: string;
  /** First and last fix, ms, inclusive. */
  tStart: number;
  tEnd: number;
  count: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Area ids the chunk's area column indexes. */
  areas: string[];
  blob: Uint8Array;
}

/** A box in plant metres. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * No chunk spans longer than this (PositionStore refuses a longer `chunkMs`), so that the
 * overlap test `t_start ≥ from − span` can use the time indexes.
 */
export const POSITION_CHUNK_MAX_SPAN_MS = 86_400_000;

interface Row {
  person: string;
  t_start: number;
  t_end: number;
  count: number;
  min_x: number;
  min_y: number;
  max_x: number;
  max_y: number;
  areas: string;
  blob: Buffer;
}

const COLUMNS = 'person, t_start, t_end, count, min_x, min_y, max_x, max_y, areas, blob';

function fromRow(r: Row): StoredPositionChunk {
  let areas: string[] = [];
  try {
    const a: unknown = JSON.parse(r.areas);
    if (Array.isArray(a)) areas = a.map(String);
  } catch {
    // A corrupt area list reads as "no areas"; positions stay readable.
  }
  return { person: r.person, tStart: r.t_start, tEnd: r.t_end, count: r.count, minX: r.min_x, minY: r.min_y, maxX: r.max_x, maxY: r.max_y, areas, blob: r.blob };
}

/**
 * People's position chunks in the server's SQLite database, on a connection of their own (as
 * the historian's: WAL lets it and the journal both write; better-sqlite3 is synchronous, so one
 * transaction ends before the next begins).
 */
export class SqlitePositionRepo {
  private readonly insert: Database.Statement;
  private readonly byPerson: Database.Statement;
  private readonly byBox: Database.Statement;
  private readonly newest: Database.Statement;
  private readonly first: Database.Statement;
  private readonly deleteOld: Database.Statement;
  private readonly counts: Database.Statement;
  private readonly writeMany: (chunks: readonly StoredPositionChunk[]) => void;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO people_positions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.byPerson = db.prepare(`SELECT ${COLUMNS} FROM people_positions WHERE person = ? AND t_start >= ? AND t_start <= ? AND t_end >= ? ORDER BY t_start, rowid`);
    this.byBox = db.prepare(
      `SELECT ${COLUMNS} FROM people_positions WHERE t_start >= ? AND t_start <= ? AND t_end >= ? AND max_x >= ? AND min_x <= ? AND max_y >= ? AND min_y <= ? ORDER BY person, t_start`,
    );
    this.newest = db.prepare('SELECT t_end AS t FROM people_positions WHERE person = ? ORDER BY t_start DESC LIMIT 1');
    this.first = db.prepare('SELECT t_start AS t FROM people_positions WHERE person = ? ORDER BY t_start LIMIT 1');
    this.deleteOld = db.prepare('DELETE FROM people_positions WHERE t_start < ? AND t_end < ?');
    this.counts = db.prepare('SELECT COUNT(*) AS chunks, COALESCE(SUM(count), 0) AS fixes, COALESCE(SUM(LENGTH(blob)), 0) AS bytes FROM people_positions');
    this.writeMany = db.transaction((chunks: readonly StoredPositionChunk[]) => {
      for (const c of chunks) this.insert.run(c.person, c.tStart, c.tEnd, c.count, c.minX, c.minY, c.maxX, c.maxY, JSON.stringify(c.areas), c.blob);
    });
  }

  /** Opens `<dataDir>/vigil.db` (or a throw-away database for ':memory:') and migrates it. */
  static open(dataDir: string): SqlitePositionRepo {
    return new SqlitePositionRepo(openVigilDatabase(dataDir));
  }

  /** Writes chunks in one transaction (all or none). */
  write(chunks: readonly StoredPositionChunk[]): void {
    if (chunks.length > 0) this.writeMany(chunks);
  }

  /** One person's chunks that overlap [from, to], oldest first. */
  read(person: string, from: number, to: number): StoredPositionChunk[] {
    return (this.byPerson.all(person, from - POSITION_CHUNK_MAX_SPAN_MS, to, from) as Row[]).map(fromRow);
  }

  /** Everyone's chunks that overlap [from, to] and whose box touches `box`. */
  near(from: number, to: number, box: Box): StoredPositionChunk[] {
    return (this.byBox.all(from - POSITION_CHUNK_MAX_SPAN_MS, to, from, box.minX, box.maxX, box.minY, box.maxY) as Row[]).map(fromRow);
  }

  /** Time of a person's newest stored fix, or null. */
  lastTime(person: string): number | null {
    return (this.newest.get(person) as { t: number } | undefined)?.t ?? null;
  }

  /** Time of a person's oldest stored fix, or null. */
  oldest(person: string): number | null {
    return (this.first.get(person) as { t: number } | undefined)?.t ?? null;
  }

  /** Deletes the chunks that end before `before`; returns how many. */
  prune(before: number): number {
    return this.deleteOld.run(before, before).changes;
  }

  stats(): { chunks: number; fixes: number; bytes: number } {
    return this.counts.get() as { chunks: number; fixes: number; bytes: number };
  }

  close(): void {
    this.db.close();
  }
}
