/**
 * Migration 6: inspection robots' track history (server/robots/RobotTrackStore.ts,
 * docs/historian.md §Replay). One row per chunk of one robot's ~1 Hz statuses (at most
 * 5 minutes or 1,024 fixes by default), coded with the historian's column codecs: position,
 * heading, state, battery and next checkpoint. `t_start`/`t_end` are its first and last fix (ms,
 * inclusive). Replay reads each robot's last fix at or before an instant: by robot and time.
 */
export const version = 6;

export const sql = `
CREATE TABLE robot_tracks (
  robot   TEXT    NOT NULL,
  t_start INTEGER NOT NULL,
  t_end   INTEGER NOT NULL,
  count   INTEGER NOT NULL,
  blob    BLOB    NOT NULL
);
CREATE INDEX robot_tracks_robot_time ON robot_tracks (robot, t_start);
CREATE INDEX robot_tracks_time ON robot_tracks (t_start);
`;
