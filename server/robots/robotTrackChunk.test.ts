import { describe, expect, it } from 'vitest';
import { ChunkFormatError } from '../../shared/historian/BitReader';
import { decodeRobotChunk, emptyRobotColumns, encodeRobotChunk, quantiseRobot } from './robotTrackChunk';

describe('robot track chunk', () => {
  it('round-trips fixes on the grid and stays small at 1 Hz', () => {
    const n = 300;
    const c = emptyRobotColumns(n);
    c.count = n;
    for (let i = 0; i < n; i++) {
      c.t[i] = 1_780_000_000_000 + i * 1000;
      c.x[i] = quantiseRobot('x', 100 + i * 0.93);
      c.y[i] = quantiseRobot('y', 40 - i * 0.31);
      c.z[i] = 0;
      c.heading[i] = quantiseRobot('heading', -0.3217);
      c.battery[i] = quantiseRobot('battery', 80 - i * 0.0033);
      c.state[i] = i < 150 ? 0 : 1;
      c.next[i] = Math.floor(i / 60);
    }
    const blob = encodeRobotChunk(c);
    const d = decodeRobotChunk(blob);
    expect(d.count).toBe(n);
    for (const k of ['t', 'x', 'y', 'z', 'heading', 'battery', 'state', 'next'] as const) expect(Array.from(d[k])).toEqual(Array.from(c[k].subarray(0, n)));
    // Well under the 33 bytes a fix of raw float64s would take.
    expect(blob.length / n).toBeLessThan(8);
  });

  it('refuses what is not a robot chunk', () => {
    expect(() => decodeRobotChunk(Uint8Array.of(1, 16, 0))).toThrow(ChunkFormatError);
    expect(() => decodeRobotChunk(Uint8Array.of(9, 17, 0))).toThrow(ChunkFormatError);
  });
});
