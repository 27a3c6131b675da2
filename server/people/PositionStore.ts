import { decodePositionChunk, encodePositionChunk, quantise } from './positionChunk';
import { downsampleTrack } from './downsampleTrack';
import { POSITION_CHUNK_MAX_SPAN_MS, type Box, type SqlitePositionRepo, type StoredPositionChunk } from './SqlitePositionRepo';
import { checkTrackStoreOptions, type TrackStoreOptions } from '../store/trackStoreOptions';
import { PendingChunks } from '../store/PendingChunks';

/** See TrackStoreOptions (server/store/trackStoreOptions.ts). */
export type PositionStoreOptions = TrackStoreOptions;

export const DEFAULT_POSITION_STORE: PositionStoreOptions = {
  chunkMs: 600_000,
  chunkMaxFixes: 1024,
  flushMs: 10_000,
  pruneEveryMs: 3_600_000,
  retentionMs: 30 * 86_400_000,
  maxPending: 100_000,
};

/** A person's track as the positions route answers it (docs/protocol.md §4.2). */
export interface PositionSeries {
  t: number[];
  x: number[];
  y: number[];
  z: number[];
  floor: number[];
  area: (string | null)[];
}

/** Someone's closest approach to a point (GET /api/v1/positions/near). */
export interface NearHit {
  person: string;
  /** Closest distance in the plane, m, and the fix where it happened. */
  distance: number;
  t: number;
  x: number;
  y: number;
  z: number;
  floor: number;
  area: string | null;
  /** First and last fix within the radius, and how many fixes were. */
  firstInside: number;
  lastInside: number;
  fixesInside: number;
}

/** One person's unsealed fixes, in compact columns. */
interface Open {
  id: string;
  windowEnd: number;
  count: number;
  t: Float64Array;
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
  floor: Int16Array;
  area: Int16Array;
  areas: string[];
  box: Box;
}

const T_MAX = 2 ** 49;

const check = (o: PositionStoreOptions): PositionStoreOptions => checkTrackStoreOptions('position store', o, POSITION_CHUNK_MAX_SPAN_MS);

/**
 * Every accepted fix of every person, persisted (docs/people.md "Position history"): fixes
 * gather in an open chunk per person (window `chunkMs`, staggered by person so that seals
 * spread out), seal into a blob coded with the historian's column codecs plus the chunk's
 * bounding box, wait in memory and are written every `flushMs` in one transaction. Queries read
 * the stored, pending and open fixes alike, so a fix is readable as soon as it is recorded.
 * After a restart a person's fixes must be newer than the newest stored one (a gateway
 * replaying its buffer cannot duplicate); older ones are dropped and counted.
 */
export class PositionStore {
  readonly stats = { recorded: 0, dropped: 0, sealed: 0, written: 0, writeErrors: 0, droppedPending: 0, pruned: 0, pruneErrors: 0 };
  private readonly o: PositionStoreOptions;
  private readonly open: (Open | undefined)[] = [];
  /** Newest time recorded (or stored, after a restart) per person index; NaN = not looked up yet. */
  private lastT = new Float64Array(0);
  private readonly pending: PendingChunks<StoredPositionChunk>;
  private closed = false;

  constructor(
    private readonly repo: SqlitePositionRepo,
    /** Person id of a registry index (stable for the life of the process). */
    private readonly idOf: (p: number) => string | undefined,
    /** Area id of a geofence area slot (null for roads and off site). */
    private readonly areaIdOf: (slot: number) => string | null,
    o: Partial<PositionStoreOptions> = {},
  ) {
    this.o = check({ ...DEFAULT_POSITION_STORE, ...o });
    this.pending = new PendingChunks(repo, this.o, this.stats, { en: 'position history', zh: '位置历史' });
  }

  private last(p: number, id: string): number {
    if (p >= this.lastT.length) {
      const n = new Float64Array(Math.max(p + 1, this.lastT.length * 2, 64)).fill(NaN);
      n.set(this.lastT);
      this.lastT = n;
    }
    let v = this.lastT[p]!;
    if (Number.isNaN(v)) {
      v = this.repo.lastTime(id) ?? -Infinity;
      this.lastT[p] = v;
    }
    return v;
  }

  /** One accepted fix of person `p` (the geofence engine's area slot at that fix). */
  record(p: number, t: number, x: number, y: number, z: number, floor: number, areaSlot: number): void {
    if (this.closed) return;
    const id = this.idOf(p);
    const tm = Math.round(t);
    if (id === undefined || !(tm >= 0 && tm < T_MAX) || tm <= this.last(p, id)) {
      this.stats.dropped++;
      return;
    }
    let b = this.open[p];
    if (b && (tm >= b.windowEnd || b.count >= this.o.chunkMaxFixes)) {
      this.seal(p);
      b = undefined;
    }
    b ??= this.start(p, id, tm);
    if (b.count === b.t.length) this.grow(b);
    const i = b.count++;
    const qx = quantise(x);
    const qy = quantise(y);
    b.t[i] = tm;
    b.x[i] = qx;
    b.y[i] = qy;
    b.z[i] = quantise(z);
    b.floor[i] = floor;
    const area = this.areaIdOf(areaSlot);
    let k = area === null ? -1 : b.areas.indexOf(area);
    if (area !== null && k < 0) k = b.areas.push(area) - 1;
    b.area[i] = k;
    if (qx < b.box.minX) b.box.minX = qx;
    if (qx > b.box.maxX) b.box.maxX = qx;
    if (qy < b.box.minY) b.box.minY = qy;
    if (qy > b.box.maxY) b.box.maxY = qy;
    this.lastT[p] = tm;
    this.stats.recorded++;
  }

  private start(p: number, id: string, t: number): Open {
    const span = this.o.chunkMs;
    // A fixed per-person phase staggers the windows: about one person in `chunkMs / 1 s` seals a second.
    const phase = ((p * 7919 + 13) * 1000) % span;
    const windowEnd = Math.floor((t - phase) / span) * span + phase + span;
    const n = 64;
    const b: Open = {
      id,
      windowEnd,
      count: 0,
      t: new Float64Array(n),
      x: new Float32Array(n),
      y: new Float32Array(n),
      z: new Float32Array(n),
      floor: new Int16Array(n),
      area: new Int16Array(n),
      areas: [],
      box: { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity },
    };
    this.open[p] = b;
    return b;
  }

  private grow(b: Open): void {
    const n = Math.min(b.t.length * 2, this.o.chunkMaxFixes);
    const g = <A extends Float64Array | Float32Array | Int16Array>(a: A, make: (n: number) => A): A => {
      const c = make(n);
      c.set(a);
      return c;
    };
    b.t = g(b.t, (k) => new Float64Array(k));
    b.x = g(b.x, (k) => new Float32Array(k));
    b.y = g(b.y, (k) => new Float32Array(k));
    b.z = g(b.z, (k) => new Float32Array(k));
    b.floor = g(b.floor, (k) => new Int16Array(k));
    b.area = g(b.area, (k) => new Int16Array(k));
  }

  private seal(p: number): void {
    const b = this.open[p];
    this.open[p] = undefined;
    if (!b || b.count === 0) return;
    const blob = encodePositionChunk(b);
    this.pending.add({ person: b.id, tStart: b.t[0]!, tEnd: b.t[b.count - 1]!, count: b.count, ...b.box, areas: b.areas, blob });
  }

  /** Call once a tick: seals windows that ended, writes sealed chunks every `flushMs`, prunes hourly. */
  tick(now: number): void {
    if (this.closed || !this.pending.due(now)) return;
    for (let p = 0; p < this.open.length; p++) {
      const b = this.open[p];
      if (b && now >= b.windowEnd) this.seal(p);
    }
    this.pending.flushAndPrune(now);
  }

  /** Seals and writes everything (server shutdown); later records are ignored. */
  close(): void {
    if (this.closed) return;
    for (let p = 0; p < this.open.length; p++) this.seal(p);
    this.pending.flush();
    this.closed = true;
    this.repo.close();
  }

  /** Stored, pending and open chunks of person `p` overlapping [from, to], in time order. */
  private chunksOf(p: number, from: number, to: number): (StoredPositionChunk | Open)[] {
    const id = this.idOf(p);
    if (id === undefined) return [];
    const out: (StoredPositionChunk | Open)[] = this.closed ? [] : this.repo.read(id, from, to);
    for (const c of this.pending.items) if (c.person === id && c.tStart <= to && c.tEnd >= from) out.push(c);
    const b = this.open[p];
    if (b && b.count > 0 && b.t[0]! <= to && b.t[b.count - 1]! >= from) out.push(b);
    return out;
  }

  /** Person `p`'s fixes in [from, to), oldest first, downsampled to `maxPoints` keeping the track's bounds (downsampleTrack). */
  query(p: number, from: number, to: number, maxPoints: number): PositionSeries {
    const all: PositionSeries = { t: [], x: [], y: [], z: [], floor: [], area: [] };
    for (const chunk of this.chunksOf(p, from, to)) {
      const c = 'blob' in chunk ? safeDecode(chunk.blob) : chunk;
      if (!c) continue;
      for (let i = 0; i < c.count; i++) {
        const t = c.t[i]!;
        if (t < from || t >= to) continue;
        all.t.push(t);
        all.x.push(c.x[i]!);
        all.y.push(c.y[i]!);
        all.z.push(c.z[i]!);
        all.floor.push(c.floor[i]!);
        all.area.push(chunk.areas[c.area[i]!] ?? null);
      }
    }
    const keep = downsampleTrack(all.x, all.y, all.t.length, maxPoints);
    if (keep.length === all.t.length) return all;
    const pick = <T>(a: T[]): T[] => keep.map((i) => a[i]!);
    return { t: pick(all.t), x: pick(all.x), y: pick(all.y), z: pick(all.z), floor: pick(all.floor), area: pick(all.area) };
  }

  /** Time of person `p`'s oldest fix held, or null. */
  oldest(p: number): number | null {
    const id = this.idOf(p);
    if (id === undefined) return null;
    const stored = this.closed ? null : this.repo.oldest(id);
    if (stored !== null) return stored;
    const pend = this.pending.items.find((c) => c.person === id);
    if (pend) return pend.tStart;
    const b = this.open[p];
    return b && b.count > 0 ? b.t[0]! : null;
  }

  /**
   * Everyone who came within `radius` m (in the plane; on `floor` only, when given) of (x, y)
   * in [from, to], each with their closest fix, nearest first. Reads only the chunks whose
   * bounding box touches the circle's square.
   */
  near(x: number, y: number, radius: number, from: number, to: number, floor: number | null = null): NearHit[] {
    const box: Box = { minX: x - radius, minY: y - radius, maxX: x + radius, maxY: y + radius };
    const touches = (c: Box): boolean => c.maxX >= box.minX && c.minX <= box.maxX && c.maxY >= box.minY && c.minY <= box.maxY;
    const chunks: (StoredPositionChunk | Open)[] = this.closed ? [] : this.repo.near(from, to, box);
    for (const c of this.pending.items) if (c.tStart <= to && c.tEnd >= from && touches(c)) chunks.push(c);
    for (const b of this.open) if (b && b.count > 0 && b.t[0]! <= to && b.t[b.count - 1]! >= from && touches(b.box)) chunks.push(b);
    const best = new Map<string, NearHit>();
    const r2 = radius * radius;
    for (const chunk of chunks) {
      const isStored = 'blob' in chunk;
      const c = isStored ? safeDecode(chunk.blob) : chunk;
      if (!c) continue;
      const person = isStored ? chunk.person : chunk.id;
      for (let i = 0; i < c.count; i++) {
        const t = c.t[i]!;
        if (t < from || t > to || (floor !== null && c.floor[i] !== floor)) continue;
        const dx = c.x[i]! - x;
        const dy = c.y[i]! - y;
        const d2 = dx * dx + dy * dy;
        if (d2 > r2) continue;
        const hit = best.get(person);
        const d = Math.sqrt(d2);
        if (!hit) {
          best.set(person, { person, distance: d, t, x: c.x[i]!, y: c.y[i]!, z: c.z[i]!, floor: c.floor[i]!, area: chunk.areas[c.area[i]!] ?? null, firstInside: t, lastInside: t, fixesInside: 1 });
          continue;
        }
        hit.fixesInside++;
        if (t < hit.firstInside) hit.firstInside = t;
        if (t > hit.lastInside) hit.lastInside = t;
        if (d < hit.distance) Object.assign(hit, { distance: d, t, x: c.x[i]!, y: c.y[i]!, z: c.z[i]!, floor: c.floor[i]!, area: chunk.areas[c.area[i]!] ?? null });
      }
    }
    return [...best.values()].sort((a, b) => a.distance - b.distance || a.person.localeCompare(b.person));
  }

  /** Chunks waiting to be written and fixes in open chunks. */
  get held(): { pending: number; openFixes: number } {
    let openFixes = 0;
    for (const b of this.open) openFixes += b?.count ?? 0;
    return { pending: this.pending.items.length, openFixes };
  }
}

function safeDecode(blob: Uint8Array): ReturnType<typeof decodePositionChunk> | null {
  try {
    return decodePositionChunk(blob);
  } catch (err) {
    console.error('position history: skipping a corrupt chunk / 跳过损坏的位置数据块:', err);
    return null;
  }
}
