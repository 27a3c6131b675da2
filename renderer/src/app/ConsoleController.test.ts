import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleDb } from '../cache/ConsoleDb';
import { DexieConsoleCache } from '../cache/consoleCache';
import type { CommandOutcome, DataSource, DataSourceListener, Presence } from '../data/DataSource';
import { FakeSource } from '../data/FakeSource';
import { commandStore } from '../stores/commandStore';
import { plantStore } from '../stores/plantStore';
import { TagStore } from '../stores/tagStore';
import { uiStore } from '../stores/uiStore';
import { ManualTimers } from '../testing/manualTimers';
import { testPlant } from '../testing/testPlant';
import { ConsoleController } from './ConsoleController';

/** A source that never reaches its server: what a console sees when the plant server is down. */
class UnreachableSource implements DataSource {
  readonly capabilities = { seek: false, speed: false, commands: true };
  listener: DataSourceListener | null = null;
  start(l: DataSourceListener): void {
    this.listener = l;
    l.presence('offline', 'unreachable');
  }
  stop(): void {}
  now(): number {
    return 10_000_000;
  }
  presence(): Presence {
    return 'offline';
  }
  recent(): Promise<null> {
    return Promise.resolve(null);
  }
  retry(): void {}
  command(): Promise<CommandOutcome> {
    return Promise.resolve({ ok: false, code: 'offline', message: 'unreachable' });
  }
}

const dbs: ConsoleDb[] = [];
let n = 0;
function db(name = `controller-${n++}`): ConsoleDb {
  const d = new ConsoleDb(name);
  dbs.push(d);
  return d;
}

afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
  plantStore.setState({ plant: null, hash: null, fromCache: false });
});

describe('ConsoleController', () => {
  it('caches what a live source delivered and shows it, stale, when the server is unreachable next time', async () => {
    const name = `controller-${n++}`;
    const plant = testPlant();
    const timers = new ManualTimers();
    const live = new FakeSource({ plant, clock: () => 5_000_000, timers, seed: 3 });
    const tags1 = new TagStore();
    const first = new ConsoleController({ source: live, cache: new DexieConsoleCache(db(name)), tags: tags1 });
    await first.start();
    expect(plantStore.getState().fromCache).toBe(false);
    expect(tags1.newestTime).toBe(5_000_000);
    await new Promise((r) => setTimeout(r, 20));
    // The link drops: the latest values are written at once.
    expect(uiStore.getState().presence).toBe('live');
    live.setPresence('reconnecting');
    await new Promise((r) => setTimeout(r, 20));
    first.stop();
    const v0 = tags1.values[0]!;

    plantStore.setState({ plant: null, hash: null, fromCache: false });
    const tags2 = new TagStore();
    const second = new ConsoleController({ source: new UnreachableSource(), cache: new DexieConsoleCache(db(name)), tags: tags2 });
    await second.start();
    second.stop();
    expect(plantStore.getState().plant?.meta.id).toBe('test');
    expect(plantStore.getState().fromCache).toBe(true);
    expect(uiStore.getState().presence).toBe('offline');
    expect(tags2.count).toBe(plant.tags.length);
    expect(tags2.values[0]).toBe(v0);
    expect(tags2.times[0]).toBe(5_000_000);
    expect(tags2.isStale(0, second.now())).toBe(true);
  });

  it('keeps the cached values when the live plant is the same model, and replaces them when it is not', async () => {
    const plant = testPlant();
    const cacheDb = db();
    const cache = new DexieConsoleCache(cacheDb);
    const hash = 'same-hash';
    await cache.savePlant(hash, plant, 1);
    await cache.saveLatest(hash, { savedAt: 1, state: { ...commandStore.getState().state, seq: 9 }, values: Float64Array.of(1, 2, 3), times: Float64Array.of(7, 7, 7), quality: Uint8Array.of(0, 0, 0) });
    const tags = new TagStore();
    const src = new UnreachableSource();
    const c = new ConsoleController({ source: src, cache, tags });
    await c.start();
    expect(commandStore.getState().state.seq).toBe(9);
    src.listener!.plant(plant, hash);
    expect(tags.values[1]).toBe(2);
    expect(plantStore.getState().fromCache).toBe(false);
    src.listener!.plant(testPlant(2), 'other-hash');
    expect(tags.count).toBe(5);
    expect(Number.isNaN(tags.values[1]!)).toBe(true);
    c.stop();
  });
});
