import type { Equipment } from '../../../../shared/plant/schema';
import { txt, type PlantBuilder } from '../builder';
import { placeDetectors } from '../detectors';
import { exchangerTags, pumpTags, pv, VIBRATION_BASIS, vesselTags } from '../instruments';
import { AREAS } from '../layout';
import type { Standards } from '../standards';
import { reactorTags } from './reactors';

const COLUMNS = [
  { chemical: 'toluene', topC: 110, middleC: 120, bottomC: 135 },
  { chemical: 'methanol', topC: 65, middleC: 75, bottomC: 85 },
  { chemical: 'acetone', topC: 56, middleC: 68, bottomC: 80 },
  { chemical: 'benzene', topC: 80, middleC: 92, bottomC: 105 },
] as const;

function columnTags(b: PlantBuilder, c: Equipment, o: (typeof COLUMNS)[number], h: number): void {
  const t = (code: string, zh: string, en: string, v: number, z: number): void => {
    b.tag(c, pv(code, 'temperature', txt(zh, en), '°C', [0, 250], v, { hh: v + 20, h: v + 10, l: v - 15 }, `solvent recovery profile ${v} °C; H/HH off-spec or overheating, L loss of heat`, [1.3, 0, z]));
  };
  t('TI-01', '塔顶温度', 'top temperature', o.topC, h - 1);
  t('TI-02', '灵敏板温度', 'control tray temperature', o.middleC, h / 2);
  t('TI-03', '塔釜温度', 'bottom temperature', o.bottomC, 1.5);
  b.tag(c, pv('PI-01', 'pressure', txt('塔顶压力', 'top pressure'), 'barg', [-1, 3], 0.2, { hh: 1.2, h: 0.8, l: -0.3 }, 'near-atmospheric column 0.2 barg, PSV 1.5 barg', [0.5, 0.5, h]));
  b.tag(c, pv('PI-02', 'pressure', txt('全塔压差', 'column differential pressure'), 'kPa', [0, 50], 15, { hh: 35, h: 28, l: 5 }, 'tray ΔP 15 kPa; H/HH flooding, L dry trays', [-1.3, 0, h / 2]));
  b.tag(c, pv('LI-01', 'level', txt('塔釜液位', 'sump level'), '%', [0, 100], 50, { hh: 90, h: 80, l: 20, ll: 10 }, 'sump 50 %; H/HH flooding the reboiler return, L/LL pump protection', [-1.3, 0, 2]));
  b.tag(c, pv('FI-01', 'flow', txt('进料流量', 'feed flow'), 'm³/h', [0, 25], 10, { h: 15, l: 5 }, 'feed 10 m³/h', [1.4, 0, 12]));
  b.tag(c, pv('FI-02', 'flow', txt('回流量', 'reflux flow'), 'm³/h', [0, 30], 12, { h: 20, l: 6, ll: 4 }, 'reflux 12 m³/h; L/LL off-spec top product', [0, 1.3, h - 2]));
  b.tag(c, pv('FI-03', 'flow', txt('再沸器蒸汽量', 'reboiler steam'), 't/h', [0, 8], 3, { hh: 6, h: 5, l: 1 }, 'steam 3 t/h; H/HH overheating', [2.5, 0, 1]));
}

/** Distillation (four solvent-recovery columns with their exchangers, drums and pumps) and a hydrogenation section. */
export function buildProcessUnit(b: PlantBuilder, std: Standards): void {
  const area = AREAS.PROC.id;
  const oy = 390;
  COLUMNS.forEach((o, i) => {
    const n = String(401 + i);
    const ox = 455 + 50 * i;
    const chem = b.chemical(o.chemical);
    const H = 30;
    const c = b.equip({
      id: `C-${n}`,
      area,
      name: txt(`C-${n} ${chem.name.zh}回收塔`, `${chem.name.en} recovery column C-${n}`),
      kind: 'column',
      position: [ox, oy, 0],
      shape: { type: 'cylinder', radius: 1.2, height: H },
      chemical: o.chemical,
      inventoryT: 8,
      releaseSources: [[ox + 1.4, oy, 12], [ox, oy - 1.5, 0.4], [ox - 1.4, oy, 1.2], [ox, oy, H + 0.3]],
    });
    columnTags(b, c, o, H);
    placeDetectors(b, std, c);
    const reb = b.equip({
      id: `E-${n}A`,
      area,
      name: txt(`C-${n} 再沸器`, `C-${n} reboiler`),
      kind: 'exchanger',
      position: [ox + 4, oy, 0],
      shape: { type: 'box', size: [3, 1.2, 1.5] },
      chemical: o.chemical,
      inventoryT: 1,
      releaseSources: [[ox + 2.3, oy, 0.8], [ox + 5.7, oy, 0.8]],
    });
    exchangerTags(b, reb, o.bottomC, o.bottomC + 20, 0.3, 6);
    placeDetectors(b, std, reb);
    const cond = b.equip({
      id: `E-${n}B`,
      area,
      name: txt(`C-${n} 塔顶冷凝器`, `C-${n} overhead condenser`),
      kind: 'exchanger',
      position: [ox, oy + 5, 10],
      shape: { type: 'box', size: [4, 1.2, 1.2] },
      chemical: o.chemical,
      inventoryT: 0.5,
      releaseSources: [[ox - 2.2, oy + 5, 10.6], [ox + 2.2, oy + 5, 10.6]],
    });
    exchangerTags(b, cond, 40, 38, 0.2, 80);
    placeDetectors(b, std, cond);
    const drum = b.equip({
      id: `V-${n}`,
      area,
      name: txt(`C-${n} 回流罐`, `C-${n} reflux drum`),
      kind: 'vessel',
      position: [ox - 4, oy + 5, 0],
      shape: { type: 'cylinder', radius: 1, height: 3 },
      chemical: o.chemical,
      inventoryT: 2,
      releaseSources: [[ox - 4, oy + 3.8, 0.3], [ox - 2.8, oy + 5, 1]],
    });
    vesselTags(b, drum, 50, 0.2, 40, 12, 3);
    placeDetectors(b, std, drum);
    for (const [suffix, x, y, zh, en, flow] of [
      ['A', ox - 4, oy - 4, '回流泵', 'reflux pump', 12],
      ['B', ox + 4, oy - 5, '塔釜泵', 'bottoms pump', 8],
    ] as const) {
      const p = b.equip({
        id: `P-${n}${suffix}`,
        area,
        name: txt(`C-${n} ${zh}`, `C-${n} ${en}`),
        kind: 'pump',
        position: [x, y, 0],
        shape: { type: 'box', size: [1.4, 0.7, 0.9] },
        chemical: o.chemical,
        inventoryT: 0.05,
        releaseSources: [[x - 0.4, y, 0.5]],
      });
      pumpTags(b, p, 5, flow);
      placeDetectors(b, std, p);
    }
  });
  buildHydrogenation(b, std);
}

function buildHydrogenation(b: PlantBuilder, std: Standards): void {
  const area = AREAS.PROC.id;
  b.building({ id: 'HC-01', area, name: txt('氢气压缩机房', 'Hydrogen compressor house'), kind: 'compressor_house', position: [480, 280, 0], size: [34, 14, 8], floors: 1 });
  for (const [i, x] of [472, 488].entries()) {
    const id = `K-${421 + i}`;
    const k = b.equip({
      id,
      area,
      indoor: true,
      name: txt(`${id} 氢气压缩机`, `Hydrogen compressor ${id}`),
      kind: 'compressor',
      position: [x, 280, 0],
      shape: { type: 'box', size: [5, 2.5, 2.5] },
      chemical: 'hydrogen',
      inventoryT: 0.01,
      releaseSources: [[x - 2.7, 280, 1.2], [x + 2.7, 280, 1.2], [x, 281.5, 2]],
    });
    b.tag(k, pv('PI-01', 'pressure', txt('排气压力', 'discharge pressure'), 'barg', [0, 40], 25, { hh: 30, h: 28, l: 18 }, 'discharge 25 barg; HH below the 32 barg PSV', [2.5, 0, 2]));
    b.tag(k, pv('PI-02', 'pressure', txt('进气压力', 'suction pressure'), 'barg', [0, 10], 5, { h: 7, l: 3, ll: 2 }, 'suction 5 barg; L/LL air ingress risk', [-2.5, 0, 2]));
    b.tag(k, pv('TI-01', 'temperature', txt('排气温度', 'discharge temperature'), '°C', [0, 200], 110, { hh: 145, h: 135 }, 'discharge 110 °C; H/HH valve or cooler failure', [2.5, 0.5, 2]));
    b.tag(k, pv('FI-01', 'flow', txt('流量', 'flow'), 'Nm³/h', [0, 3000], 1500, { h: 2200, l: 800 }, 'hydrogen 1500 Nm³/h', [0, 1.3, 2.5]));
    b.tag(k, pv('VI-01', 'vibration', txt('振动', 'vibration'), 'mm/s', [0, 20], 2.5, { hh: 11, h: 7.1 }, VIBRATION_BASIS, [0, -1.3, 1.5]));
    b.tag(k, pv('SI-01', 'speed', txt('转速', 'speed'), 'rpm', [0, 1200], 740, { h: 780, l: 700 }, 'reciprocating compressor 740 rpm', [-2.5, 0, 1]));
    placeDetectors(b, std, k);
  }
  const v = b.equip({
    id: 'V-423',
    area,
    name: txt('V-423 氢气缓冲罐', 'Hydrogen buffer V-423'),
    kind: 'vessel',
    position: [515, 280, 0],
    shape: { type: 'cylinder', radius: 1.5, height: 6 },
    chemical: 'hydrogen',
    inventoryT: 0.05,
    releaseSources: [[515, 278.2, 1], [515, 280, 6.3]],
  });
  vesselTags(b, v, 30, 6, 35, 1, 6);
  placeDetectors(b, std, v);
  const r = b.equip({
    id: 'R-424',
    area,
    name: txt('R-424 加氢反应釜', 'Hydrogenation reactor R-424'),
    kind: 'reactor',
    position: [550, 290, 0],
    shape: { type: 'cylinder', radius: 2, height: 10 },
    chemical: 'hydrogen',
    inventoryT: 0.2,
    releaseSources: [[550, 290, 10.3], [551, 290.3, 10], [552.2, 290, 1.2], [550, 287.7, 0.4]],
    design: { volumeM3: 25, designPressureBarg: 4 },
  });
  reactorTags(b, r, 120, 2.5, 10);
  placeDetectors(b, std, r);
}
