import * as m001 from './001_init';

export interface Migration {
  version: number;
  sql: string;
}

/** Every migration, in order. Append new ones here. */
export const migrations: readonly Migration[] = [m001];
