import { describe, expect, it } from 'vitest';
import { DirtySet } from './DirtySet';

describe('DirtySet', () => {
  it('keeps each index once, in order, and empties on drain', () => {
    const d = new DirtySet(10);
    d.addMany(Uint32Array.of(3, 1, 3, 9, 42), 5);
    expect(d.size).toBe(3);
    const got: number[] = [];
    d.drain((i) => got.push(i));
    expect(got).toEqual([3, 1, 9]);
    expect(d.size).toBe(0);
    d.add(3);
    const again: number[] = [];
    d.drain((i) => again.push(i));
    expect(again).toEqual([3]);
  });
});
