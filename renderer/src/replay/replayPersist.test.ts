import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ConsoleDb } from '../cache/ConsoleDb';
import { DexieConsoleCache } from '../cache/consoleCache';
import { FakeSource } from '../data/FakeSource';
import { ConsoleController } from '../app/ConsoleController';
import { plantStore } from '../stores/plantStore';
import { TagStore } from '../stores/tagStore';
import { ManualTimers } from '../testing/manualTimers';
import { testPlant } from '../testing/testPlant';

/** A console showing a recording (its source can seek) never saves it as the latest live state. */
describe('replay and the console cache', () => {
  for (const seek of [false, true]) {
    it(`${seek ? 'does not save' : 'saves'} the latest values when the source ${seek ? 'replays' : 'is live'}`, async () => {
      plantStore.setState({ plant: null, hash: null, fromCache: false });
      const db = new ConsoleDb(`replay-persist-${seek}`);
      const cache = new DexieConsoleCache(db);
      const source = new FakeSource({ plant: testPlant(), clock: () => 5_000_000, timers: new ManualTimers(), seed: 1 });
      Object.defineProperty(source, 'capabilities', { value: { seek, speed: seek, commands: !seek } });
      const controller = new ConsoleController({ source, cache, tags: new TagStore() });
      await controller.start();
      await controller.persist();
      const hash = plantStore.getState().hash!;
      expect(hash).toBeTruthy();
      const saved = await cache.loadLatest(hash);
      controller.stop();
      await db.delete();
      expect(saved === null || saved === undefined).toBe(seek);
    });
  }
});
