/**
 * Migration 4: people's position history (server/people/PositionStore.ts, docs/people.md).
 * One row per chunk of one person's fixes (at most 10 minutes or 1,024 fixes by default),
 * coded with the historian's column codecs. `t_start`/`t_end` are its first and last fix (ms,
 * inclusive), `min_x`…`max_y` its bounding box in plant metres, so that "who was near a point
 * between t1 and t2" reads only chunks whose box touches the circle; `areas` the JSON list of
 * area ids the chunk's area column indexes into (ids rather than plant slots, so that editing
 * the plant never re-labels old positions). Reads are by person and time, and by time alone.
 */
export const version = 4;

export const sql = `
CREATE TABLE people_positions (
  person  TEXT    NOT NULL,
  t_start INTEGER NOT NULL,
  t_end   INTEGER NOT NULL,
  count   INTEGER NOT NULL,
  min_x   REAL    NOT NULL,
  min_y   REAL    NOT NULL,
  max_x   REAL    NOT NULL,
  max_y   REAL    NOT NULL,
  areas   TEXT    NOT NULL,
  blob    BLOB    NOT NULL
);
CREATE INDEX people_positions_person_time ON people_positions (person, t_start);
CREATE INDEX people_positions_time ON people_positions (t_start);
`;
