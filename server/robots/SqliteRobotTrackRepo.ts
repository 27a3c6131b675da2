import type Database from 'better-sqlite3';
import { openVigilDatabase } from '../store/openSqliteStore';

/** A sealed chunk of one robot's fixes as stored (migration 6, `robot_tracks`). */
export interface StoredRobotChunk {
  robot: string;
  /** First and last fix, ms, inclusive. */
  tStart: number;
  tEnd: number;
  count: number;
  blob: Uint8Array;
}

/**
 * No chunk spans longer than this (RobotTrackStore refuses a longer `chunkMs`), so that the
 * overlap test `t_start ≥ from − span` can use the time index.
 */
export const ROBOT_CHUNK_MAX_SPAN_MS = 3_600_000;

/** Where the track store keeps its sealed chunks (SQLite here; a fake in tests). */
export interface RobotTrackRepo {
  /** Writes chunks in one transaction (all or none). */
  write(chunks: readonly StoredRobotChunk[]): void;
  /** One robot's chunks that overlap [from, to], newest first. */
  read(robot: string, from: number, to: number): StoredRobotChunk[];
  /** Time of a robot's newest stored fix, or null. */
  lastTime(robot: string): number | null;
  /** Deletes the chunks that end before `before`; returns how many. */
  prune(before: number): number;
  close(): void;
}

interface Row {
  robot: string;
  t_start: number;
  t_end: number;
  count: number;
  blob: Buffer;
}

const COLUMNS = 'robot, t_start, t_end, count, blob';

/**
 * Robots' track chunks in the server's SQLite database, on a connection of their own (as the
 * position store's: WAL lets it, the journal and the historian all write).
 */
export class SqliteRobotTrackRepo implements RobotTrackRepo {
  private readonly insert: Database.Statement;
  private readonly byRobot: Database.Statement;
  private readonly newest: Database.Statement;
  private readonly deleteOld: Database.Statement;
  private readonly writeMany: (chunks: readonly StoredRobotChunk[]) => void;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO robot_tracks (${COLUMNS}) VALUES (?, ?, ?, ?, ?)`);
    this.byRobot = db.prepare(`SELECT ${COLUMNS} FROM robot_tracks WHERE robot = ? AND t_start >= ? AND t_start <= ? AND t_end >= ? ORDER BY t_start DESC, rowid DESC`);
    this.newest = db.prepare('SELECT MAX(t_end) AS t FROM robot_tracks WHERE robot = ?');
    this.deleteOld = db.prepare('DELETE FROM robot_tracks WHERE t_start < ? AND t_end < ?');
    this.writeMany = db.transaction((chunks: readonly StoredRobotChunk[]) => {
      for (const c of chunks) this.insert.run(c.robot, c.tStart, c.tEnd, c.count, c.blob);
    });
  }

  /** Opens `<dataDir>/vigil.db` (or a throw-away database for ':memory:') and migrates it. */
  static open(dataDir: string): SqliteRobotTrackRepo {
    return new SqliteRobotTrackRepo(openVigilDatabase(dataDir));
  }

  write(chunks: readonly StoredRobotChunk[]): void {
    if (chunks.length > 0) this.writeMany(chunks);
  }

  read(robot: string, from: number, to: number): StoredRobotChunk[] {
    return (this.byRobot.all(robot, from - ROBOT_CHUNK_MAX_SPAN_MS, to, from) as Row[]).map((r) => ({ robot: r.robot, tStart: r.t_start, tEnd: r.t_end, count: r.count, blob: r.blob }));
  }

  lastTime(robot: string): number | null {
    return (this.newest.get(robot) as { t: number | null } | undefined)?.t ?? null;
  }

  prune(before: number): number {
    return this.deleteOld.run(before, before).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
