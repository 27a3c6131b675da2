import { describe, expect, it } from 'vitest';
import { DirtySet } from './DirtySet';

describe('DirtySet', () => {
  it('keeps each index once, ignores out-of-range ones, and empties by popping', () => {
    const d = new DirtySet(10);
    d.addMany(Uint32Array.of(3, 1, 3, 9, 42), 5);
    expect(d.size).toBe(3);
    const got: number[] = [];
    for (let i = d.pop(); i >= 0; i = d.pop()) got.push(i);
    expect(got.sort()).toEqual([1, 3, 9]);
    expect(d.size).toBe(0);
    d.add(3);
    expect(d.pop()).toBe(3);
    expect(d.pop()).toBe(-1);
  });
});
