import { plantSchema, type Plant } from '../../../shared/plant/schema';
import type { CommandState } from '../../../shared/state/reducer';
import type { ConsoleDb } from './ConsoleDb';

/** Latest values of a plant's tags by tag index, and the command state they go with. */
export interface LatestValues {
  savedAt: number;
  state: CommandState | null;
  values: Float64Array;
  times: Float64Array;
  quality: Uint8Array;
}

/**
 * What the console keeps between runs so that it can draw the plant at once on start and show
 * the last known state when the server is unreachable. Every method swallows storage failures
 * (private windows, full disks): the cache is an aid, never a reason not to start.
 */
export interface ConsoleCache {
  /** The plant model saved last, or null. */
  lastPlant(): Promise<{ hash: string; plant: Plant } | null>;
  savePlant(hash: string, plant: Plant, now: number): Promise<void>;
  loadLatest(hash: string): Promise<LatestValues | null>;
  saveLatest(hash: string, latest: LatestValues): Promise<void>;
}

/** How many plant models are kept (the current one and the one before, e.g. across an upgrade). */
export const KEEP_PLANTS = 2;
const LAST_PLANT = 'lastPlantHash';

export class DexieConsoleCache implements ConsoleCache {
  constructor(
    private readonly db: ConsoleDb,
    private readonly onError: (err: unknown) => void = (err) => console.warn('console cache:', err),
  ) {}

  async lastPlant(): Promise<{ hash: string; plant: Plant } | null> {
    return this.guard(async () => {
      const meta = await this.db.meta.get(LAST_PLANT);
      if (!meta) return null;
      const row = await this.db.plants.get(meta.value);
      if (!row) return null;
      // A model saved by an older console may not fit today's schema: drop it rather than draw it.
      const parsed = plantSchema.safeParse(row.plant);
      if (!parsed.success) {
        await this.db.transaction('rw', this.db.plants, this.db.latest, this.db.meta, async () => {
          await this.db.plants.delete(row.hash);
          await this.db.latest.delete(row.hash);
          await this.db.meta.delete(LAST_PLANT);
        });
        return null;
      }
      return { hash: row.hash, plant: parsed.data };
    }, null);
  }

  async savePlant(hash: string, plant: Plant, now: number): Promise<void> {
    await this.guard(async () => {
      await this.db.transaction('rw', this.db.plants, this.db.latest, this.db.meta, async () => {
        await this.db.plants.put({ hash, plantId: plant.meta.id, savedAt: now, plant });
        await this.db.meta.put({ key: LAST_PLANT, value: hash });
        const stale = (await this.db.plants.orderBy('savedAt').reverse().primaryKeys()).slice(KEEP_PLANTS);
        await this.db.plants.bulkDelete(stale);
        await this.db.latest.bulkDelete(stale);
      });
    }, undefined);
  }

  async loadLatest(hash: string): Promise<LatestValues | null> {
    return this.guard(async () => {
      const row = await this.db.latest.get(hash);
      if (!row) return null;
      const n = row.values?.length;
      const fits = row.values instanceof Float64Array && row.times instanceof Float64Array && row.quality instanceof Uint8Array && row.times.length === n && row.quality.length === n;
      return fits ? { savedAt: row.savedAt, state: row.state, values: row.values, times: row.times, quality: row.quality } : null;
    }, null);
  }

  async saveLatest(hash: string, latest: LatestValues): Promise<void> {
    await this.guard(async () => {
      await this.db.latest.put({ hash, ...latest });
    }, undefined);
  }

  private async guard<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.onError(err);
      return fallback;
    }
  }
}
