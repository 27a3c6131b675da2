import type Database from 'better-sqlite3';
import { eventBodySchema, type EventBody, type JournalEvent } from '../../shared/state/events';
import type { JournalRepo } from './types';

interface EventRow {
  seq: number;
  time: number;
  type: string;
  actor: string;
  payload: string;
}

/** The event journal in SQLite. Rows are re-validated on read: the file is outside our control. */
export class SqliteJournal implements JournalRepo {
  private readonly insert: Database.Statement;
  private readonly selectAfter: Database.Statement;
  private readonly selectLast: Database.Statement;
  private readonly selectFirst: Database.Statement;
  private readonly selectTime: Database.Statement;
  private readonly selectTypeInTime: Database.Statement;
  private readonly insertMany: (firstSeq: number, time: number, items: readonly { body: EventBody; actor: string }[]) => JournalEvent[];

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO events (seq, time, type, actor, payload) VALUES (?, ?, ?, ?, ?)');
    this.selectAfter = db.prepare('SELECT seq, time, type, actor, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.selectLast = db.prepare('SELECT MAX(seq) AS v FROM events');
    this.selectFirst = db.prepare('SELECT MIN(seq) AS v FROM events');
    this.selectTime = db.prepare('SELECT time FROM events WHERE seq = ?');
    this.selectTypeInTime = db.prepare('SELECT seq, time, type, actor, payload FROM events WHERE type = ? AND time >= ? AND time < ? AND seq > ? ORDER BY time, seq LIMIT ?');
    this.insertMany = db.transaction((firstSeq: number, time: number, items: readonly { body: EventBody; actor: string }[]) => {
      const out = new Array<JournalEvent>(items.length);
      for (let i = 0; i < items.length; i++) {
        const { body, actor } = items[i]!;
        this.insert.run(firstSeq + i, time, body.type, actor, JSON.stringify(body.payload));
        out[i] = { seq: firstSeq + i, time, actor, ...body } as JournalEvent;
      }
      return out;
    });
  }

  append(seq: number, time: number, actor: string, body: EventBody): JournalEvent {
    // A single INSERT is its own transaction; the PRIMARY KEY makes a duplicate seq throw.
    this.insert.run(seq, time, body.type, actor, JSON.stringify(body.payload));
    return { seq, time, actor, ...body } as JournalEvent;
  }

  appendMany(firstSeq: number, time: number, items: readonly { body: EventBody; actor: string }[]): JournalEvent[] {
    if (items.length === 0) return [];
    return this.insertMany(firstSeq, time, items);
  }

  byTypeInTime(type: string, from: number, to: number, after: number, limit: number): JournalEvent[] {
    // Times never go backwards along seqs, so the page after `after` starts no earlier than its
    // time: the (type, time) index then serves the range and the order without a sort.
    const afterTime = after > 0 ? (this.selectTime.get(after) as { time: number } | undefined)?.time : undefined;
    const start = afterTime !== undefined && afterTime > from ? afterTime : from;
    const rows = this.selectTypeInTime.all(type, start, to, after, limit) as EventRow[];
    return rows.map(toEvent);
  }

  after(after: number, limit: number): JournalEvent[] {
    const rows = this.selectAfter.all(after, limit) as EventRow[];
    return rows.map(toEvent);
  }

  lastSeq(): number {
    return (this.selectLast.get() as { v: number | null }).v ?? 0;
  }

  firstSeq(): number | null {
    return (this.selectFirst.get() as { v: number | null }).v;
  }
}

function toEvent(row: EventRow): JournalEvent {
  const body = eventBodySchema.parse({ type: row.type, payload: JSON.parse(row.payload) });
  return { seq: row.seq, time: row.time, actor: row.actor, ...body } as JournalEvent;
}
