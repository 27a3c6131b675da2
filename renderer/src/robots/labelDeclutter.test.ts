import { describe, expect, it } from 'vitest';
import { MIN_FOOTPRINT_PX, declutter, textWidth, type Hidden, type LabelBox } from './labelDeclutter';

const box = (x: number, y: number, priority: number, over: Partial<LabelBox> = {}): LabelBox => ({ x, y, w: 100, h: 20, footprint: 200, priority, inFront: true, ...over });

describe('area label decluttering', () => {
  it('shows labels that do not overlap, and of two that do, the higher priority one', () => {
    const out: Hidden[] = [];
    declutter([box(100, 100, 1), box(150, 105, 5), box(400, 100, 0)], 800, 600, out);
    expect(out).toEqual(['overlap', '', '']);
  });

  it('hides labels of areas too small on screen, and those off screen or behind the camera', () => {
    const out: Hidden[] = [];
    declutter([box(100, 100, 1, { footprint: MIN_FOOTPRINT_PX - 1 }), box(-5, 100, 1), box(100, 100, 1, { inFront: false }), box(300, 300, 1)], 800, 600, out);
    expect(out).toEqual(['far', 'offscreen', 'offscreen', '']);
  });

  it('does not let a hidden label hide another', () => {
    const out: Hidden[] = [];
    // b overlaps a (a wins); c overlaps b only: b is hidden, so c stays.
    declutter([box(100, 100, 9), box(190, 100, 5), box(280, 100, 1)], 800, 600, out);
    expect(out).toEqual(['', 'overlap', '']);
  });

  it('estimates CJK text wider than Latin text of the same length', () => {
    expect(textWidth('反应区', 10)).toBe(30);
    expect(textWidth('abc', 10)).toBeCloseTo(18);
  });
});
