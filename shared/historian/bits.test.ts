import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng';
import { BitReader, ChunkFormatError } from './BitReader';
import { bitWidth, BitWriter } from './BitWriter';
import { unzigzag, zigzag } from './zigzag';

describe('BitWriter / BitReader', () => {
  it('round-trips fields of every width 0..32 and wide integers, MSB first', () => {
    const rng = createRng(7);
    const fields: [number, number][] = [];
    const w = new BitWriter(16);
    for (let i = 0; i < 5000; i++) {
      const n = Math.floor(rng.next() * 33);
      const v = n === 0 ? 0 : Math.floor(rng.next() * 2 ** n);
      fields.push([v, n]);
      w.writeBits(v, n);
    }
    const wide = [0, 1, 2 ** 32, 2 ** 40 + 12345, 2 ** 53 - 1];
    for (const v of wide) w.writeVarUint(v);
    const bits = w.bitLength;
    const bytes = w.finish();
    expect(bytes.length).toBe(Math.ceil(bits / 8));
    const r = new BitReader(bytes);
    for (const [v, n] of fields) expect(r.readBits(n)).toBe(v);
    for (const v of wide) expect(r.readVarUint()).toBe(v);
  });

  it('lays bits out most significant first', () => {
    const w = new BitWriter();
    w.writeBits(0b101, 3);
    w.writeBits(0b11111, 5);
    w.writeBits(1, 1);
    expect([...w.finish()]).toEqual([0b10111111, 0b10000000]);
  });

  it('throws on reading past the end instead of inventing zeros', () => {
    const r = new BitReader(new Uint8Array([0xff]));
    expect(r.readBits(8)).toBe(0xff);
    expect(() => r.readBits(1)).toThrow(ChunkFormatError);
  });

  it('bitWidth and zig-zag hold beyond 32 bits', () => {
    expect(bitWidth(0)).toBe(0);
    expect(bitWidth(1)).toBe(1);
    expect(bitWidth(2 ** 32 - 1)).toBe(32);
    expect(bitWidth(2 ** 32)).toBe(33);
    expect(bitWidth(2 ** 53 - 1)).toBe(53);
    for (const v of [0, 1, -1, 2, -2, 2 ** 40, -(2 ** 40), 2 ** 51, -(2 ** 51)]) expect(unzigzag(zigzag(v))).toBe(v);
    expect([0, -1, 1, -2, 2].map(zigzag)).toEqual([0, 1, 2, 3, 4]);
  });
});
