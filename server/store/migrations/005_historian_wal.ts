/**
 * Migration 5: the historian's write-ahead of open samples (docs/historian.md "Crash safety").
 * Every few seconds the samples that arrived since the previous write-ahead, of every tag, are
 * appended as one row (`blob`: columns of tag number, time, value, quality). Rows are deleted
 * once every sample in them is in a written chunk; after a kill the rows left are read back
 * into the open buffers. `t_wal` is the clock time of the write.
 */
export const version = 5;

export const sql = `
CREATE TABLE hist_wal (
  id    INTEGER PRIMARY KEY,
  t_wal INTEGER NOT NULL,
  count INTEGER NOT NULL,
  blob  BLOB    NOT NULL
);
`;
