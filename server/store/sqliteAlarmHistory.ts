import type Database from 'better-sqlite3';
import type { AlarmHistoryRepo, AlarmHistoryRow } from './types';

interface Row {
  time: number;
  alarmId: string;
  area: string;
  priority: number;
  cause: string;
  active: number;
  hidden: number;
}

/**
 * Alarm transitions from the journal for KPIs. SQLite's JSON functions pick the few fields
 * needed out of each payload, so a month of transitions is read without building records;
 * the (type, time) index (migration 2) bounds the scan.
 */
export class SqliteAlarmHistory implements AlarmHistoryRepo {
  private readonly select: Database.Statement;

  constructor(db: Database.Database) {
    this.select = db.prepare(`
      SELECT time,
        json_extract(payload, '$.alarm.id') AS alarmId,
        json_extract(payload, '$.alarm.area') AS area,
        json_extract(payload, '$.alarm.priority') AS priority,
        json_extract(payload, '$.cause') AS cause,
        json_extract(payload, '$.alarm.lifecycle.active') AS active,
        (json_extract(payload, '$.alarm.lifecycle.shelved') IS NOT NULL
          OR json_extract(payload, '$.alarm.lifecycle.suppressed') = 1
          OR json_extract(payload, '$.alarm.lifecycle.outOfService') IS NOT NULL) AS hidden
      FROM events WHERE type = 'alarm.changed' AND time >= ? AND time < ? ORDER BY time, seq LIMIT ?`);
  }

  transitions(from: number, to: number, limit: number): AlarmHistoryRow[] {
    const rows = this.select.all(from, to, limit) as Row[];
    return rows.map((r) => ({
      time: r.time,
      alarmId: r.alarmId,
      area: r.area,
      priority: r.priority as AlarmHistoryRow['priority'],
      cause: r.cause,
      active: r.active === 1,
      hidden: r.hidden === 1,
    }));
  }
}
