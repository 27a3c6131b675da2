import { afterEach, describe, expect, it, vi } from 'vitest';
import { Color, Matrix4, PerspectiveCamera, Vector3 } from 'three';
import type { HazardRecord } from '../../../../shared/hazard/model';
import type { HazardFeed } from '../../hazard/hazardFeed';
import { hazardFixture as hz } from '../../hazard/hazardFixtures';
import { hazardColors, hazardLook, pale } from '../../hazard/hazardStyle';
import { testPlant } from '../../testing/testPlant';
import { HazardLayer } from './HazardLayer';

const NOW = 50_000_000;

/** A feed whose orders and selection the test sets, and which records selections and picks. */
function fakeFeed(orders: HazardRecord[]) {
  let onChange = (): void => undefined;
  let onLocate = (_id: string): void => undefined;
  const state = { orders, selected: null as string | null, picking: false, selectedByClick: [] as string[], picked: [] as unknown[] };
  const feed: HazardFeed = {
    open: () => state.orders,
    selected: () => state.selected,
    subscribe: (c, l) => {
      onChange = c;
      onLocate = l;
      return () => undefined;
    },
    select: (id) => state.selectedByClick.push(id),
    picking: () => state.picking,
    pickPoint: (p, a) => state.picked.push([p, a]),
  };
  return { feed, state, change: () => onChange(), locate: (id: string) => onLocate(id) };
}

function scaleAt(layer: HazardLayer, i: number): { p: Vector3; sx: number; sy: number } {
  const m = new Matrix4();
  layer.mesh.getMatrixAt(i, m);
  const e = m.elements;
  return { p: new Vector3(e[12], e[13], e[14]), sx: e[0]!, sy: e[5]! };
}

function make(orders: HazardRecord[]) {
  const f = fakeFeed(orders);
  const located: Vector3[] = [];
  const layer = new HazardLayer({ feed: f.feed, plant: testPlant(), now: () => NOW, onChange: () => undefined, locate: (c) => located.push(c.clone()) });
  return { ...f, layer, located };
}

afterEach(() => vi.useRealTimers());

describe('HazardLayer', () => {
  it('one instanced mesh, also with no orders; orders beyond its size grow it once, still one mesh', () => {
    const { layer, state, change } = make([]);
    expect(layer.object.children).toHaveLength(1);
    expect(layer.drawn()).toEqual([]);
    expect(scaleAt(layer, 0).sx).toBe(0);
    state.orders = Array.from({ length: 100 }, (_, i) => hz({ id: `H${i}` }));
    change();
    expect(layer.object.children).toHaveLength(1);
    expect(layer.mesh.count).toBeGreaterThanOrEqual(100);
    expect(layer.drawn()).toHaveLength(100);
    layer.dispose();
  });

  it('places each order at its position (plant → scene) and shapes it by grade', () => {
    const { layer } = make([hz({ id: 'g', position: [10, 20, 3] }), hz({ id: 'm', grade: 'major', position: [-5, 7, 0] })]);
    layer.setSize(2);
    const g = scaleAt(layer, 0);
    const m = scaleAt(layer, 1);
    expect(g.p.x).toBe(10);
    expect(g.p.z).toBe(-20);
    expect(g.p.y).toBeGreaterThan(3);
    expect(m.p.x).toBe(-5);
    // General: low and wide; major: tall and narrower (shape differs, not only colour).
    expect(g.sx).toBeGreaterThan(g.sy);
    expect(m.sy).toBeGreaterThan(m.sx);
    expect(m.sy).toBeGreaterThan(2 * g.sy);
    layer.dispose();
  });

  it('colours: grey for a general order on time, colour for major and for overdue; pale while awaiting verification', () => {
    const { layer } = make([hz({ id: 'g' }), hz({ id: 'm', grade: 'major' }), hz({ id: 'o', deadline: NOW - 1 }), hz({ id: 'v', state: 'verification' })]);
    const col = (i: number): number => {
      const c = new Color();
      layer.mesh.getColorAt(i, c);
      return c.getHex();
    };
    expect(col(0)).toBe(hazardColors.general);
    expect(col(1)).toBe(hazardColors.major);
    expect(col(2)).toBe(hazardColors.overdue);
    expect(col(3)).toBe(pale(hazardColors.general, 0.45));
    layer.dispose();
  });

  it('fill by state and stripes for overdue go to the per-instance style attribute', () => {
    const { layer } = make([hz({ id: 'r', state: 'reported', grade: null }), hz({ id: 'a' }), hz({ id: 'o', deadline: NOW - 1 }), hz({ id: 'ro', state: 'assessed', overdue: true })]);
    const style = layer.mesh.geometry.getAttribute('instanceStyle');
    expect([style.getX(0), style.getX(1), style.getX(2), style.getX(3)]).toEqual([1, 0, 2, 3]);
    layer.dispose();
  });

  it('an overdue order is raised and larger than the same order on time', () => {
    const on = hazardLook(hz({ id: 'a', deadline: NOW + 1 }), NOW);
    const late = hazardLook(hz({ id: 'a', deadline: NOW - 1 }), NOW);
    expect(late.raise).toBeGreaterThan(on.raise);
    expect(late.height).toBeGreaterThan(on.height);
    expect(late.striped && !on.striped).toBe(true);
  });

  it('turns an order overdue by the clock alone (no journal event) within the recheck period', () => {
    vi.useFakeTimers();
    let now = NOW;
    const f = fakeFeed([hz({ id: 'a', deadline: NOW + 1000 })]);
    const layer = new HazardLayer({ feed: f.feed, plant: testPlant(), now: () => now, onChange: () => undefined, locate: () => undefined });
    const style = (): number => layer.mesh.geometry.getAttribute('instanceStyle').getX(0);
    expect(style()).toBe(0);
    now += 2000;
    vi.advanceTimersByTime(5000);
    expect(style()).toBe(2);
    layer.dispose();
  });

  it('click on a marker selects its order; a click while picking gives the ground point and its area instead', () => {
    const plant = testPlant();
    const area = plant.areas[0]!;
    const cx = (area.min[0] + area.max[0]) / 2;
    const cy = (area.min[1] + area.max[1]) / 2;
    const f = fakeFeed([hz({ id: 'HZ-9', position: [cx, cy, 0] })]);
    const layer = new HazardLayer({ feed: f.feed, plant, now: () => NOW, onChange: () => undefined, locate: () => undefined });
    const cam = new PerspectiveCamera(45, 1, 1, 5000);
    cam.position.set(cx, 120, -cy + 80);
    const c = layer.centreOf('HZ-9', new Vector3())!;
    cam.lookAt(c);
    cam.updateMatrixWorld();
    expect(layer.click(cam, 400, 400, 200, 200)).toBe(true);
    expect(f.state.selectedByClick).toEqual(['HZ-9']);
    expect(layer.click(cam, 400, 400, 5, 5)).toBe(false);
    f.state.picking = true;
    cam.lookAt(cx, 0, -cy);
    cam.updateMatrixWorld();
    expect(layer.click(cam, 400, 400, 200, 200)).toBe(true);
    const [p, a] = f.state.picked[0] as [[number, number, number], string];
    expect(p[0]).toBeCloseTo(cx, 3);
    expect(p[1]).toBeCloseTo(cy, 3);
    expect(a).toBe(area.id);
    layer.dispose();
  });

  it('"show on map" hands the marker centre to the camera; an order not drawn is ignored', () => {
    const { layer, locate, located } = make([hz({ id: 'x', position: [1, 2, 0] })]);
    locate('x');
    locate('missing');
    expect(located).toHaveLength(1);
    expect(located[0]!.x).toBe(1);
    expect(located[0]!.z).toBe(-2);
    layer.dispose();
  });
});
