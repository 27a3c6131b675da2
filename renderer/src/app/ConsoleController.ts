import type { Plant } from '../../../shared/plant/schema';
import type { ConsoleCache } from '../cache/consoleCache';
import type { DataSource, DataSourceListener, Presence } from '../data/DataSource';
import { cacheableState, completeState } from '../data/completeState';
import { commandStore } from '../stores/commandStore';
import { plantStore } from '../stores/plantStore';
import type { TagStore } from '../stores/tagStore';
import { uiStore } from '../stores/uiStore';
import { occupancyStore, peopleStore } from '../stores/peopleStore';
import { peopleRegistry } from '../people/peopleRegistry';
import { robotStore } from '../stores/robotStore';
import type { DecodedPositions } from '../../../shared/people/positionsFrame';

/** How often the latest values are written to the cache while they change, ms. */
const PERSIST_MS = 10_000;

export interface ConsoleControllerOptions {
  source: DataSource;
  cache: ConsoleCache | null;
  tags: TagStore;
  /** Local clock, ms since epoch. */
  clock?: () => number;
  /** Signs in (remote consoles); absent when the source needs no sign-in. */
  signIn?: (user: string, password: string) => Promise<{ ok: true } | { ok: false; message: string }>;
}

/**
 * Wires a data source to the console's stores and cache. On start it first draws what the
 * cache remembers (plant model, latest values, command state: shown stale), then lets the
 * source replace it with live data. While live it saves the latest values every few seconds
 * and at once when the link drops, so the next start (or an unreachable server) shows them.
 */
export class ConsoleController {
  readonly source: DataSource;
  private readonly clock: () => number;
  private persistTimer: ReturnType<typeof setInterval> | null = null;
  private savedVersion = -1;
  private started = false;
  /** Registry version being fetched now (one fetch at a time), or -1. */
  private fetchingRegistry = -1;

  constructor(private readonly opts: ConsoleControllerOptions) {
    this.source = opts.source;
    this.clock = opts.clock ?? Date.now;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.restore();
    this.source.start(this.listener);
    this.persistTimer = setInterval(() => void this.persist(), PERSIST_MS);
  }

  stop(): void {
    if (this.persistTimer) clearInterval(this.persistTimer);
    this.source.stop();
  }

  now(): number {
    return this.source.now();
  }

  async signIn(user: string, password: string): Promise<{ ok: true } | { ok: false; message: string }> {
    if (!this.opts.signIn) return { ok: false, message: 'sign-in not supported by this source' };
    const res = await this.opts.signIn(user, password);
    if (res.ok) this.source.retry();
    return res;
  }

  /** Writes the latest values and command state to the cache when they changed since the last write. */
  async persist(): Promise<void> {
    const { cache, tags } = this.opts;
    // A source that can seek is showing a recording (replay): never save it as the latest live state.
    if (this.source.capabilities.seek) return;
    const hash = plantStore.getState().hash;
    if (!cache || !hash || tags.newestTime === 0 || tags.version === this.savedVersion) return;
    this.savedVersion = tags.version;
    await cache.saveLatest(hash, {
      savedAt: this.clock(),
      state: cacheableState(commandStore.getState().state),
      values: tags.values.slice(),
      times: tags.times.slice(),
      quality: tags.quality.slice(),
    });
  }

  private async restore(): Promise<void> {
    const cache = this.opts.cache;
    if (!cache) return;
    const last = await cache.lastPlant();
    if (!last || plantStore.getState().plant) return;
    this.showPlant(last.plant, last.hash, true);
    const latest = await cache.loadLatest(last.hash);
    if (!latest) return;
    this.opts.tags.restore(latest.values, latest.times, latest.quality);
    if (latest.state) commandStore.getState().setState(completeState(latest.state));
  }

  private showPlant(plant: Plant, hash: string, fromCache: boolean): void {
    const current = plantStore.getState();
    if (current.hash === hash) {
      // Same model as the cached one: keep the values on screen, only note where it came from.
      if (current.fromCache !== fromCache) current.setPlant(current.plant ?? plant, hash, fromCache);
      return;
    }
    this.opts.tags.reset(plant.tags);
    peopleStore.reset();
    robotStore.setPlant(plant.robots);
    occupancyStore.getState().clear();
    uiStore.getState().select(-1);
    current.setPlant(plant, hash, fromCache);
  }

  /** A positions frame: into the people table and the occupancy; a new registry version is fetched once. */
  private onPositions(frame: DecodedPositions): void {
    peopleStore.apply(frame);
    occupancyStore.getState().set(frame.occupancy, frame.baseTime);
    const v = frame.registryVersion;
    if (v !== peopleRegistry.getState().version && v !== this.fetchingRegistry) void this.fetchRegistry(v);
  }

  private async fetchRegistry(version: number): Promise<void> {
    if (!this.source.peopleList) return;
    this.fetchingRegistry = version;
    try {
      const list = await this.source.peopleList();
      if (list) peopleRegistry.getState().setList(list);
    } finally {
      this.fetchingRegistry = -1;
    }
  }

  private readonly listener: DataSourceListener = {
    plant: (plant, hash) => {
      this.showPlant(plant, hash, false);
      void this.opts.cache?.savePlant(hash, plant, this.clock());
    },
    samples: (frame) => this.opts.tags.apply(frame),
    restoreValues: (values, times, quality) => void this.opts.tags.restore(values, times, quality),
    positions: (frame) => this.onPositions(frame),
    robots: (msg) => robotStore.apply(msg, performance.now()),
    state: (state) => commandStore.getState().setState(state),
    presence: (p: Presence, detail) => {
      const was = uiStore.getState().presence;
      uiStore.getState().setPresence(p, detail, this.clock());
      if (was === 'live' && p !== 'live') void this.persist();
    },
    user: (user) => uiStore.getState().setUser(user),
  };
}
