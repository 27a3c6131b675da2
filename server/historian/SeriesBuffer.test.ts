import { describe, expect, it } from 'vitest';
import { SeriesBuffer } from './SeriesBuffer';

describe('SeriesBuffer', () => {
  it('keeps times, values and quality apart in its one buffer, also after growing', () => {
    const b = new SeriesBuffer(2);
    for (let k = 0; k < 7; k++) b.push(1000 + k, k * 1.5, k % 3);
    expect(b.count).toBe(7);
    expect([...b.times.subarray(0, 7)]).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006]);
    expect([...b.values.subarray(0, 7)]).toEqual([0, 1.5, 3, 4.5, 6, 7.5, 9]);
    expect([...b.quality.subarray(0, 7)]).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(b.bytes).toBe(b.times.length * 17);
  });
});
