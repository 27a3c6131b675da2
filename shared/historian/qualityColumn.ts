import type { BitReader } from './BitReader';
import { ChunkFormatError } from './BitReader';
import type { BitWriter } from './BitWriter';

/**
 * Quality codes (one byte each) as runs: the number of runs, then per run the code (8 bits)
 * and its length. A chunk whose samples are all Good costs a few bytes however long it is.
 */
export function writeQualities(w: BitWriter, quality: ArrayLike<number>, count: number): void {
  let runs = 0;
  for (let i = 0; i < count; i++) if (i === 0 || quality[i] !== quality[i - 1]) runs++;
  w.writeVarUint(runs);
  let start = 0;
  for (let i = 1; i <= count; i++) {
    if (i === count || quality[i] !== quality[start]) {
      w.writeBits(quality[start]! & 0xff, 8);
      w.writeVarUint(i - start);
      start = i;
    }
  }
}

export function readQualities(r: BitReader, count: number, out: Uint8Array): void {
  const runs = r.readVarUint();
  let at = 0;
  for (let k = 0; k < runs; k++) {
    const q = r.readBits(8);
    const len = r.readVarUint();
    if (at + len > count) throw new ChunkFormatError('quality runs longer than the chunk');
    out.fill(q, at, at + len);
    at += len;
  }
  if (at !== count) throw new ChunkFormatError('quality runs shorter than the chunk');
}
