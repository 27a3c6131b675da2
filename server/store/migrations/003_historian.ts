/**
 * Migration 3: the historian (server/historian, docs/historian.md). `hist_tags` gives each tag
 * id a stable number of its own, so that editing the plant (tags added, reordered) never
 * attributes one tag's history to another. `hist_chunks` holds compressed chunks: tier 0 raw
 * samples, tier 1 one-minute and tier 2 fifteen-minute aggregate rows; `count` is the number of
 * samples a chunk represents and t_start/t_end the first and last time it covers (ms, inclusive).
 * Reads are by tag, tier and time, hence the index; a rowid table because chunks of the same
 * tag, tier and start can legitimately coexist (a partial bucket sealed at shutdown, then
 * continued after the restart).
 */
export const version = 3;

export const sql = `
CREATE TABLE hist_tags (
  tag_index INTEGER PRIMARY KEY,
  tag_id    TEXT    NOT NULL UNIQUE
);
CREATE TABLE hist_chunks (
  tag_index INTEGER NOT NULL,
  tier      INTEGER NOT NULL,
  t_start   INTEGER NOT NULL,
  t_end     INTEGER NOT NULL,
  count     INTEGER NOT NULL,
  blob      BLOB    NOT NULL
);
CREATE INDEX hist_chunks_tag_time ON hist_chunks (tag_index, tier, t_start);
`;
