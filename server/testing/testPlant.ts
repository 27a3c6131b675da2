import type { Plant, Tag } from '../../shared/plant/schema';
import { stableHash } from '../../shared/util/hash';
import type { LoadedPlant } from '../plant/loadPlant';

/**
 * A tiny valid plant for unit tests of the server core (two areas, a handful of tags), so they
 * do not depend on the reference plant's contents. Integration tests use the real fixtures.
 */
export function testPlant(): LoadedPlant {
  const tag = (id: string, area: string, kind: Tag['kind'], extra: Partial<Tag> = {}): Tag => ({
    id,
    name: { zh: id, en: id },
    area,
    kind,
    unit: kind === 'gas_combustible' ? '%LEL' : '°C',
    range: { lo: 0, hi: 100 },
    position: [1, 1, 1],
    periodMs: 1000,
    limits: { h: 25, hh: 50, source: 'test design value' },
    ...(kind === 'gas_combustible' ? { chemical: 'methanol' } : {}),
    ...extra,
  });
  const plant: Plant = {
    meta: { id: 'test', name: { zh: '测试', en: 'Test' }, description: { zh: '测试', en: 'Test' }, capacityKtPerYear: 1, extent: [200, 100], timezone: 'Asia/Shanghai', version: 1 },
    chemicals: [
      { id: 'methanol', name: { zh: '甲醇', en: 'Methanol' }, formula: 'CH3OH', cas: '67-56-1', hazards: ['flammable', 'toxic'], molarMass: 32.04, lelPctVol: 6, densityRatio: 1.1, source: 'test' },
    ],
    areas: [
      { id: 'A', name: { zh: '甲', en: 'A' }, kind: 'reactor', min: [0, 0], max: [100, 100], camera: { position: [50, 50, 80], target: [50, 50, 0] } },
      { id: 'B', name: { zh: '乙', en: 'B' }, kind: 'tank_farm', min: [100, 0], max: [200, 100], camera: { position: [150, 50, 80], target: [150, 50, 0] } },
    ],
    buildings: [],
    equipment: [],
    roads: { nodes: [{ id: 'n1', position: [0, 0] }, { id: 'n2', position: [200, 0] }], edges: [{ id: 'e1', from: 'n1', to: 'n2', widthM: 6 }], gates: [{ id: 'g1', name: { zh: '门', en: 'Gate' }, node: 'n1' }] },
    muster: [{ id: 'm1', name: { zh: '集合点', en: 'Muster' }, position: [5, 5, 0], capacity: 50 }],
    tags: [tag('A.T1', 'A', 'temperature'), tag('A.GAS1', 'A', 'gas_combustible'), tag('B.T1', 'B', 'temperature'), tag('B.GAS1', 'B', 'gas_combustible'), tag('B.T2', 'B', 'temperature')],
  };
  return { plant, hash: stableHash(plant) };
}
