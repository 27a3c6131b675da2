/**
 * Migration 2: an index on (type, time) for time-ranged reads of one kind of event — the alarm
 * journal (`GET /alarms/journal?from&to`) and the alarm KPIs scan `alarm.changed` by time.
 */
export const version = 2;

export const sql = `
CREATE INDEX events_type_time ON events (type, time);
`;
