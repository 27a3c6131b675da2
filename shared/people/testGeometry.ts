import type { Plant } from '../plant/schema';
import { compilePeopleGeometry, defaultPeopleZones, type PeopleGeometry } from './compileZones';
import type { PeopleZones } from './zones';

/**
 * A small plant for people tests: 200 × 100 m, areas A (0–100 × 0–100) and B (100–200 × 0–50),
 * a tank T-1 at (150, 80) of radius 5 in no area. Only the parts the people code reads are
 * filled in.
 */
export function testPlant(): Plant {
  const cam = { position: [0, 0, 10] as [number, number, number], target: [0, 0, 0] as [number, number, number] };
  return {
    meta: { id: 'people-test', name: { zh: '测试', en: 'test' }, description: { zh: '测试', en: 'test' }, capacityKtPerYear: 1, extent: [200, 100], timezone: 'UTC', version: 1 },
    chemicals: [],
    areas: [
      { id: 'A', name: { zh: '甲区', en: 'Area A' }, kind: 'process', min: [0, 0], max: [100, 100], camera: cam },
      { id: 'B', name: { zh: '乙区', en: 'Area B' }, kind: 'tank_farm', min: [100, 0], max: [200, 50], camera: cam },
    ],
    buildings: [],
    equipment: [
      { id: 'T-1', area: 'B', name: { zh: '罐', en: 'Tank' }, kind: 'tank', position: [150, 80, 0], shape: { type: 'cylinder', radius: 5, height: 6 }, releaseSources: [], design: {} },
    ],
    roads: { nodes: [], edges: [], gates: [] },
    muster: [],
    tags: [],
  } as unknown as Plant;
}

/** Zones of the test plant: area B restricted to HSE and person P-2; T-1 a confined space for 1, entry by course CS. */
export function testZones(over: Partial<PeopleZones> = {}): PeopleZones {
  return {
    ...defaultPeopleZones,
    restricted: [{ id: 'ZB', name: { zh: '乙区禁入', en: 'B restricted' }, shape: { type: 'area', area: 'B' }, authorised: { roles: ['hse'], people: ['P-2'], qualifications: [] }, source: 'test' }],
    confined: [{ id: 'CS-T1', name: { zh: '罐内', en: 'inside T-1' }, shape: { type: 'equipment', equipment: 'T-1', marginM: 0 }, maxOccupants: 1, authorised: { roles: [], people: [], qualifications: ['CS'] }, source: 'test' }],
    crowding: { radiusM: 15, minDurationS: 60, defaultMinPeople: 4, byArea: {}, areas: ['A'], source: 'test' },
    manDown: { stillS: 50, stillM: 1, exemptAreas: [], source: 'test' },
    loneWorker: { areas: ['B'], buddyRadiusM: 30, maxAloneS: 120, source: 'test' },
    ...over,
  };
}

export function testGeometry(over: Partial<PeopleZones> = {}): PeopleGeometry {
  return compilePeopleGeometry(testPlant(), testZones(over));
}
