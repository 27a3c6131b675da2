import { describe, expect, it } from 'vitest';
import type { InstancedMesh} from 'three';
import { Raycaster, Vector3, type Intersection } from 'three';
import type { AlarmRecord } from '../../../../shared/alarm/model';
import { summarize } from '../../alarm/alarmView';
import { TagStore } from '../../stores/tagStore';
import { alarm } from '../../testing/alarmFixtures';
import { testPlant } from '../../testing/testPlant';
import { AlarmLayer } from './AlarmLayer';
import { SensorLayer } from './SensorLayer';

function setup(): { layer: AlarmLayer; sensors: SensorLayer } {
  const plant = testPlant();
  const store = new TagStore();
  store.reset(plant.tags);
  const sensors = new SensorLayer(plant, store, () => undefined);
  return { layer: new AlarmLayer(plant, sensors.anchors), sensors };
}

const meshes = (l: AlarmLayer): InstancedMesh[] => l.object.children.filter((c): c is InstancedMesh => (c as InstancedMesh).isInstancedMesh);
const counts = (l: AlarmLayer): Record<string, number> => Object.fromEntries(meshes(l).map((m) => [m.name, m.visible ? m.count : 0]));

describe('AlarmLayer', () => {
  it('draws one marker per source in the mesh of its highest priority, one mesh per shape', () => {
    const { layer } = setup();
    const s = summarize({
      'TI-101:HH': alarm('TI-101:HH', 2, { source: 'TI-101' }),
      'TI-101:H': alarm('TI-101:H', 3, { source: 'TI-101' }, { acked: true }),
      'PI-101:H': alarm('PI-101:H', 3, { source: 'PI-101' }, { acked: true }),
      'GT-201:BAD': alarm('GT-201:BAD', 4, { source: 'GT-201' }, { shelved: { until: 9e12, reason: 'cal', by: 'x', at: 0 } }),
      'GRP-1:CONFIRMED': alarm('GRP-1:CONFIRMED', 1, { source: 'GRP-1', position: [60, 22, 0.5], equipment: 'T-201' }),
    });
    layer.setRows(s.rows);
    expect(meshes(layer)).toHaveLength(5);
    expect(counts(layer)).toEqual({ 'alarms-1': 1, 'alarms-2': 1, 'alarms-3': 1, 'alarms-4': 0, 'alarms-hidden': 1 });
    expect(layer.markers).toBe(4);
    expect(layer.flashing).toBe(2);
    // Every marker shares one material (one shader program).
    expect(new Set(meshes(layer).map((m) => m.material)).size).toBe(1);
  });

  it('flashes unacknowledged markers through the instance flag, and places them above their sensor', () => {
    const { layer, sensors } = setup();
    layer.setRows(summarize({ 'TI-101:HH': alarm('TI-101:HH', 2, { source: 'TI-101' }), 'PI-101:H': alarm('PI-101:H', 2, { source: 'PI-101' }, { acked: true }) }).rows);
    const m = meshes(layer).find((x) => x.name === 'alarms-2')!;
    const flags = Array.from((m.geometry.getAttribute('instanceFlash').array as Float32Array).slice(0, 2)).sort();
    expect(flags).toEqual([0, 1]);
    const c = layer.centre('TI-101:HH', new Vector3())!;
    const base = sensors.baseOf(0, new Vector3());
    expect(c.x).toBeCloseTo(base.x);
    expect(c.y).toBeGreaterThan(base.y);
    expect(layer.flashPhase).toBe(true);
    layer.setFlashPhase(false);
    expect(layer.flashPhase).toBe(false);
  });

  it('grows past its first capacity without more meshes, and picks a marker by ray', () => {
    const plant = testPlant(300);
    const store = new TagStore();
    store.reset(plant.tags);
    const sensors = new SensorLayer(plant, store, () => undefined);
    const layer = new AlarmLayer(plant, sensors.anchors);
    const rec: Record<string, AlarmRecord> = {};
    for (const t of plant.tags) rec[`${t.id}:BAD`] = alarm(`${t.id}:BAD`, 4, { source: t.id });
    layer.setRows(summarize(rec).rows);
    expect(meshes(layer)).toHaveLength(5);
    expect(counts(layer)['alarms-4']).toBe(plant.tags.length);
    const target = layer.centre('TX-40:BAD', new Vector3())!;
    const ray = new Raycaster(new Vector3(target.x, target.y + 50, target.z), new Vector3(0, -1, 0));
    layer.object.updateMatrixWorld(true);
    const hits: Intersection[] = [];
    expect(layer.pick(ray, hits)).toBe('TX-40:BAD');
  });

  it('points every alarm of a shown source at the marker, and has none for normal rows', () => {
    const { layer } = setup();
    layer.setRows(summarize({ 'TI-101:HH': alarm('TI-101:HH', 2, { source: 'TI-101' }), 'TI-101:H': alarm('TI-101:H', 3, { source: 'TI-101' }) }).rows);
    expect(layer.centre('TI-101:H', new Vector3())).toEqual(layer.centre('TI-101:HH', new Vector3()));
    layer.setRows(summarize({}).rows);
    expect(layer.markers).toBe(0);
    expect(layer.centre('TI-101:HH', new Vector3())).toBeNull();
  });
});
