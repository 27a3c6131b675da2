import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../../../shared/state/reducer';
import { testPlant } from '../testing/testPlant';
import { ConsoleDb } from './ConsoleDb';
import { DexieConsoleCache, KEEP_PLANTS } from './consoleCache';

let n = 0;
const dbs: ConsoleDb[] = [];
function freshDb(): ConsoleDb {
  const db = new ConsoleDb(`test-${n++}`);
  dbs.push(db);
  return db;
}

afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('DexieConsoleCache', () => {
  it('has nothing on a fresh database', async () => {
    const cache = new DexieConsoleCache(freshDb());
    expect(await cache.lastPlant()).toBeNull();
    expect(await cache.loadLatest('abc')).toBeNull();
  });

  it('returns the plant saved last, validated, across a reopened database', async () => {
    const db = freshDb();
    const cache = new DexieConsoleCache(db);
    const a = testPlant();
    const b = testPlant(5);
    await cache.savePlant('hash-a', a, 1);
    await cache.savePlant('hash-b', b, 2);
    db.close();
    const reopenedDb = new ConsoleDb(db.name);
    const reopened = new DexieConsoleCache(reopenedDb);
    const last = await reopened.lastPlant();
    expect(last?.hash).toBe('hash-b');
    expect(last?.plant.tags).toHaveLength(b.tags.length);
    expect(last?.plant.meta.name.zh).toBe('测试装置');
    reopenedDb.close();
  });

  it(`keeps only the newest ${KEEP_PLANTS} plants and drops their latest values with them`, async () => {
    const db = freshDb();
    const cache = new DexieConsoleCache(db);
    const latest = { savedAt: 1, state: null, values: new Float64Array(3), times: new Float64Array(3), quality: new Uint8Array(3) };
    for (let i = 0; i < 4; i++) {
      await cache.savePlant(`h${i}`, testPlant(), i);
      await cache.saveLatest(`h${i}`, latest);
    }
    expect((await db.plants.toCollection().primaryKeys()).sort()).toEqual(['h2', 'h3']);
    expect(await cache.loadLatest('h0')).toBeNull();
    expect(await cache.loadLatest('h3')).not.toBeNull();
  });

  it('round-trips typed arrays and command state for a plant hash', async () => {
    const cache = new DexieConsoleCache(freshDb());
    const state = { ...initialState(), seq: 42, bands: { 'TI-101': 'hh' as const } };
    await cache.saveLatest('h', { savedAt: 99, state, values: Float64Array.of(1.5, NaN, 3), times: Float64Array.of(10, 0, 30), quality: Uint8Array.of(0, 3, 2) });
    const got = await cache.loadLatest('h');
    expect(got?.state?.seq).toBe(42);
    expect(got?.state?.bands['TI-101']).toBe('hh');
    expect(got?.values).toBeInstanceOf(Float64Array);
    expect(Array.from(got!.values)).toEqual([1.5, NaN, 3]);
    expect(Array.from(got!.quality)).toEqual([0, 3, 2]);
    expect(await cache.loadLatest('other')).toBeNull();
  });

  it('drops a cached plant that no longer fits the schema instead of drawing it', async () => {
    const db = freshDb();
    const cache = new DexieConsoleCache(db);
    const broken = testPlant() as unknown as { tags: unknown[] };
    broken.tags = [{ id: 'X' }];
    await cache.savePlant('bad', broken as never, 1);
    expect(await cache.lastPlant()).toBeNull();
    expect(await db.plants.count()).toBe(0);
  });

  it('swallows storage failures and reports them', async () => {
    const db = freshDb();
    const errors: unknown[] = [];
    const cache = new DexieConsoleCache(db, (e) => errors.push(e));
    db.close({ disableAutoOpen: true });
    expect(await cache.lastPlant()).toBeNull();
    await cache.savePlant('h', testPlant(), 1);
    expect(errors.length).toBe(2);
  });
});
