import Dexie, { type EntityTable } from 'dexie';
import type { Plant } from '../../../shared/plant/schema';
import type { CommandState } from '../../../shared/state/reducer';

/** A plant model as the server sent it, keyed by its hash. */
export interface PlantRow {
  hash: string;
  plantId: string;
  savedAt: number;
  plant: Plant;
}

/** The last known state of one plant: command state and the latest value of every tag. */
export interface LatestRow {
  hash: string;
  savedAt: number;
  state: CommandState | null;
  values: Float64Array;
  times: Float64Array;
  quality: Uint8Array;
}

export interface MetaRow {
  key: string;
  value: string;
}

export const DB_NAME = 'vigil-console';

/**
 * The console's IndexedDB cache. Disposable: everything here can be rebuilt from the server,
 * so a version that changes a table's meaning may simply clear it in its upgrade. Versions are
 * numbered and never edited once released; add `this.version(n + 1)` below the last.
 */
export class ConsoleDb extends Dexie {
  plants!: EntityTable<PlantRow, 'hash'>;
  latest!: EntityTable<LatestRow, 'hash'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({ plants: '&hash, savedAt', latest: '&hash', meta: '&key' });
  }
}
