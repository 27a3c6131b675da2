import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FrameError, FrameFlags } from './frame';

function cols(n: number) {
  const ids = new Uint32Array(n);
  const values = new Float64Array(n);
  const times = new Float64Array(n);
  const quality = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = i * 3;
    values[i] = i === 2 ? NaN : i * 1.5 - 7;
    times[i] = 1_700_000_000_000 + i * 10;
    quality[i] = i % 4;
  }
  return { ids, values, times, quality };
}

describe('telemetry frame', () => {
  it('round-trips every column', () => {
    const c = cols(1000);
    const f = decodeFrame(encodeFrame(c, 1000, 42, FrameFlags.Keyframe));
    expect(f.count).toBe(1000);
    expect(f.seq).toBe(42);
    expect(f.flags).toBe(FrameFlags.Keyframe);
    expect(Array.from(f.ids)).toEqual(Array.from(c.ids));
    expect(Number.isNaN(f.values[2])).toBe(true);
    expect(f.values[999]).toBe(999 * 1.5 - 7);
    expect(f.baseTime + f.dt[500]!).toBe(c.times[500]);
    expect(Array.from(f.quality)).toEqual(Array.from(c.quality));
  });

  it('encodes only the first `count` entries', () => {
    const f = decodeFrame(encodeFrame(cols(10), 4, 1));
    expect(f.count).toBe(4);
    expect(Array.from(f.ids)).toEqual([0, 3, 6, 9]);
  });

  it('decodes a buffer at an unaligned offset', () => {
    const bytes = new Uint8Array(encodeFrame(cols(5), 5, 7));
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    const f = decodeFrame(shifted.subarray(3));
    expect(f.values[4]).toBe(4 * 1.5 - 7);
  });

  it('decodes a Node Buffer at an unaligned offset (socket.io hands those over)', () => {
    const bytes = new Uint8Array(encodeFrame(cols(5), 5, 7));
    const shifted = Buffer.alloc(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    const f = decodeFrame(shifted.subarray(3));
    expect(f.values[4]).toBe(4 * 1.5 - 7);
  });

  it('rejects malformed frames', () => {
    expect(() => decodeFrame(new Uint8Array(4))).toThrow(FrameError);
    const bytes = new Uint8Array(encodeFrame(cols(5), 5, 7));
    const bad = bytes.slice();
    bad[0] = 0;
    expect(() => decodeFrame(bad)).toThrow(/magic/);
    const lying = bytes.slice();
    new DataView(lying.buffer).setUint32(8, 1_000_000, true);
    expect(() => decodeFrame(lying)).toThrow(/cannot hold/);
    expect(() => decodeFrame(bytes.slice(0, 40))).toThrow(FrameError);
  });
});

describe('frame conflation counters', () => {
  it('carries a console\'s conflation counters in bytes 24–31, zero when not given', () => {
    const cols = { ids: Uint32Array.of(3), values: Float64Array.of(1.5), times: Float64Array.of(1000), quality: Uint8Array.of(0) };
    const plain = decodeFrame(encodeFrame(cols, 1, 7));
    expect([plain.conflatedSamples, plain.conflatedFrames]).toEqual([0, 0]);
    const own = decodeFrame(encodeFrame(cols, 1, 8, FrameFlags.Conflated, { samples: 123_456, frames: 78 }));
    expect([own.flags, own.conflatedSamples, own.conflatedFrames]).toEqual([FrameFlags.Conflated, 123_456, 78]);
    expect(decodeFrame(encodeFrame(cols, 1, 9, 0, { samples: 2 ** 40, frames: 1 })).conflatedSamples).toBe(0xffffffff);
  });
});
