import { describe, expect, it } from 'vitest';
import { ChunkFormatError } from '../../shared/historian/BitReader';
import { createRng } from '../../shared/util/rng';
import { decodePositionChunk, emptyColumns, encodePositionChunk, quantise } from './positionChunk';

describe('position chunks', () => {
  it('round-trips a walked track to the 2^-7 m grid in a few bytes a fix', () => {
    const r = createRng(7);
    const rng = (): number => r.next();
    const n = 600;
    const c = emptyColumns(n);
    c.count = n;
    let x = 312.4;
    let y = 88.1;
    for (let i = 0; i < n; i++) {
      x += 1.3 * Math.cos(i / 40) + (rng() - 0.5) * 0.3;
      y += 1.3 * Math.sin(i / 40) + (rng() - 0.5) * 0.3;
      c.t[i] = 1_780_000_000_000 + i * 1000 + (i % 7 === 0 ? 3 : 0);
      c.x[i] = x;
      c.y[i] = y;
      c.z[i] = i < 300 ? 0 : 3.5;
      c.floor[i] = i < 300 ? 0 : 1;
      c.area[i] = i < 100 ? -1 : i < 400 ? 0 : 1;
    }
    const blob = encodePositionChunk(c);
    const d = decodePositionChunk(blob);
    expect(d.count).toBe(n);
    for (let i = 0; i < n; i++) {
      expect(d.t[i]).toBe(c.t[i]);
      expect(d.x[i]).toBe(quantise(c.x[i]!));
      expect(Math.abs(d.y[i]! - c.y[i]!)).toBeLessThanOrEqual(2 ** -8);
      expect(d.z[i]).toBe(c.z[i]);
      expect(d.floor[i]).toBe(c.floor[i]);
      expect(d.area[i]).toBe(c.area[i]);
    }
    // 6 columns of 8-byte doubles would be 48 bytes a fix.
    expect(blob.length / n).toBeLessThan(6);
  });

  it('refuses blobs that are not position chunks or are cut short', () => {
    const c = emptyColumns(3);
    c.count = 3;
    c.t.set([1000, 2000, 3000]);
    const blob = encodePositionChunk(c);
    expect(() => decodePositionChunk(blob.slice(0, 4))).toThrow(ChunkFormatError);
    const other = blob.slice();
    other[1] = 0;
    expect(() => decodePositionChunk(other)).toThrow(/not a position chunk/);
  });
});
