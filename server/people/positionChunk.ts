import { BitReader, ChunkFormatError } from '../../shared/historian/BitReader';
import { BitWriter } from '../../shared/historian/BitWriter';
import { readTimes, writeTimes } from '../../shared/historian/timeColumn';
import { readValues, writeValues } from '../../shared/historian/valueColumn';

/** Format version of a position chunk; a decoder refuses any other. */
export const POSITION_CHUNK_VERSION = 1;
/**
 * Kind byte of a position chunk. The historian's chunks use 0 (samples) and 1 (aggregate rows);
 * 16 keeps a position blob from ever being mistaken for one of them, or the other way round.
 */
export const POSITION_CHUNK_KIND = 16;
/** Coordinates are kept to 2^-7 m (7.8 mm): far below a UWB fix's error (10–30 cm). */
export const POSITION_EXPONENT = -7;
/** Most fixes one chunk may hold (a decoder refuses more: a guard against corrupt blobs). */
export const MAX_POSITION_CHUNK = 1 << 16;

/** One person's fixes as parallel columns; only the first `count` entries are meaningful. */
export interface PositionColumns {
  count: number;
  /** Integer ms since the epoch, not decreasing. */
  t: Float64Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  floor: Float64Array;
  /** Index into the chunk's own area list (`areas` of its row), -1 = none (roads, off site). */
  area: Float64Array;
}

/** Rounds a coordinate to the chunk's grid, so that open (unsealed) and stored fixes read the same. */
export function quantise(v: number): number {
  return Math.round(v * 2 ** -POSITION_EXPONENT) / 2 ** -POSITION_EXPONENT;
}

/** What encodePositionChunk takes: the same columns in any numeric arrays (an open buffer keeps compact ones). */
export type ChunkInput = { count: number } & { [K in 't' | 'x' | 'y' | 'z' | 'floor' | 'area']: ArrayLike<number> };

export function emptyColumns(n: number): PositionColumns {
  return { count: 0, t: new Float64Array(n), x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n), floor: new Float64Array(n), area: new Float64Array(n) };
}

/**
 * Encodes a person's fixes with the historian's column codecs (shared/historian, docs/historian.md):
 * delta-of-delta times (one bit a fix at a steady 1 Hz), x, y and z quantised to 2^-7 m (a
 * walking person's step costs about 8–10 bits a coordinate), floor and area as integers (one
 * bit a fix while they do not change). Header: version byte, kind byte, count.
 */
export function encodePositionChunk(c: ChunkInput): Uint8Array {
  if (c.count > MAX_POSITION_CHUNK) throw new RangeError(`a position chunk holds at most ${MAX_POSITION_CHUNK} fixes`);
  const w = new BitWriter(16 + c.count * 5);
  w.writeBits(POSITION_CHUNK_VERSION, 8);
  w.writeBits(POSITION_CHUNK_KIND, 8);
  w.writeVarUint(c.count);
  writeTimes(w, c.t, c.count);
  writeValues(w, c.x, c.count, POSITION_EXPONENT);
  writeValues(w, c.y, c.count, POSITION_EXPONENT);
  writeValues(w, c.z, c.count, POSITION_EXPONENT);
  writeValues(w, c.floor, c.count, 0);
  writeValues(w, c.area, c.count, 0);
  return w.finish();
}

/** Decodes a chunk written by encodePositionChunk; throws ChunkFormatError when it is not one. */
export function decodePositionChunk(blob: Uint8Array): PositionColumns {
  const r = new BitReader(blob);
  const version = r.readBits(8);
  if (version !== POSITION_CHUNK_VERSION) throw new ChunkFormatError(`position chunk version ${version}, expected ${POSITION_CHUNK_VERSION}`);
  const kind = r.readBits(8);
  if (kind !== POSITION_CHUNK_KIND) throw new ChunkFormatError(`chunk kind ${kind} is not a position chunk`);
  const count = r.readVarUint();
  if (count > MAX_POSITION_CHUNK || count > blob.length * 8) throw new ChunkFormatError(`position chunk of ${count} fixes`);
  const c = emptyColumns(count);
  c.count = count;
  readTimes(r, count, c.t);
  readValues(r, count, c.x);
  readValues(r, count, c.y);
  readValues(r, count, c.z);
  readValues(r, count, c.floor);
  readValues(r, count, c.area);
  return c;
}
