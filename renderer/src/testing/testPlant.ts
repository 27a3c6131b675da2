import type { Plant, Tag } from '../../../shared/plant/schema';

/**
 * A tiny valid plant for unit tests of the renderer: two areas, a tank and a reactor, and
 * `extraTags` more temperature tags spread over the reactor area.
 */
export function testPlant(extraTags = 0): Plant {
  const tag = (id: string, over: Partial<Tag>): Tag => ({
    id,
    name: { zh: `位号 ${id}`, en: `Tag ${id}` },
    area: 'R1',
    kind: 'temperature',
    unit: '°C',
    range: { lo: 0, hi: 200 },
    position: [10, 10, 5],
    periodMs: 1000,
    limits: { hh: 150, h: 120, l: 20, ll: 10, source: 'design basis' },
    ...over,
  });
  const tags: Tag[] = [
    tag('TI-101', { equipment: 'R-101' }),
    tag('PI-101', { kind: 'pressure', unit: 'MPa', range: { lo: 0, hi: 2 }, limits: { hh: 1.6, h: 1.2, source: 'design basis' }, equipment: 'R-101' }),
    tag('GT-201', {
      area: 'T1',
      kind: 'gas_combustible',
      unit: '%LEL',
      range: { lo: 0, hi: 100 },
      limits: { hh: 50, h: 25, source: 'GB/T 50493-2019 §5.5.2' },
      chemical: 'benzene',
      position: [60, 20, 0.5],
      periodMs: 500,
    }),
  ];
  for (let i = 0; i < extraTags; i++) tags.push(tag(`TX-${i}`, { position: [5 + (i % 30), 5 + Math.floor(i / 30) % 30, 2] }));
  return {
    meta: {
      id: 'test',
      name: { zh: '测试装置', en: 'Test plant' },
      description: { zh: '单元测试用', en: 'for unit tests' },
      capacityKtPerYear: 1,
      extent: [100, 50],
      timezone: 'Asia/Shanghai',
      version: 1,
    },
    chemicals: [
      { id: 'benzene', name: { zh: '苯', en: 'Benzene' }, formula: 'C6H6', cas: '71-43-2', hazards: ['flammable', 'toxic'], molarMass: 78.11, densityRatio: 2.69, lelPctVol: 1.2, source: 'GB 30000' },
    ],
    areas: [
      { id: 'R1', name: { zh: '反应区', en: 'Reactors' }, kind: 'reactor', min: [0, 0], max: [40, 40], camera: { position: [20, -30, 40], target: [20, 20, 0] } },
      { id: 'T1', name: { zh: '罐区', en: 'Tank farm' }, kind: 'tank_farm', min: [50, 0], max: [100, 40], camera: { position: [75, -30, 40], target: [75, 20, 0] } },
    ],
    buildings: [
      { id: 'B1', area: 'R1', name: { zh: '控制室', en: 'Control room' }, kind: 'control_room', position: [30, 35, 0], size: [8, 6, 4], floors: 1, rotationDeg: 0 },
    ],
    equipment: [
      { id: 'R-101', area: 'R1', name: { zh: '反应釜 R-101', en: 'Reactor R-101' }, kind: 'reactor', position: [10, 10, 0], shape: { type: 'cylinder', radius: 2, height: 6 }, releaseSources: [], design: {} },
      { id: 'T-201', area: 'T1', name: { zh: '苯储罐 T-201', en: 'Benzene tank T-201' }, kind: 'tank', position: [60, 20, 0], shape: { type: 'cylinder', radius: 8, height: 12 }, chemical: 'benzene', releaseSources: [], design: {} },
      { id: 'P-201', area: 'T1', name: { zh: '泵 P-201', en: 'Pump P-201' }, kind: 'pump', position: [70, 10, 0], shape: { type: 'box', size: [2, 1, 1] }, releaseSources: [], design: {} },
      { id: 'S-301', area: 'T1', name: { zh: '球罐 S-301', en: 'Sphere S-301' }, kind: 'sphere', position: [90, 30, 0], shape: { type: 'sphere', radius: 6 }, releaseSources: [], design: {} },
    ],
    roads: {
      nodes: [
        { id: 'n1', position: [0, 45] },
        { id: 'n2', position: [100, 45] },
      ],
      edges: [{ id: 'e1', from: 'n1', to: 'n2', widthM: 6 }],
      gates: [{ id: 'g1', name: { zh: '一号门', en: 'Gate 1' }, node: 'n1' }],
    },
    muster: [{ id: 'M1', name: { zh: '集合点一', en: 'Muster 1' }, position: [5, 45, 0], capacity: 50 }],
    tags,
  };
}
