/**
 * Migration 1: journal, snapshots, latest values and sessions. Migrations are TypeScript
 * modules rather than .sql files so that the esbuild bundle of the server carries them.
 * A released migration never changes; add the next number instead.
 */
export const version = 1;

export const sql = `
CREATE TABLE events (
  seq     INTEGER PRIMARY KEY,
  time    REAL    NOT NULL,
  type    TEXT    NOT NULL,
  actor   TEXT    NOT NULL,
  payload TEXT    NOT NULL
);
CREATE TABLE snapshots (
  seq   INTEGER PRIMARY KEY,
  time  REAL    NOT NULL,
  state TEXT    NOT NULL
);
CREATE TABLE latest_values (
  tag_id  TEXT    PRIMARY KEY,
  value   REAL,
  quality INTEGER NOT NULL,
  time    REAL    NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT    PRIMARY KEY,
  user_name  TEXT    NOT NULL,
  role       TEXT    NOT NULL,
  via        TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
`;
