import { describe, expect, it } from 'vitest';
import { defaultMonitorLayout, diffPlans, orderDisplays, planWindows, rememberPlacement, wallUrl, type DisplayInfo, type MonitorLayout } from './windowPlacement';

const d = (id: number, x: number, y = 0, width = 3840, height = 2160): DisplayInfo => ({ id, bounds: { x, y, width, height } });
const L = d(11, 0);
const M = d(22, 3840);
const R = d(33, 7680);
const views = (layout: MonitorLayout, displays: DisplayInfo[]): string[] => planWindows(layout, displays).map((p) => `${p.view}@${p.displayId}`);

describe('planWindows', () => {
  it('one display: the first slot (overview) only', () => {
    expect(views(defaultMonitorLayout, [M])).toEqual(['overview@22']);
  });

  it('two displays: overview left, map right; the alarm slot waits', () => {
    expect(views(defaultMonitorLayout, [R, L])).toEqual(['overview@11', 'map@33']);
  });

  it('three displays in any order: left to right', () => {
    expect(views(defaultMonitorLayout, [R, M, L])).toEqual(['overview@11', 'map@22', 'alarms@33']);
    const plans = planWindows(defaultMonitorLayout, [R, M, L]);
    expect(plans.map((p) => p.bounds.x)).toEqual([0, 3840, 7680]);
  });

  it('one removed and plugged back: the others stay, the view comes back to its display', () => {
    const bound = rememberPlacement(defaultMonitorLayout, planWindows(defaultMonitorLayout, [L, M, R]));
    expect(bound.slots.map((s) => s.displayId)).toEqual([11, 22, 33]);
    // The middle display is unplugged: overview and alarms keep their displays, the map waits.
    const without = planWindows(bound, [L, R]);
    expect(without.map((p) => `${p.view}@${p.displayId}`)).toEqual(['overview@11', 'alarms@33']);
    const kept = rememberPlacement(bound, without);
    expect(kept.slots[1]!.displayId).toBe(22);
    // Plugged back: the map returns to the middle.
    expect(views(kept, [L, M, R])).toEqual(['overview@11', 'map@22', 'alarms@33']);
    // Plugged back under a new id (another port): the map takes the free display.
    expect(views(kept, [L, d(44, 3840), R])).toEqual(['overview@11', 'map@44', 'alarms@33']);
  });

  it('the left display removed: nothing moves over it; it returns to the left', () => {
    const bound = rememberPlacement(defaultMonitorLayout, planWindows(defaultMonitorLayout, [L, M, R]));
    expect(views(bound, [M, R])).toEqual(['map@22', 'alarms@33']);
    expect(views(bound, [L, M, R])).toEqual(['overview@11', 'map@22', 'alarms@33']);
  });

  it('a restart on other hardware (no remembered display connected) still fills from the left', () => {
    const bound = rememberPlacement(defaultMonitorLayout, planWindows(defaultMonitorLayout, [L, M, R]));
    expect(views(bound, [d(7, 0), d(8, 1920, 0, 1920, 1080)])).toEqual(['overview@7', 'map@8']);
  });

  it('a stacked wall orders top to bottom within a column', () => {
    expect(orderDisplays([d(2, 0, 2160), d(1, 0, 0)]).map((x) => x.id)).toEqual([1, 2]);
  });

  it('no displays: no windows', () => {
    expect(planWindows(defaultMonitorLayout, [])).toEqual([]);
  });
});

describe('diffPlans', () => {
  it('opens new slots, closes gone ones, moves changed bounds', () => {
    const before = planWindows(defaultMonitorLayout, [L, M, R]);
    const after = planWindows(rememberPlacement(defaultMonitorLayout, before), [L, { ...R, bounds: { ...R.bounds, width: 1920, height: 1080 } }]);
    const diff = diffPlans(before, after);
    expect(diff.close).toEqual([1]);
    expect(diff.move.map((p) => p.slot)).toEqual([2]);
    expect(diff.open).toEqual([]);
    expect(diffPlans(after, before).open.map((p) => p.slot)).toEqual([1]);
    expect(diffPlans(before, before)).toEqual({ open: [], close: [], move: [] });
  });
});

describe('wallUrl', () => {
  it('adds the wall parameters to the console URL', () => {
    expect(wallUrl('http://127.0.0.1:4870', 'alarms', 2)).toBe('http://127.0.0.1:4870/?wall=1&view=alarms&slot=2');
  });
});
