import { BitReader, ChunkFormatError } from './BitReader';
import type { BitWriter } from './BitWriter';

/** Format version of every historian chunk; a decoder refuses any other. */
export const CHUNK_VERSION = 1;

/** What a chunk holds: raw samples, or aggregate rows of a downsampled tier. */
export const ChunkKind = { Samples: 0, Aggregates: 1 } as const;
export type ChunkKindCode = (typeof ChunkKind)[keyof typeof ChunkKind];

export function writeHeader(w: BitWriter, kind: ChunkKindCode, count: number): void {
  w.writeBits(CHUNK_VERSION, 8);
  w.writeBits(kind, 8);
  w.writeVarUint(count);
}

/** Opens a chunk of the expected kind and returns the reader past its header and the count. */
export function readHeader(blob: Uint8Array, kind: ChunkKindCode, maxCount: number): { r: BitReader; count: number } {
  const r = new BitReader(blob);
  const version = r.readBits(8);
  if (version !== CHUNK_VERSION) throw new ChunkFormatError(`chunk version ${version}, expected ${CHUNK_VERSION}`);
  const k = r.readBits(8);
  if (k !== kind) throw new ChunkFormatError(`chunk kind ${k}, expected ${kind}`);
  const count = r.readVarUint();
  // Bound allocations by what the blob could possibly hold (≥ 1 bit per entry and column).
  if (count > maxCount || count > blob.length * 8) throw new ChunkFormatError(`chunk of ${count} entries`);
  return { r, count };
}
