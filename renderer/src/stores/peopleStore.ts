import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { OFF_SITE_SLOT, PositionsFlags, type DecodedPositions } from '../../../shared/people/positionsFrame';

/** Called after each frame with the person indices it changed (valid until the listener returns). */
export type PeopleChangeListener = (changed: Uint32Array, count: number) => void;

/**
 * Latest fix of every person on site, in typed arrays indexed by the person's registry index
 * (GET /api/v1/people `index`). A plain object, not React state: the map reads it, panels
 * subscribe. Held exactly as docs/protocol.md §3.9 says: a keyframe clears the table, each
 * row sets its person, an off-site row removes them. `version` grows with every applied frame.
 */
export class PeopleStore {
  capacity = 0;
  x = new Float64Array(0);
  y = new Float64Array(0);
  /** Foot elevation, m. */
  z = new Float64Array(0);
  floor = new Uint8Array(0);
  /** PersonFlag bits of the frame (1 SOS, 2 man down, 4 signal lost, …). */
  flags = new Uint8Array(0);
  battery = new Uint8Array(0);
  /** Area slot (0…A−1, A roads). */
  area = new Uint16Array(0);
  /** Fix time, ms since epoch; NaN = never. */
  fixTime = new Float64Array(0);
  /** 1 while the person is on site (in the table). */
  present = new Uint8Array(0);
  /** People in the table. */
  onSite = 0;
  version = 0;
  registryVersion = -1;
  /** Base time of the last frame applied, ms (0 = none): how fresh the table and its counts are. */
  frameTime = 0;
  private changed = new Uint32Array(0);
  private listeners = new Set<PeopleChangeListener>();

  /** Empties the table (plant change, new server). */
  reset(): void {
    let n = 0;
    for (let i = 0; i < this.capacity; i++) if (this.present[i]) this.changed[n++] = i;
    this.present.fill(0);
    this.onSite = 0;
    this.version++;
    for (const l of this.listeners) l(this.changed, n);
  }

  /** Applies one decoded positions frame; returns the indices it changed to listeners. */
  apply(d: DecodedPositions): void {
    let max = -1;
    for (let i = 0; i < d.count; i++) if (d.person[i]! > max) max = d.person[i]!;
    this.grow(max + 1);
    let n = 0;
    if (d.flags & PositionsFlags.Keyframe) {
      for (let i = 0; i < this.capacity; i++) {
        if (!this.present[i]) continue;
        this.present[i] = 0;
        this.changed[n++] = i;
      }
      this.onSite = 0;
    }
    for (let i = 0; i < d.count; i++) {
      const p = d.person[i]!;
      const wasPresent = this.present[p] === 1;
      if (d.area[i] === OFF_SITE_SLOT) {
        if (wasPresent) this.onSite--;
        this.present[p] = 0;
      } else {
        if (!wasPresent) this.onSite++;
        this.present[p] = 1;
        this.x[p] = d.x[i]!;
        this.y[p] = d.y[i]!;
        this.z[p] = d.z[i]!;
        this.floor[p] = d.floor[i]!;
        this.flags[p] = d.state[i]!;
        this.battery[p] = d.battery[i]!;
        this.area[p] = d.area[i]!;
        this.fixTime[p] = d.dt[i] === -0x80000000 ? NaN : d.baseTime + d.dt[i]!;
      }
      this.changed[n++] = p;
    }
    this.registryVersion = d.registryVersion;
    this.frameTime = d.baseTime;
    this.version++;
    for (const l of this.listeners) l(this.changed, n);
  }

  subscribe(l: PeopleChangeListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Grows the columns to hold index `need − 1`, keeping what they hold. */
  private grow(need: number): void {
    if (need <= this.capacity) return;
    const cap = Math.max(need, this.capacity * 2, 64);
    const copy = <T extends Float64Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.x = copy(this.x, (k) => new Float64Array(k));
    this.y = copy(this.y, (k) => new Float64Array(k));
    this.z = copy(this.z, (k) => new Float64Array(k));
    this.floor = copy(this.floor, (k) => new Uint8Array(k));
    this.flags = copy(this.flags, (k) => new Uint8Array(k));
    this.battery = copy(this.battery, (k) => new Uint8Array(k));
    this.area = copy(this.area, (k) => new Uint16Array(k));
    this.fixTime = copy(this.fixTime, (k) => new Float64Array(k).fill(NaN));
    this.present = copy(this.present, (k) => new Uint8Array(k));
    // A keyframe can both drop every held person and set every row: room for both.
    this.changed = new Uint32Array(cap * 2);
    this.capacity = cap;
  }
}

/** The console's one people table (like the tag store, shared by the map and the panels). */
export const peopleStore = new PeopleStore();

export interface OccupancyState {
  /** People on site per area, in plant.areas order; empty before the first frame. */
  areas: readonly number[];
  /** On site in no area (roads, gates). */
  roads: number;
  onSite: number;
  /** Base time of the frame the counts came from, ms (0 = none yet). */
  time: number;
  set(occupancy: Uint32Array, time: number): void;
  clear(): void;
}

/** Occupancy per area from the latest positions frame; React state changes only when a count does. */
export const occupancyStore = createStore<OccupancyState>()((set, get) => ({
  areas: [],
  roads: 0,
  onSite: 0,
  time: 0,
  set(occupancy, time) {
    const s = get();
    const A = occupancy.length - 1;
    let same = s.areas.length === A && s.roads === occupancy[A];
    for (let i = 0; same && i < A; i++) same = s.areas[i] === occupancy[i];
    if (same) return;
    const areas = Array.from(occupancy.subarray(0, A));
    const roads = occupancy[A] ?? 0;
    set({ areas, roads, onSite: areas.reduce((a, b) => a + b, roads), time });
  },
  clear: () => set({ areas: [], roads: 0, onSite: 0, time: 0 }),
}));

export const useOccupancy = <T>(pick: (s: OccupancyState) => T): T => useStore(occupancyStore, pick);
