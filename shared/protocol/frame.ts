/**
 * Telemetry lane: one binary columnar frame carries many samples. Layout, little-endian:
 *
 *   offset  size  field
 *   0       4     magic 0x56475431 ("VGT1" read as bytes 31 54 47 56)
 *   4       2     version (1)
 *   6       2     flags (bit 0: keyframe — the frame holds every subscribed tag;
 *                        bit 1: conflated — latest values of tags held back from this console)
 *   8       4     count N
 *   12      4     frame sequence (the server tick that built it: increases, may skip; wraps at 2^32)
 *   16      8     base time, ms since epoch (float64)
 *   24      4     samples conflated for this console since it subscribed (uint32, saturates;
 *                  0 in frames shared by a group — only a console's own frames carry it)
 *   28      4     frames skipped for this console since it subscribed (uint32, saturates)
 *   32      8·N   values, float64 (NaN when quality is bad/offline and no value is known)
 *   …       4·N   tag indices, uint32 (index into the plant model's `tags`)
 *   …       4·N   sample time minus base time, ms, int32
 *   …       1·N   quality, uint8 (0 good, 1 uncertain, 2 bad, 3 offline)
 *   …       pad to a multiple of 8
 *
 * Values come first so that the float64 column is 8-byte aligned whenever the frame is.
 */

export const FRAME_MAGIC = 0x56475431;
export const FRAME_VERSION = 1;
export const FRAME_HEADER_BYTES = 32;
export const FrameFlags = { Keyframe: 1, Conflated: 2 } as const;

/** What a console lost to conflation since it subscribed (frame bytes 24–31). */
export interface FrameConflation {
  samples: number;
  frames: number;
}

export interface SampleColumns {
  /** Tag indices. */
  ids: Uint32Array;
  values: Float64Array;
  /** Absolute sample times, ms since epoch. */
  times: Float64Array;
  quality: Uint8Array;
}

export interface DecodedFrame {
  flags: number;
  seq: number;
  baseTime: number;
  count: number;
  ids: Uint32Array;
  values: Float64Array;
  /** Offsets from baseTime, ms. */
  dt: Int32Array;
  quality: Uint8Array;
  /** Bytes 24–31: cumulative conflation counters; both 0 in ordinary shared frames. */
  conflatedSamples: number;
  conflatedFrames: number;
}

export function frameByteLength(count: number): number {
  const raw = FRAME_HEADER_BYTES + count * (8 + 4 + 4 + 1);
  return (raw + 7) & ~7;
}

/**
 * Encodes `count` samples starting at column position 0. Base time is the earliest sample
 * time, so offsets are non-negative and fit an int32 for ~24 days.
 */
export function encodeFrame(cols: SampleColumns, count: number, seq: number, flags = 0, conflation?: FrameConflation): ArrayBuffer {
  const buf = new ArrayBuffer(frameByteLength(count));
  const dv = new DataView(buf);
  let base = Infinity;
  for (let i = 0; i < count; i++) {
    const t = cols.times[i]!;
    if (t < base) base = t;
  }
  if (!Number.isFinite(base)) base = 0;
  dv.setUint32(0, FRAME_MAGIC, true);
  dv.setUint16(4, FRAME_VERSION, true);
  dv.setUint16(6, flags, true);
  dv.setUint32(8, count, true);
  dv.setUint32(12, seq >>> 0, true);
  dv.setFloat64(16, base, true);
  if (conflation) {
    dv.setUint32(24, Math.min(conflation.samples, 0xffffffff), true);
    dv.setUint32(28, Math.min(conflation.frames, 0xffffffff), true);
  }
  let off = FRAME_HEADER_BYTES;
  new Float64Array(buf, off, count).set(cols.values.subarray(0, count));
  off += 8 * count;
  new Uint32Array(buf, off, count).set(cols.ids.subarray(0, count));
  off += 4 * count;
  const dt = new Int32Array(buf, off, count);
  for (let i = 0; i < count; i++) dt[i] = Math.round(cols.times[i]! - base);
  off += 4 * count;
  new Uint8Array(buf, off, count).set(cols.quality.subarray(0, count));
  return buf;
}

export class FrameError extends Error {}

/**
 * Decodes a frame. Columns are views into `bytes` when it is 8-byte aligned, copies otherwise
 * (socket.io may hand over a Buffer at any offset). Throws FrameError on anything malformed.
 */
export function decodeFrame(bytes: ArrayBuffer | Uint8Array): DecodedFrame {
  let u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.byteLength < FRAME_HEADER_BYTES) throw new FrameError('frame shorter than its header');
  // new Uint8Array(view) copies; a Node Buffer's slice() would not.
  if (u8.byteOffset % 8 !== 0) u8 = new Uint8Array(u8);
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  if (dv.getUint32(0, true) !== FRAME_MAGIC) throw new FrameError('bad frame magic');
  const version = dv.getUint16(4, true);
  if (version !== FRAME_VERSION) throw new FrameError(`unsupported frame version ${version}`);
  const count = dv.getUint32(8, true);
  if (u8.byteLength < frameByteLength(count) - 7 || u8.byteLength < FRAME_HEADER_BYTES + count * 17) {
    throw new FrameError(`frame of ${u8.byteLength} bytes cannot hold ${count} samples`);
  }
  let off = u8.byteOffset + FRAME_HEADER_BYTES;
  const values = new Float64Array(u8.buffer, off, count);
  off += 8 * count;
  const ids = new Uint32Array(u8.buffer, off, count);
  off += 4 * count;
  const dt = new Int32Array(u8.buffer, off, count);
  off += 4 * count;
  const quality = new Uint8Array(u8.buffer, off, count);
  return {
    flags: dv.getUint16(6, true),
    seq: dv.getUint32(12, true),
    baseTime: dv.getFloat64(16, true),
    count,
    ids,
    values,
    dt,
    quality,
    conflatedSamples: dv.getUint32(24, true),
    conflatedFrames: dv.getUint32(28, true),
  };
}
