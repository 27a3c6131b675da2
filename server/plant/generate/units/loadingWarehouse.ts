import { txt, type PlantBuilder } from '../builder';
import { placeDetectors } from '../detectors';
import { buildingTag, oxygenDetectors, pv } from '../instruments';
import { AREAS } from '../layout';
import type { Standards } from '../standards';

const ARMS = [
  { chemical: 'benzene', pressureBarg: 3 },
  { chemical: 'toluene', pressureBarg: 3 },
  { chemical: 'methanol', pressureBarg: 3 },
  { chemical: 'acetone', pressureBarg: 3 },
  { chemical: 'ethanol', pressureBarg: 3 },
  { chemical: 'caustic-soda', pressureBarg: 3 },
  { chemical: 'lpg', pressureBarg: 12 },
  { chemical: 'ammonia', pressureBarg: 12 },
] as const;

/** Truck loading bay: eight top-loading arms along one island, and the loading office. */
export function buildLoadingBay(b: PlantBuilder, std: Standards): void {
  const area = AREAS.LOAD.id;
  b.building({ id: 'LO-01', area, name: txt('装车控制室', 'Loading office'), kind: 'office', position: [155, 32, 0], size: [20, 10, 4], floors: 1 });
  ARMS.forEach((a, i) => {
    const id = `LA-${501 + i}`;
    const x = 35 + 18.5 * i;
    const y = 70;
    const chem = b.chemical(a.chemical);
    const arm = b.equip({
      id,
      area,
      name: txt(`${id} ${chem.name.zh}装车鹤管`, `${chem.name.en} loading arm ${id}`),
      kind: 'loading_arm',
      position: [x, y, 0],
      shape: { type: 'cylinder', radius: 0.4, height: 5 },
      chemical: a.chemical,
      inventoryT: 0.1,
      // truck coupling, drain, vapour-return flange
      releaseSources: [[x, y - 1.5, 3.5], [x + 0.5, y, 0.4], [x - 0.5, y, 4.2]],
    });
    const P = a.pressureBarg;
    b.tag(arm, pv('FI-01', 'flow', txt('装车流量', 'loading flow'), 'm³/h', [0, 120], 60, { h: 80 }, 'loading 60 m³/h; H above the anti-static velocity limit', [0, -1.5, 3]));
    b.tag(arm, pv('PI-01', 'pressure', txt('鹤管压力', 'arm pressure'), 'barg', [0, Math.ceil(P * 2)], P, { hh: P * 1.6, h: P * 1.3, l: P * 0.3 }, `loading header ${P} barg`, [0, -1, 3]));
    b.tag(arm, pv('TI-01', 'temperature', txt('介质温度', 'product temperature'), '°C', [-40, 80], 20, { h: 40, l: -10 }, 'product at ambient 20 °C', [0.5, 0, 2]));
    b.tag(arm, pv('ZI-01', 'valve_position', txt('紧急切断阀位置', 'emergency shut-off valve position'), '%', [0, 100], 100, { l: 95 }, 'ESD valve normally open during loading', [0.5, 0.5, 1]));
    placeDetectors(b, std, arm);
  });
}

const RACK_ROWS = ['acetone', 'ethanol', 'toluene', 'methanol', 'benzene', 'caustic-soda'] as const;

/** Hazmat warehouse: one building holding twelve drum racks, with room instruments and oxygen detectors. */
export function buildWarehouse(b: PlantBuilder, std: Standards): void {
  const area = AREAS.WH.id;
  const wh = b.building({ id: 'WH-01', area, name: txt('甲类危化品仓库', 'Class A hazmat warehouse'), kind: 'warehouse', position: [100, 175, 0], size: [124, 60, 9], floors: 1 });
  let n = 601;
  RACK_ROWS.forEach((chemical, row) => {
    const y = 152 + 9 * row;
    const chem = b.chemical(chemical);
    for (const x of [72, 128]) {
      const id = `RK-${n++}`;
      const rack = b.equip({
        id,
        area,
        indoor: true,
        name: txt(`${id} 货架（${chem.name.zh}桶装）`, `Rack ${id} (${chem.name.en}, drums)`),
        kind: 'rack',
        position: [x, y, 0],
        shape: { type: 'box', size: [40, 1.5, 6] },
        chemical,
        inventoryT: 8,
        // drum positions along the aisle face, where a leaking drum would be found
        releaseSources: [[x - 12, y - 0.9, 0.3], [x, y - 0.9, 0.3], [x + 12, y - 0.9, 0.3]],
      });
      placeDetectors(b, std, rack);
    }
  });
  const room = (code: string, kind: 'temperature' | 'humidity' | 'speed', zh: string, en: string, at: [number, number, number]): void => {
    if (kind === 'temperature') {
      buildingTag(b, wh, { code, kind, label: txt(zh, en), unit: '°C', range: [-20, 60], limits: { hh: 40, h: 35, l: 0 }, source: 'design: class A store kept below 35 °C (flammable liquids); L freezing', at });
    } else if (kind === 'humidity') {
      buildingTag(b, wh, { code, kind, label: txt(zh, en), unit: '%RH', range: [0, 100], limits: { h: 80, l: 20 }, source: 'design: store humidity 20–80 %RH (drum corrosion, static)', at });
    } else {
      buildingTag(b, wh, { code, kind, label: txt(zh, en), unit: 'rpm', range: [0, 1800], limits: { l: 1300, ll: 1000 }, source: 'design: exhaust fan 1450 rpm; L/LL ventilation lost', at });
    }
  };
  room('TI-01', 'temperature', '室内温度 西', 'room temperature west', [-40, 0, 4]);
  room('TI-02', 'temperature', '室内温度 东', 'room temperature east', [40, 0, 4]);
  room('TI-03', 'temperature', '室内温度 北', 'room temperature north', [0, 25, 4]);
  room('TI-04', 'temperature', '室内温度 南', 'room temperature south', [0, -25, 4]);
  room('MI-01', 'humidity', '相对湿度 西', 'relative humidity west', [-40, 5, 4]);
  room('MI-02', 'humidity', '相对湿度 东', 'relative humidity east', [40, 5, 4]);
  room('SI-01', 'speed', '排风机转速 1', 'exhaust fan 1 speed', [-60, 0, 8]);
  room('SI-02', 'speed', '排风机转速 2', 'exhaust fan 2 speed', [60, 0, 8]);
  oxygenDetectors(b, std, wh, [[-50, -27], [50, -27], [-50, 27], [50, 27]]);
}
