import { describe, expect, it } from 'vitest';
import { Consolidator } from './Consolidator';

const ids = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `A${from + i}`);

describe('Consolidator', () => {
  it('sends up to maxSingles singles per recipient in a window, the rest of the burst as one consolidated notice', () => {
    const c = new Consolidator<string>(60_000, 5);
    const out = c.offer('FO', 0, ids(8), 1000);
    expect(out.filter((n) => !n.consolidated).map((n) => n.items)).toEqual([['A0'], ['A1'], ['A2'], ['A3'], ['A4']]);
    expect(out.filter((n) => n.consolidated)).toEqual([{ recipient: 'FO', step: 0, items: ['A5', 'A6', 'A7'], consolidated: true }]);
  });

  it('holds further overflow in the window and flushes it as one notice when the window ends', () => {
    const c = new Consolidator<string>(60_000, 2);
    c.offer('FO', 0, ids(3), 0);
    expect(c.offer('FO', 0, ['B1'], 10_000)).toEqual([]);
    expect(c.offer('FO', 0, ['B2', 'B3'], 20_000)).toEqual([]);
    expect(c.flush(59_999)).toEqual([]);
    expect(c.flush(60_000)).toEqual([{ recipient: 'FO', step: 0, items: ['B1', 'B2', 'B3'], consolidated: true }]);
    expect(c.flush(200_000)).toEqual([]);
    // A new window: singles again.
    expect(c.offer('FO', 0, ['C1'], 200_000)).toEqual([{ recipient: 'FO', step: 0, items: ['C1'], consolidated: false }]);
  });

  it('counts each recipient on its own and keeps steps apart', () => {
    const c = new Consolidator<string>(60_000, 1);
    expect(c.offer('FO', 0, ['A'], 0)).toHaveLength(1);
    expect(c.offer('SL', 0, ['A'], 0)).toEqual([{ recipient: 'SL', step: 0, items: ['A'], consolidated: false }]);
    expect(c.offer('FO', 1, ['B', 'C'], 0)).toEqual([{ recipient: 'FO', step: 1, items: ['B', 'C'], consolidated: true }]);
  });

  it('forgets buffered items that no longer need telling', () => {
    const c = new Consolidator<string>(1000, 1);
    c.offer('FO', 0, ['A', 'B'], 0);
    c.offer('FO', 0, ['C', 'D'], 10);
    c.forget((a) => a !== 'C');
    expect(c.flush(1000)).toEqual([{ recipient: 'FO', step: 0, items: ['D'], consolidated: true }]);
  });
});
