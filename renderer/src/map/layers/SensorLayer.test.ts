import { describe, expect, it } from 'vitest';
import { Color } from 'three';
import { Quality } from '../../../../shared/plant/band';
import { TagStore } from '../../stores/tagStore';
import { testPlant } from '../../testing/testPlant';
import { Look, lookStyles } from '../sensorStyle';
import { SensorLayer } from './SensorLayer';

function setup(extra = 0): { store: TagStore; layer: SensorLayer; renders: { n: number } } {
  const plant = testPlant(extra);
  const store = new TagStore();
  store.reset(plant.tags);
  const renders = { n: 0 };
  const layer = new SensorLayer(plant, store, () => renders.n++);
  return { store, layer, renders };
}

function sample(store: TagStore, id: number, value: number, t: number, q: number = Quality.Good): void {
  store.apply({ count: 1, ids: Uint32Array.of(id), values: Float64Array.of(value), baseTime: t, dt: Int32Array.of(0), quality: Uint8Array.of(q) });
}

const rgbOf = (layer: SensorLayer, i: number): [number, number, number] => {
  const a = layer.object.instanceColor!.array;
  return [a[i * 3]!, a[i * 3 + 1]!, a[i * 3 + 2]!];
};

describe('SensorLayer', () => {
  it('has one instance per tag in one mesh', () => {
    const { layer } = setup(500);
    expect(layer.object.count).toBe(503);
    expect(layer.object.isInstancedMesh).toBe(true);
  });

  it('draws never-reported tags stale, then colours only what changed', () => {
    const { store, layer, renders } = setup();
    expect(layer.update(10_000)).toBe(true);
    expect(layer.lookAt(0)).toBe(Look.Stale);
    sample(store, 0, 160, 10_000);
    expect(renders.n).toBe(1);
    expect(layer.update(10_100)).toBe(true);
    expect(layer.lookAt(0)).toBe(Look.Alarm);
    const red = new Color().setHex(lookStyles[Look.Alarm]!.color);
    expect(rgbOf(layer, 0)).toEqual([red.r, red.g, red.b].map((v) => Math.fround(v)));
    expect(layer.lookAt(1)).toBe(Look.Stale);
    expect(layer.update(10_200)).toBe(false);
  });

  it('makes abnormal markers bigger than normal ones and writes their position', () => {
    const { store, layer } = setup();
    sample(store, 0, 130, 1000);
    sample(store, 1, 1.0, 1000);
    layer.update(1000);
    const m = layer.object.instanceMatrix.array;
    expect(layer.lookAt(0)).toBe(Look.Warning);
    expect(layer.lookAt(1)).toBe(Look.Normal);
    expect(m[0]).toBeGreaterThan(m[16]!);
    // Tags 0 and 1 are inside reactor R-101 (6 m tall at plant (10, 10)): they float 1 m over it,
    // at scene (10, 7, -10); the abnormal one rises a further 1.2 marker sizes.
    expect([m[16 + 12], m[16 + 13], m[16 + 14]]).toEqual([10, 7, -10]);
    expect(m[13]).toBeCloseTo(7 + lookStyles[Look.Warning]!.raise);
    // Tag 2 is outside any equipment: drawn where it is, plant (60, 20, 0.5).
    expect([m[32 + 12], m[32 + 13], m[32 + 14]]).toEqual([60, 0.5, -20]);
  });

  it('turns a value stale after three periods without samples', () => {
    const { store, layer } = setup();
    sample(store, 2, 5, 1000);
    layer.update(1000);
    expect(layer.lookAt(2)).toBe(Look.Normal);
    expect(layer.scanStale(2400)).toBe(false);
    expect(layer.scanStale(2600)).toBe(true);
    expect(layer.lookAt(2)).toBe(Look.Stale);
    expect(layer.object.geometry.getAttribute('instanceStyle').getX(2)).toBe(1);
  });

  it('rescales every marker when the base size changes', () => {
    const { store, layer } = setup();
    sample(store, 1, 1.0, 1000);
    layer.update(1000);
    const before = layer.object.instanceMatrix.array[16]!;
    layer.setSize(3);
    expect(layer.object.instanceMatrix.array[16]).toBeCloseTo(before * 3);
  });

  it('stops listening to the store when disposed', () => {
    const { store, layer, renders } = setup();
    layer.dispose();
    sample(store, 0, 1, 1);
    expect(renders.n).toBe(0);
  });
});
