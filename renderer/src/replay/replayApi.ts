import { journalEventSchema, type JournalEvent } from '../../../shared/state/events';
import type { CommandState } from '../../../shared/state/reducer';
import { decodePositions, PositionsFlags, type DecodedPositions } from '../../../shared/people/positionsFrame';
import { completeState } from '../data/completeState';
import { completeCommandState } from '../../../shared/state/reducer';
import { robotStatusSchema, type RobotsMessage } from '../../../shared/robots/model';

/**
 * Everything the console shows at one instant (GET /api/v1/replay/frame?at=): the reducer state
 * (seq, time), every tag's latest value in plant tag order, and people's positions as a keyframe.
 * `values`/`positions` are null where the server gave none (then only command state replays);
 * `robots` the inspection robots' recorded statuses at that instant, null (or absent) where the
 * server records none.
 */
export interface ReplayFrame {
  seq: number;
  time: number;
  state: CommandState;
  values: Float64Array | null;
  /** Per-tag sample times (ms); null: all at `time`. */
  times: Float64Array | null;
  quality: Uint8Array | null;
  positions: DecodedPositions | null;
  robots?: RobotsMessage | null;
}

/** What replay reads from the plant server; a fake drives the unit tests. */
export interface ReplayApi {
  /** The frame at `at` (ms since epoch); throws ReplayReadError when it cannot be had. */
  frame(at: number): Promise<ReplayFrame>;
  /** Journal events after `afterSeq`, oldest first, at most `limit` (fewer = the journal's end for now). */
  events(afterSeq: number, limit: number): Promise<JournalEvent[]>;
  /** Journal events with time in [from, to], oldest first (timeline markers, traceability). */
  eventsBetween(from: number, to: number): Promise<JournalEvent[]>;
  /** Who came within `radius` m of (x, y) in [from, to] (GET /api/v1/positions/near), nearest first. */
  peopleNear?(x: number, y: number, radius: number, from: number, to: number): Promise<NearPerson[]>;
}

/** One person's closest approach to a point (docs/people.md positions/near). */
export interface NearPerson {
  person: string;
  name: { zh: string; en: string } | null;
  role: string | null;
  distance: number;
  t: number;
  area: string | null;
}

export class ReplayReadError extends Error {}

type Json = Record<string, unknown>;

function numbers(v: unknown): Float64Array | null {
  if (!Array.isArray(v)) return null;
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = typeof v[i] === 'number' ? (v[i] as number) : Number.NaN;
  return out;
}

function bytes(v: unknown): Uint8Array | null {
  return Array.isArray(v) ? Uint8Array.from(v.map((x) => (typeof x === 'number' ? x : 3))) : null;
}

function base64Bytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Positions in a frame, in either form the server may send: a base64 positions frame
 * (docs/protocol.md §3.9), or columns `{person, x, y, z?, floor?, area?, state?, battery?, occupancy?}`.
 * Always handed on as a keyframe: the table at that instant replaces the console's.
 */
export function readPositions(v: unknown, baseTime: number, resolve?: PeopleResolver): DecodedPositions | null {
  if (typeof v === 'string' && v.length > 0) {
    const d = decodePositions(base64Bytes(v));
    return { ...d, flags: d.flags | PositionsFlags.Keyframe };
  }
  if (Array.isArray(v)) return resolve ? positionRows(v as PositionRow[], baseTime, resolve) : null;
  if (!v || typeof v !== 'object') return null;
  const c = v as Json;
  const person = numbers(c.person ?? c.index);
  const x = numbers(c.x);
  const y = numbers(c.y);
  if (!person || !x || !y) return null;
  const n = Math.min(person.length, x.length, y.length);
  const col = (k: string): Float64Array => numbers(c[k]) ?? new Float64Array(n);
  const z = col('z');
  const floor = col('floor');
  const area = col('area');
  const state = col('state');
  const battery = numbers(c.battery);
  const occ = numbers(c.occupancy) ?? new Float64Array(0);
  const dt = new Int32Array(n);
  const times = numbers(c.time ?? c.t);
  for (let i = 0; i < n; i++) dt[i] = times ? Math.round(times[i]! - baseTime) : 0;
  return {
    flags: PositionsFlags.Keyframe,
    seq: 0,
    baseTime,
    registryVersion: typeof c.registryVersion === 'number' ? c.registryVersion : -1,
    count: n,
    x: x.slice(0, n),
    y: y.slice(0, n),
    z: z.slice(0, n),
    person: Uint32Array.from(person.slice(0, n)),
    dt,
    occupancy: Uint32Array.from(occ),
    area: Uint16Array.from(area.slice(0, n)),
    floor: Uint8Array.from(floor.slice(0, n)),
    battery: battery ? Uint8Array.from(battery.slice(0, n)) : new Uint8Array(n).fill(255),
    state: Uint8Array.from(state.slice(0, n)),
  };
}

/** Maps a frame's person and area ids to the console's registry index and plant area slot. */
export interface PeopleResolver {
  /** Registry index of a person id, or -1 when the registry does not know them. */
  personIndex(id: string): number;
  /** Plant area ids in plant order (slot = index; roads = length). */
  areas(): readonly string[];
  registryVersion(): number;
}

/** One person's last fix in a frame (GET /api/v1/replay/frame `positions`). */
interface PositionRow {
  person: string;
  t: number;
  x: number;
  y: number;
  z?: number;
  floor?: number;
  area: string | null;
}

/** Rows of person fixes → a keyframe, with the occupancy per area counted from them. */
export function positionRows(rows: readonly PositionRow[], baseTime: number, r: PeopleResolver): DecodedPositions {
  const areaIds = r.areas();
  const slotOf = new Map(areaIds.map((a, i) => [a, i]));
  const A = areaIds.length;
  const known = rows.map((p) => ({ p, i: r.personIndex(p.person) })).filter((k) => k.i >= 0);
  const n = known.length;
  const d: DecodedPositions = {
    flags: PositionsFlags.Keyframe,
    seq: 0,
    baseTime,
    registryVersion: r.registryVersion(),
    count: n,
    x: new Float64Array(n),
    y: new Float64Array(n),
    z: new Float64Array(n),
    person: new Uint32Array(n),
    dt: new Int32Array(n),
    occupancy: new Uint32Array(A + 1),
    area: new Uint16Array(n),
    floor: new Uint8Array(n),
    battery: new Uint8Array(n).fill(255),
    state: new Uint8Array(n),
  };
  known.forEach(({ p, i }, k) => {
    const slot = p.area !== null && slotOf.has(p.area) ? slotOf.get(p.area)! : A;
    d.person[k] = i;
    d.x[k] = p.x;
    d.y[k] = p.y;
    d.z[k] = p.z ?? 0;
    d.floor[k] = p.floor ?? 0;
    d.area[k] = slot;
    d.dt[k] = Math.round(p.t - baseTime);
    d.occupancy[slot]!++;
  });
  return d;
}

/**
 * Reads a frame body. `values` is the tag column in plant order: an array of numbers (null =
 * no value), or `{value|values, time|times?, quality?}` columns.
 */
export function readFrame(body: unknown, resolve?: PeopleResolver): ReplayFrame {
  const b = body as Json | null;
  if (!b || typeof b !== 'object' || typeof b.seq !== 'number' || !b.state || typeof b.state !== 'object') throw new ReplayReadError('unreadable replay frame');
  const state = completeState(completeCommandState(b.state as CommandState));
  const time = typeof b.time === 'number' ? b.time : state.time;
  let values: Float64Array | null = null;
  let times: Float64Array | null = null;
  let quality: Uint8Array | null = null;
  if (Array.isArray(b.values)) values = numbers(b.values);
  else if (b.values && typeof b.values === 'object') {
    const v = b.values as Json;
    values = numbers(v.value ?? v.values);
    times = numbers(v.t ?? v.time ?? v.times);
    // A tag with no sample held (null time) reads as never received.
    if (times) for (let i = 0; i < times.length; i++) if (!Number.isFinite(times[i])) times[i] = 0;
    quality = bytes(v.quality);
  }
  return { seq: b.seq, time, state, values, times, quality, positions: readPositions(b.positions, time, resolve), robots: readRobots(b.robots, typeof b.at === 'number' ? b.at : time) };
}

/** A frame's robots as a `robots` message at the frame's instant; null when absent. Unreadable entries are dropped (validated like the live lane). */
export function readRobots(v: unknown, time: number): RobotsMessage | null {
  if (!Array.isArray(v)) return null;
  const robots = v.flatMap((r) => {
    const p = robotStatusSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
  return { time, robots };
}

/** Validates journal events, dropping none silently: an unreadable one fails the read. */
export function readEvents(raw: unknown): JournalEvent[] {
  const list = Array.isArray(raw) ? raw : Array.isArray((raw as Json | null)?.events) ? ((raw as Json).events as unknown[]) : null;
  if (!list) throw new ReplayReadError('unreadable journal page');
  return list.map((r) => {
    const p = journalEventSchema.safeParse(r);
    if (!p.success) throw new ReplayReadError('unreadable journal event');
    return p.data;
  });
}
