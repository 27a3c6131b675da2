import { BitWriter } from './BitWriter';
import { ChunkKind, readHeader, writeHeader } from './chunkHeader';
import { readQualities, writeQualities } from './qualityColumn';
import { readTimes, writeTimes } from './timeColumn';
import { readValues, writeValues } from './valueColumn';

/** Samples of one tag as parallel columns; only the first `count` entries are meaningful. */
export interface SampleColumns {
  count: number;
  /** Integer ms since the epoch. */
  times: Float64Array;
  values: Float64Array;
  /** shared/plant/band Quality codes. */
  quality: Uint8Array;
}

/** Most samples one chunk may hold (a decoder refuses more: a guard against corrupt blobs). */
export const MAX_CHUNK_SAMPLES = 1 << 20;

/**
 * Encodes one tag's samples as a chunk: header, delta-of-delta times, values (quantised to
 * 2^exponent, or XOR when `exponent` is null or a value does not fit), quality runs.
 * Throws RangeError for a time that is not an integer ms (see writeTimes) or too many samples.
 */
export function encodeSampleChunk(s: { count: number; times: ArrayLike<number>; values: ArrayLike<number>; quality: ArrayLike<number> }, exponent: number | null): Uint8Array {
  if (s.count > MAX_CHUNK_SAMPLES) throw new RangeError(`a chunk holds at most ${MAX_CHUNK_SAMPLES} samples`);
  const w = new BitWriter(16 + s.count * 2);
  writeHeader(w, ChunkKind.Samples, s.count);
  writeTimes(w, s.times, s.count);
  writeValues(w, s.values, s.count, exponent);
  writeQualities(w, s.quality, s.count);
  return w.finish();
}

/** Decodes a chunk written by encodeSampleChunk; throws ChunkFormatError when it is not one. */
export function decodeSampleChunk(blob: Uint8Array): SampleColumns {
  const { r, count } = readHeader(blob, ChunkKind.Samples, MAX_CHUNK_SAMPLES);
  const out: SampleColumns = { count, times: new Float64Array(count), values: new Float64Array(count), quality: new Uint8Array(count) };
  readTimes(r, count, out.times);
  readValues(r, count, out.values);
  readQualities(r, count, out.quality);
  return out;
}
