import { describe, expect, it } from 'vitest';
import { Color, Matrix4, Vector3 } from 'three';
import { OFF_SITE_SLOT, type DecodedPositions } from '../../../../shared/people/positionsFrame';
import { PeopleStore } from '../../stores/peopleStore';
import { personStyles, signalLostColor } from '../peopleStyle';
import { PeopleLayer } from './PeopleLayer';

function frame(keyframe: boolean, rows: { p: number; x: number; area?: number; state?: number }[]): DecodedPositions {
  const n = rows.length;
  return {
    flags: keyframe ? 1 : 0,
    seq: 1,
    baseTime: 5000,
    registryVersion: 1,
    count: n,
    x: Float64Array.from(rows.map((r) => r.x)),
    y: new Float64Array(n).fill(30),
    z: new Float64Array(n).fill(4),
    person: Uint32Array.from(rows.map((r) => r.p)),
    dt: new Int32Array(n),
    occupancy: Uint32Array.of(n, 0),
    area: Uint16Array.from(rows.map((r) => r.area ?? 0)),
    floor: new Uint8Array(n),
    battery: new Uint8Array(n),
    state: Uint8Array.from(rows.map((r) => r.state ?? 0)),
  };
}

const pos = (layer: PeopleLayer, i: number): { p: Vector3; sy: number } => {
  const m = new Matrix4();
  layer.mesh.getMatrixAt(i, m);
  // No rotation: the diagonal is the scale, the last column the position.
  const e = m.elements;
  return { p: new Vector3(e[12], e[13], e[14]), sy: e[5]! };
};

describe('PeopleLayer', () => {
  it('draws every person in one instanced mesh, even with nobody on site', () => {
    const store = new PeopleStore();
    const layer = new PeopleLayer(store, () => undefined);
    expect(layer.object.children).toHaveLength(1);
    expect(layer.mesh.count).toBeGreaterThan(0);
    layer.update();
    expect(pos(layer, 0).sy).toBe(0);
  });

  it('places present people at their fix (scene axes), sized and coloured by role, and hides those who left', () => {
    const store = new PeopleStore();
    let renders = 0;
    const layer = new PeopleLayer(store, () => renders++);
    layer.setRoles(['operator', undefined, 'visitor']);
    layer.setSize(2);
    store.apply(frame(true, [{ p: 0, x: 100 }, { p: 2, x: 50, state: 4 }]));
    expect(renders).toBeGreaterThan(0);
    expect(layer.update()).toBe(true);
    const a = pos(layer, 0);
    expect([a.p.x, a.p.y, a.p.z]).toEqual([100, 4, -30]);
    expect(a.sy).toBeCloseTo(personStyles.operator.height * 2);
    expect(pos(layer, 2).sy).toBeCloseTo(personStyles.visitor.height * 2);
    const c = new Color();
    layer.mesh.getColorAt(0, c);
    expect(c.getHex()).toBe(personStyles.operator.color);
    layer.mesh.getColorAt(2, c);
    expect(c.getHex()).toBe(signalLostColor);
    expect(layer.update()).toBe(false);
    store.apply(frame(false, [{ p: 0, x: 0, area: OFF_SITE_SLOT }]));
    expect(layer.update()).toBe(true);
    expect(pos(layer, 0).sy).toBe(0);
    expect(pos(layer, 2).sy).toBeGreaterThan(0);
  });

  it('grows its one mesh when the registry outgrows it', () => {
    const store = new PeopleStore();
    const layer = new PeopleLayer(store, () => undefined);
    const before = layer.mesh.count;
    store.apply(frame(true, [{ p: before + 10, x: 7 }]));
    layer.update();
    expect(layer.object.children).toHaveLength(1);
    expect(layer.mesh.count).toBeGreaterThan(before + 10);
    expect(pos(layer, before + 10).p.x).toBe(7);
  });
});
