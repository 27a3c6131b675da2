import type { BitReader } from './BitReader';
import { ChunkFormatError } from './BitReader';
import type { BitWriter } from './BitWriter';
import { MAX_CODED_INT, unzigzag, zigzag } from './zigzag';

/**
 * Timestamps (integer ms) as delta-of-delta, Gorilla-style: a regular series (every sample one
 * period after the last) costs one bit per sample; jitter of up to ±64 ms nine bits. Buckets:
 * `0` same delta; `10`+7, `110`+10, `1110`+15, `11110`+24 bits of zig-zagged change; `11111` +
 * a self-delimiting integer for anything larger (a gap of days, a clock step back).
 *
 * Times need not increase (a clock stepped back still round-trips), but each must be an
 * integer with |t| < 2^50 ms, which keeps every difference inside the integer codec.
 */
export function writeTimes(w: BitWriter, times: ArrayLike<number>, count: number): void {
  let prev = 0;
  let prevDelta = 0;
  for (let i = 0; i < count; i++) {
    const t = times[i]!;
    if (!Number.isInteger(t) || Math.abs(t) >= MAX_CODED_INT / 2) throw new RangeError(`sample time ${t} is not an integer ms below 2^50`);
    if (i === 0) {
      w.writeVarUint(zigzag(t));
      prev = t;
      continue;
    }
    const delta = t - prev;
    const z = zigzag(delta - prevDelta);
    if (z === 0) w.writeBits(0, 1);
    else if (z < 1 << 7) w.writeBits((0b10 << 7) | z, 9);
    else if (z < 1 << 10) w.writeBits((0b110 << 10) | z, 13);
    else if (z < 1 << 15) w.writeBits((0b1110 << 15) | z, 19);
    else if (z < 1 << 24) {
      w.writeBits(0b11110, 5);
      w.writeBits(z, 24);
    } else {
      w.writeBits(0b11111, 5);
      w.writeVarUint(z);
    }
    prevDelta = delta;
    prev = t;
  }
}

/** Payload widths of the prefixes `10`, `110`, `1110`, `11110`. */
const DOD_WIDTHS = [7, 10, 15, 24] as const;

/** Reads `count` times written by writeTimes into `out`. */
export function readTimes(r: BitReader, count: number, out: Float64Array): void {
  let prev = 0;
  let prevDelta = 0;
  for (let i = 0; i < count; i++) {
    if (i === 0) {
      prev = unzigzag(r.readVarUint());
      out[0] = prev;
      continue;
    }
    let ones = 0;
    while (ones < 5 && r.readBit() === 1) ones++;
    const z = ones === 0 ? 0 : ones === 5 ? r.readVarUint() : r.readBits(DOD_WIDTHS[ones - 1]!);
    const delta = prevDelta + unzigzag(z);
    prev += delta;
    if (!Number.isSafeInteger(prev)) throw new ChunkFormatError('time out of range');
    out[i] = prev;
    prevDelta = delta;
  }
}
