import * as m001 from './001_init';
import * as m002 from './002_event_time';
import * as m003 from './003_historian';
import * as m004 from './004_people_positions';
import * as m005 from './005_historian_wal';
import * as m006 from './006_robot_tracks';

export interface Migration {
  version: number;
  sql: string;
}

/** Every migration, in order. Append new ones here. */
export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006];
