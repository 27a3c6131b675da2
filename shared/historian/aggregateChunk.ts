import { AggregateRows } from './AggregateRows';
import { ChunkFormatError } from './BitReader';
import { BitWriter } from './BitWriter';
import { ChunkKind, readHeader, writeHeader } from './chunkHeader';
import { readTimes, writeTimes } from './timeColumn';
import { readValues, writeValues } from './valueColumn';

const MAX_ROWS = 1 << 20;

/**
 * Encodes aggregate rows of one tag as a chunk: header, bucket width, bucket starts
 * (delta-of-delta: one bit a row for consecutive buckets), the counts as integers, then first,
 * min, max, last and mean in the tag's quantum (`exponent`, as for samples; null: lossless XOR).
 * The mean is rounded to the quantum like the rest, an error of at most half a quantum.
 */
export function encodeAggregateChunk(rows: AggregateRows, exponent: number | null): Uint8Array {
  const count = rows.length;
  if (count > MAX_ROWS) throw new RangeError(`a chunk holds at most ${MAX_ROWS} rows`);
  const w = new BitWriter(32 + count * 8);
  writeHeader(w, ChunkKind.Aggregates, count);
  w.writeVarUint(rows.widthMs);
  writeTimes(w, rows.start, count);
  writeValues(w, rows.n, count, 0);
  writeValues(w, rows.bad, count, 0);
  for (const col of [rows.first, rows.min, rows.max, rows.last, rows.avg]) writeValues(w, col, count, exponent);
  return w.finish();
}

export function decodeAggregateChunk(blob: Uint8Array): AggregateRows {
  const { r, count } = readHeader(blob, ChunkKind.Aggregates, MAX_ROWS);
  const width = r.readVarUint();
  if (width < 1) throw new ChunkFormatError('bucket width 0');
  const rows = new AggregateRows(width, count);
  rows.length = count;
  readTimes(r, count, rows.start);
  for (const col of [rows.n, rows.bad, rows.first, rows.min, rows.max, rows.last, rows.avg]) readValues(r, count, col);
  return rows;
}
