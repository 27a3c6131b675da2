/**
 * Positions lane: one binary columnar frame carries the latest fix of many people and the
 * occupancy of every area. Layout, little-endian (docs/protocol.md §3.9):
 *
 *   offset     size    field
 *   0          4       magic 0x56475031 ("VGP1" read as bytes 31 50 47 56)
 *   4          2       version (1)
 *   6          2       flags (bit 0: keyframe — the frame holds every person on site)
 *   8          4       count N
 *   12         4       frame sequence (server tick; increases, may skip; wraps at 2^32)
 *   16         8       base time, ms since epoch (float64): when the server built the frame
 *   24         4       registry version (uint32): refetch GET /api/v1/people when it changes
 *   28         2       A, the plant's area count (occupancy has A + 1 slots)
 *   30         2       reserved (0)
 *   32         8·N     x, m (float64)
 *   …          8·N     y, m (float64)
 *   …          8·N     z, m, foot elevation (float64)
 *   …          4·N     person index (uint32): `index` in GET /api/v1/people
 *   …          4·N     fix time − base time, ms (int32; ≤ 0 unless clocks disagree)
 *   …          4·(A+1) occupancy (uint32): people on site per area in plant order, then on site in no area
 *   …          2·N     area slot (uint16): 0…A−1 an area, A none (roads), 0xFFFF off site (left)
 *   …          1·N     floor (uint8): 0 outdoors, k = storey k of a building
 *   …          1·N     battery, % (uint8; 255 unknown)
 *   …          1·N     state (uint8, PersonFlag bits: 1 SOS, 2 man down, 4 signal lost, 8 low
 *                      battery, 16 in a restricted zone unauthorised, 32 in a confined space,
 *                      64 off site, 128 alone)
 *   …          pad to a multiple of 8
 */

export const POSITIONS_MAGIC = 0x56475031;
export const POSITIONS_VERSION = 1;
export const POSITIONS_HEADER_BYTES = 32;
export const PositionsFlags = { Keyframe: 1 } as const;
/** Area slot of a person who has left the site. */
export const OFF_SITE_SLOT = 0xffff;

/** Where the encoder reads people from (GeofenceEngine has this shape). */
export interface PositionSource {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly lastT: Float64Array;
  readonly floor: Int16Array;
  readonly battery: Uint8Array;
  readonly flags: Uint8Array;
  /** Area slot, -1 when not on site. */
  readonly area: Int16Array;
  /** A + 1 slots. */
  readonly areaCounts: Int32Array;
}

export interface DecodedPositions {
  flags: number;
  seq: number;
  baseTime: number;
  registryVersion: number;
  count: number;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  person: Uint32Array;
  dt: Int32Array;
  occupancy: Uint32Array;
  area: Uint16Array;
  floor: Uint8Array;
  battery: Uint8Array;
  state: Uint8Array;
}

export function positionsByteLength(count: number, areas: number): number {
  const raw = POSITIONS_HEADER_BYTES + count * (24 + 8 + 2 + 3) + 4 * (areas + 1);
  return (raw + 7) & ~7;
}

/** Encodes people `persons[0..n)` from `src`. The occupancy is `src.areaCounts` as it is now. */
export function encodePositions(src: PositionSource, persons: ArrayLike<number>, n: number, seq: number, baseTime: number, registryVersion: number, flags = 0): ArrayBuffer {
  const slots = src.areaCounts.length;
  const A = slots - 1;
  const buf = new ArrayBuffer(positionsByteLength(n, A));
  const dv = new DataView(buf);
  dv.setUint32(0, POSITIONS_MAGIC, true);
  dv.setUint16(4, POSITIONS_VERSION, true);
  dv.setUint16(6, flags, true);
  dv.setUint32(8, n, true);
  dv.setUint32(12, seq >>> 0, true);
  dv.setFloat64(16, baseTime, true);
  dv.setUint32(24, registryVersion >>> 0, true);
  dv.setUint16(28, A, true);
  let off = POSITIONS_HEADER_BYTES;
  const xs = new Float64Array(buf, off, n);
  const ys = new Float64Array(buf, off + 8 * n, n);
  const zs = new Float64Array(buf, off + 16 * n, n);
  off += 24 * n;
  const ids = new Uint32Array(buf, off, n);
  const dt = new Int32Array(buf, off + 4 * n, n);
  off += 8 * n;
  const occ = new Uint32Array(buf, off, slots);
  off += 4 * slots;
  const area = new Uint16Array(buf, off, n);
  off += 2 * n;
  const floor = new Uint8Array(buf, off, n);
  const battery = new Uint8Array(buf, off + n, n);
  const state = new Uint8Array(buf, off + 2 * n, n);
  for (let k = 0; k < slots; k++) occ[k] = Math.max(0, src.areaCounts[k]!);
  for (let i = 0; i < n; i++) {
    const p = persons[i]!;
    xs[i] = src.x[p]!;
    ys[i] = src.y[p]!;
    zs[i] = src.z[p]!;
    ids[i] = p;
    const d = src.lastT[p]! - baseTime;
    dt[i] = Number.isFinite(d) ? Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.round(d))) : -(2 ** 31);
    const a = src.area[p]!;
    area[i] = a < 0 ? OFF_SITE_SLOT : a;
    floor[i] = Math.max(0, Math.min(255, src.floor[p]!));
    battery[i] = src.battery[p]!;
    state[i] = src.flags[p]!;
  }
  return buf;
}

export class PositionsFrameError extends Error {}

/**
 * Decodes a positions frame. Columns are views into `bytes` when it is 8-byte aligned, copies
 * otherwise. Throws PositionsFrameError on anything malformed.
 */
export function decodePositions(bytes: ArrayBuffer | Uint8Array): DecodedPositions {
  let u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.byteLength < POSITIONS_HEADER_BYTES) throw new PositionsFrameError('positions frame shorter than its header');
  if (u8.byteOffset % 8 !== 0) u8 = new Uint8Array(u8);
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  if (dv.getUint32(0, true) !== POSITIONS_MAGIC) throw new PositionsFrameError('bad positions frame magic');
  const version = dv.getUint16(4, true);
  if (version !== POSITIONS_VERSION) throw new PositionsFrameError(`unsupported positions frame version ${version}`);
  const n = dv.getUint32(8, true);
  const A = dv.getUint16(28, true);
  if (u8.byteLength < positionsByteLength(n, A)) throw new PositionsFrameError(`positions frame of ${u8.byteLength} bytes cannot hold ${n} people and ${A} areas`);
  const b = u8.buffer;
  let off = u8.byteOffset + POSITIONS_HEADER_BYTES;
  const x = new Float64Array(b, off, n);
  const y = new Float64Array(b, off + 8 * n, n);
  const z = new Float64Array(b, off + 16 * n, n);
  off += 24 * n;
  const person = new Uint32Array(b, off, n);
  const dt = new Int32Array(b, off + 4 * n, n);
  off += 8 * n;
  const occupancy = new Uint32Array(b, off, A + 1);
  off += 4 * (A + 1);
  const area = new Uint16Array(b, off, n);
  off += 2 * n;
  return {
    flags: dv.getUint16(6, true),
    seq: dv.getUint32(12, true),
    baseTime: dv.getFloat64(16, true),
    registryVersion: dv.getUint32(24, true),
    count: n,
    x,
    y,
    z,
    person,
    dt,
    occupancy,
    area,
    floor: new Uint8Array(b, off, n),
    battery: new Uint8Array(b, off + n, n),
    state: new Uint8Array(b, off + 2 * n, n),
  };
}
