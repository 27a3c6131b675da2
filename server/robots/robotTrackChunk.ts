import { BitReader, ChunkFormatError } from '../../shared/historian/BitReader';
import { BitWriter } from '../../shared/historian/BitWriter';
import { readTimes, writeTimes } from '../../shared/historian/timeColumn';
import { readValues, writeValues } from '../../shared/historian/valueColumn';

/** Format version of a robot track chunk; a decoder refuses any other. */
export const ROBOT_CHUNK_VERSION = 1;
/**
 * Kind byte of a robot track chunk: the historian uses 0 and 1, people's positions 16; 17 keeps
 * a robot blob from being read as either.
 */
export const ROBOT_CHUNK_KIND = 17;
/** Most fixes one chunk may hold (a decoder refuses more: a guard against corrupt blobs). */
export const MAX_ROBOT_CHUNK = 1 << 16;

/**
 * Grid of each column, as a power-of-two exponent: position 2^-7 m (7.8 mm, far below what a
 * map shows), heading 2^-10 rad (0.06°), battery 2^-4 % ; state and checkpoint are integers.
 */
export const ROBOT_EXPONENTS = { x: -7, y: -7, z: -7, heading: -10, battery: -4, state: 0, next: 0 } as const;

export type RobotColumn = keyof typeof ROBOT_EXPONENTS;

/** One robot's fixes as parallel columns; only the first `count` entries are meaningful. */
export type RobotColumns = { count: number; t: Float64Array } & { [K in RobotColumn]: Float64Array };

/** What encodeRobotChunk takes: the same columns in any numeric arrays. */
export type RobotChunkInput = { count: number } & { [K in 't' | RobotColumn]: ArrayLike<number> };

const COLUMNS = Object.keys(ROBOT_EXPONENTS) as RobotColumn[];

/** Rounds a value to its column's grid, so that open (unsealed) and stored fixes read the same. */
export function quantiseRobot(col: RobotColumn, v: number): number {
  const q = 2 ** -ROBOT_EXPONENTS[col];
  return Math.round(v * q) / q;
}

export function emptyRobotColumns(n: number): RobotColumns {
  const c = { count: 0, t: new Float64Array(n) } as RobotColumns;
  for (const k of COLUMNS) c[k] = new Float64Array(n);
  return c;
}

/**
 * Encodes a robot's fixes with the historian's column codecs (shared/historian,
 * docs/historian.md): delta-of-delta times (about one bit a fix at a steady 1 Hz), every other
 * column quantised to its grid and delta-coded (a parked or charging robot costs a few bits a
 * fix; a moving one 8–10 bits a coordinate). Header: version byte, kind byte, count.
 */
export function encodeRobotChunk(c: RobotChunkInput): Uint8Array {
  if (c.count > MAX_ROBOT_CHUNK) throw new RangeError(`a robot track chunk holds at most ${MAX_ROBOT_CHUNK} fixes`);
  const w = new BitWriter(16 + c.count * 8);
  w.writeBits(ROBOT_CHUNK_VERSION, 8);
  w.writeBits(ROBOT_CHUNK_KIND, 8);
  w.writeVarUint(c.count);
  writeTimes(w, c.t, c.count);
  for (const k of COLUMNS) writeValues(w, c[k], c.count, ROBOT_EXPONENTS[k]);
  return w.finish();
}

/** Decodes a chunk written by encodeRobotChunk; throws ChunkFormatError when it is not one. */
export function decodeRobotChunk(blob: Uint8Array): RobotColumns {
  const r = new BitReader(blob);
  const version = r.readBits(8);
  if (version !== ROBOT_CHUNK_VERSION) throw new ChunkFormatError(`robot track chunk version ${version}, expected ${ROBOT_CHUNK_VERSION}`);
  const kind = r.readBits(8);
  if (kind !== ROBOT_CHUNK_KIND) throw new ChunkFormatError(`chunk kind ${kind} is not a robot track chunk`);
  const count = r.readVarUint();
  if (count > MAX_ROBOT_CHUNK || count > blob.length * 8) throw new ChunkFormatError(`robot track chunk of ${count} fixes`);
  const c = emptyRobotColumns(count);
  c.count = count;
  readTimes(r, count, c.t);
  for (const k of COLUMNS) readValues(r, count, c[k]);
  return c;
}
