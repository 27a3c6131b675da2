import type { Equipment } from '../../../../shared/plant/schema';
import { txt, type PlantBuilder } from '../builder';
import { placeDetectors } from '../detectors';
import { buildingTag, oxygenDetectors, pumpTags, pv, storageTags, VIBRATION_BASIS } from '../instruments';
import { AREAS } from '../layout';
import type { Standards } from '../standards';

function vibration(b: PlantBuilder, e: Equipment, code: 'VI-01', at: [number, number, number]): void {
  b.tag(e, pv(code, 'vibration', txt('振动', 'vibration'), 'mm/s', [0, 20], 2.5, { hh: 11, h: 7.1 }, VIBRATION_BASIS, at));
}

/** Utilities: gas-fired boilers, fuel-gas skid, cooling towers and pumps, air compressors, nitrogen. */
export function buildUtilities(b: PlantBuilder, std: Standards): void {
  const area = AREAS.UTL.id;
  [450, 466, 482].forEach((x, i) => {
    const id = `B-${701 + i}`;
    const y = 555;
    const bo = b.equip({
      id,
      area,
      name: txt(`${id} 燃气蒸汽锅炉`, `Gas-fired steam boiler ${id}`),
      kind: 'boiler',
      position: [x, y, 0],
      shape: { type: 'box', size: [10, 6, 9] },
      chemical: 'natural-gas',
      inventoryT: 0.01,
      // burner-front valve train and fuel-gas inlet flange
      releaseSources: [[x, y - 3.3, 1.5], [x - 5.3, y - 2, 1.2]],
    });
    const t = (code: string, kind: 'pressure' | 'temperature' | 'flow' | 'level', zh: string, en: string, unit: string, range: [number, number], v: number, lim: Parameters<typeof pv>[6], basis: string, at: [number, number, number]): void => {
      b.tag(bo, pv(code, kind, txt(zh, en), unit, range, v, lim, basis, at));
    };
    t('PI-01', 'pressure', '蒸汽压力', 'steam pressure', 'barg', [0, 16], 10, { hh: 12.5, h: 11.5, l: 8 }, '10 barg saturated steam, PSV 13 barg', [0, 3.2, 8]);
    t('TI-01', 'temperature', '蒸汽温度', 'steam temperature', '°C', [0, 300], 184, { hh: 210, h: 200, l: 170 }, 'saturated at 10 barg, 184 °C', [1, 3.2, 8]);
    t('FI-01', 'flow', '蒸汽流量', 'steam flow', 't/h', [0, 35], 20, { h: 28, l: 5 }, 'boiler rated 25 t/h, normal 20 t/h', [2, 3.2, 7]);
    t('LI-01', 'level', '汽包液位', 'drum level', '%', [0, 100], 50, { hh: 80, h: 70, l: 30, ll: 20 }, 'drum 50 %; LL low-water trip (GB/T 16507 practice)', [-2, 3.2, 8]);
    t('TI-02', 'temperature', '排烟温度', 'flue gas temperature', '°C', [0, 400], 160, { hh: 260, h: 220 }, 'flue gas 160 °C; H fouling or afterburning', [4, 0, 9]);
    t('FI-02', 'flow', '燃气流量', 'fuel gas flow', 'Nm³/h', [0, 3000], 1500, { h: 2200, l: 300 }, 'natural gas 1500 Nm³/h at 20 t/h steam', [-4.5, -2, 1.5]);
    t('PI-02', 'pressure', '燃气压力', 'fuel gas pressure', 'barg', [0, 1], 0.3, { hh: 0.6, h: 0.5, l: 0.15, ll: 0.1 }, 'burner 0.3 barg; HH/LL burner management trips', [-4.5, -2.5, 1.5]);
    t('FI-03', 'flow', '给水流量', 'feedwater flow', 't/h', [0, 35], 20, { h: 28, l: 8 }, 'feedwater matches steam 20 t/h', [-2, 3.2, 1.5]);
    placeDetectors(b, std, bo, Math.PI / 2);
  });
  const fg = b.equip({
    id: 'V-704',
    area,
    name: txt('V-704 天然气调压计量撬', 'Natural gas metering skid V-704'),
    kind: 'vessel',
    position: [505, 555, 0],
    shape: { type: 'box', size: [4, 2.5, 2] },
    chemical: 'natural-gas',
    inventoryT: 0.01,
    releaseSources: [[502.8, 555, 1], [507.2, 555, 1]],
  });
  b.tag(fg, pv('PI-01', 'pressure', txt('出口压力', 'outlet pressure'), 'barg', [0, 6], 3, { hh: 4.5, h: 4, l: 2, ll: 1.5 }, 'regulated to 3 barg from the 10 barg supply', [0, 1.3, 1.5]));
  b.tag(fg, pv('TI-01', 'temperature', txt('燃气温度', 'gas temperature'), '°C', [-30, 60], 15, { h: 40, l: -5 }, 'gas 15 °C; L hydrate/icing after letdown', [1, 1.3, 1.5]));
  placeDetectors(b, std, fg);

  [535, 555, 575].forEach((x, i) => {
    const ct = b.equip({ id: `CT-${711 + i}`, area, name: txt(`CT-${711 + i} 冷却塔`, `Cooling tower CT-${711 + i}`), kind: 'cooling_tower', position: [x, 555, 0], shape: { type: 'box', size: [14, 14, 11] } });
    b.tag(ct, pv('LI-01', 'level', txt('水池液位', 'basin level'), '%', [0, 100], 70, { h: 90, l: 40, ll: 30 }, 'basin 70 %; L/LL circulating pump suction', [0, -7.2, 0.5]));
    b.tag(ct, pv('TI-01', 'temperature', txt('供水温度', 'supply temperature'), '°C', [0, 60], 28, { hh: 35, h: 32 }, 'cooling water supply 28 °C (reactor cooling margin)', [7.2, 0, 1]));
    b.tag(ct, pv('TI-02', 'temperature', txt('回水温度', 'return temperature'), '°C', [0, 70], 38, { h: 45 }, 'return 38 °C', [-7.2, 0, 1]));
    b.tag(ct, pv('FI-01', 'flow', txt('循环水量', 'circulation flow'), 'm³/h', [0, 3000], 1500, { h: 2400, l: 900 }, 'circulation 1500 m³/h per cell', [7.2, 2, 1]));
    b.tag(ct, pv('SI-01', 'speed', txt('风机转速', 'fan speed'), 'rpm', [0, 200], 150, { h: 170, l: 100 }, 'fan 150 rpm', [0, 0, 11.5]));
    vibration(b, ct, 'VI-01', [0.5, 0, 11.5]);
  });
  [535, 547, 559, 571].forEach((x, i) => {
    const p = b.equip({ id: `P-${714 + i}`, area, name: txt(`P-${714 + i} 循环水泵`, `Cooling water pump P-${714 + i}`), kind: 'pump', position: [x, 533, 0], shape: { type: 'box', size: [2, 1, 1.2] } });
    pumpTags(b, p, 4, 1100);
  });

  const ch = b.building({ id: 'UC-01', area, name: txt('空压制氮站', 'Air compressor and nitrogen house'), kind: 'compressor_house', position: [470, 490, 0], size: [40, 16, 7], floors: 1 });
  [458, 470, 482].forEach((x, i) => {
    const k = b.equip({ id: `K-${721 + i}`, area, indoor: true, name: txt(`K-${721 + i} 空气压缩机`, `Air compressor K-${721 + i}`), kind: 'compressor', position: [x, 490, 0], shape: { type: 'box', size: [5, 2.5, 2.5] } });
    b.tag(k, pv('PI-01', 'pressure', txt('排气压力', 'discharge pressure'), 'barg', [0, 12], 7, { hh: 9.5, h: 8.5, l: 6 }, 'instrument air 7 barg; L low air header', [2.5, 0, 2]));
    b.tag(k, pv('TI-01', 'temperature', txt('排气温度', 'discharge temperature'), '°C', [0, 150], 90, { hh: 120, h: 110 }, 'screw compressor discharge 90 °C', [2.5, 0.5, 2]));
    b.tag(k, pv('FI-01', 'flow', txt('排气量', 'air flow'), 'Nm³/h', [0, 2000], 1200, { h: 1600, l: 400 }, 'air 1200 Nm³/h', [0, 1.3, 2.5]));
    b.tag(k, pv('SI-01', 'speed', txt('转速', 'speed'), 'rpm', [0, 3600], 2950, { h: 3100, l: 2800 }, '2-pole motor 2950 rpm', [-2.5, 0, 1]));
    vibration(b, k, 'VI-01', [0, -1.3, 1.5]);
  });
  const gen = b.equip({ id: 'V-726', area, indoor: true, name: txt('V-726 变压吸附制氮装置', 'PSA nitrogen generator V-726'), kind: 'vessel', position: [487.5, 490, 0], shape: { type: 'cylinder', radius: 0.8, height: 4 }, chemical: 'nitrogen', inventoryT: 0.01 });
  b.tag(gen, pv('PI-01', 'pressure', txt('氮气压力', 'nitrogen pressure'), 'barg', [0, 12], 6, { h: 8, l: 4.5, ll: 3.5 }, 'nitrogen header 6 barg; L/LL inerting supply lost', [0.9, 0, 2]));
  b.tag(gen, pv('FI-01', 'flow', txt('氮气流量', 'nitrogen flow'), 'm³/h', [0, 600], 300, { h: 500, l: 50 }, 'nitrogen 300 m³/h (standard)', [0.9, 0.3, 1]));
  oxygenDetectors(b, std, ch, [[-15, -5], [0, 5], [12, -5], [17, 5]]);
  buildingTag(b, ch, { code: 'TI-01', kind: 'temperature', label: txt('室内温度', 'room temperature'), unit: '°C', range: [-20, 60], limits: { h: 40, l: 5 }, source: 'design: compressor house 5–40 °C', at: [0, 0, 4] });

  const air = b.equip({ id: 'V-725', area, name: txt('V-725 仪表空气储罐', 'Instrument air receiver V-725'), kind: 'vessel', position: [500, 490, 0], shape: { type: 'cylinder', radius: 1.2, height: 5 } });
  b.tag(air, pv('PI-01', 'pressure', txt('仪表空气压力', 'instrument air pressure'), 'barg', [0, 12], 7, { h: 8.5, l: 5.5, ll: 4.5 }, 'instrument air 7 barg; LL valves fail to safe position', [1.3, 0, 2.5]));
  b.tag(air, pv('TI-01', 'temperature', txt('温度', 'temperature'), '°C', [-20, 80], 30, { h: 50 }, 'receiver 30 °C', [1.3, 0.3, 1]));
  const lin = b.equip({ id: 'TK-731', area, name: txt('TK-731 液氮储罐', 'Liquid nitrogen tank TK-731'), kind: 'tank', position: [520, 490, 0], shape: { type: 'cylinder', radius: 2.2, height: 14 }, chemical: 'nitrogen', inventoryT: 120 });
  b.tag(lin, pv('LI-01', 'level', txt('液位', 'level'), '%', [0, 100], 70, { h: 95, l: 20, ll: 10 }, 'liquid nitrogen 70 %; L/LL backup inerting reserve', [2.3, 0, 7]));
  b.tag(lin, pv('PI-01', 'pressure', txt('压力', 'pressure'), 'barg', [0, 16], 8, { hh: 14, h: 12, l: 5 }, 'cryogenic tank 8 barg, PSV 15 barg', [0, 2.3, 14]));
  const vap = b.equip({ id: 'E-732', area, name: txt('E-732 空温式汽化器', 'Ambient vaporiser E-732'), kind: 'exchanger', position: [535, 490, 0], shape: { type: 'box', size: [3, 3, 6] }, chemical: 'nitrogen', inventoryT: 0.1 });
  b.tag(vap, pv('TI-01', 'temperature', txt('出口温度', 'outlet temperature'), '°C', [-200, 60], 5, { l: -20, ll: -40 }, 'gas out 5 °C; L/LL liquid carry-over embrittles carbon steel', [1.6, 0, 1]));
  b.tag(vap, pv('PI-01', 'pressure', txt('出口压力', 'outlet pressure'), 'barg', [0, 16], 7, { h: 12, l: 4.5 }, 'nitrogen backup 7 barg', [1.6, 0.5, 1]));
  b.building({ id: 'SS-01', area, name: txt('总变电所', 'Main substation'), kind: 'substation', position: [600, 495, 0], size: [40, 24, 6], floors: 1 });
}

/** Wastewater: equalisation tank, aeration basins, clarifiers, sludge thickener, pumps; H₂S detection. */
export function buildWastewater(b: PlantBuilder, std: Standards): void {
  const area = AREAS.WWT.id;
  const eqt = b.equip({
    id: 'TK-801',
    area,
    name: txt('TK-801 调节池', 'Equalisation tank TK-801'),
    kind: 'tank',
    position: [690, 540, 0],
    shape: { type: 'cylinder', radius: 10, height: 6 },
    chemical: 'hydrogen-sulphide',
    inventoryT: 0,
    releaseSources: [[686, 529.7, 0.5], [694, 529.7, 0.5], [690, 530.5, 6.2]],
    design: { capacityM3: 1885 },
  });
  storageTags(b, eqt, { levelPct: 55, temperatureC: 25, pressureBarg: 0.005, inM3h: 80, outM3h: 80, height: 6, pressured: false });
  placeDetectors(b, std, eqt);
  for (const [i, y] of [555, 530].entries()) {
    const ab = b.equip({ id: `AB-${802 + i}`, area, name: txt(`AB-${802 + i} 曝气池`, `Aeration basin AB-${802 + i}`), kind: 'vessel', position: [745, y, 0], shape: { type: 'box', size: [40, 18, 5] } });
    b.tag(ab, pv('LI-01', 'level', txt('液位', 'level'), '%', [0, 100], 80, { h: 92, l: 60 }, 'basin 80 %; H overflow', [20.2, 0, 4]));
    b.tag(ab, pv('TI-01', 'temperature', txt('水温', 'water temperature'), '°C', [0, 50], 25, { h: 35, l: 12 }, 'biology 12–35 °C', [20.2, 2, 2]));
    b.tag(ab, pv('FI-01', 'flow', txt('进水流量', 'inflow'), 'm³/h', [0, 200], 40, { h: 70 }, 'inflow 40 m³/h per basin', [-20.2, 0, 4]));
  }
  for (const [i, x] of [795, 840].entries()) {
    const cl = b.equip({ id: `CL-${804 + i}`, area, name: txt(`CL-${804 + i} 二沉池`, `Clarifier CL-${804 + i}`), kind: 'tank', position: [x, 545, 0], shape: { type: 'cylinder', radius: 9, height: 4 } });
    b.tag(cl, pv('LI-01', 'level', txt('液位', 'level'), '%', [0, 100], 85, { h: 95, l: 70 }, 'weir level 85 %', [0, -9.2, 3.5]));
    b.tag(cl, pv('FI-01', 'flow', txt('进水流量', 'inflow'), 'm³/h', [0, 200], 40, { h: 70 }, 'inflow 40 m³/h', [-9.2, 0, 3]));
    b.tag(cl, pv('FI-02', 'flow', txt('排泥流量', 'sludge draw-off'), 'm³/h', [0, 20], 4, { h: 10, l: 1 }, 'sludge 4 m³/h', [9.2, 0, 0.5]));
  }
  const th = b.equip({
    id: 'TK-806',
    area,
    name: txt('TK-806 污泥浓缩池', 'Sludge thickener TK-806'),
    kind: 'tank',
    position: [860, 505, 0],
    shape: { type: 'cylinder', radius: 5, height: 5 },
    chemical: 'hydrogen-sulphide',
    inventoryT: 0,
    releaseSources: [[860, 499.7, 0.5], [860, 500.5, 5.2]],
  });
  b.tag(th, pv('LI-01', 'level', txt('液位', 'level'), '%', [0, 100], 60, { h: 85, l: 20 }, 'thickener 60 %', [0, -5.2, 4]));
  b.tag(th, pv('TI-01', 'temperature', txt('温度', 'temperature'), '°C', [0, 50], 25, { h: 35 }, 'sludge 25 °C', [5.2, 0, 2]));
  b.tag(th, pv('FI-01', 'flow', txt('进泥流量', 'sludge inflow'), 'm³/h', [0, 20], 8, { h: 14 }, 'sludge in 8 m³/h', [-5.2, 0, 4]));
  b.tag(th, pv('FI-02', 'flow', txt('出泥流量', 'sludge outflow'), 'm³/h', [0, 20], 3, { h: 8 }, 'thickened sludge 3 m³/h', [5.2, 0, 0.5]));
  placeDetectors(b, std, th);
  const pumps: [string, number, number, string | undefined, string, string, number][] = [
    ['P-807', 690, 515, 'hydrogen-sulphide', '调节池提升泵', 'equalisation lift pump', 80],
    ['P-808', 745, 508, undefined, '回流污泥泵', 'return sludge pump', 40],
    ['P-809', 800, 508, undefined, '出水泵', 'effluent pump', 80],
    ['P-810', 845, 505, 'hydrogen-sulphide', '污泥泵', 'sludge pump', 8],
  ];
  for (const [id, x, y, chemical, zh, en, flow] of pumps) {
    const p = b.equip({
      id,
      area,
      name: txt(`${id} ${zh}`, `${en} ${id}`),
      kind: 'pump',
      position: [x, y, 0],
      shape: { type: 'box', size: [1.6, 0.8, 1] },
      ...(chemical !== undefined ? { chemical, inventoryT: 0, releaseSources: [[x - 0.5, y, 0.5]] } : {}),
    });
    pumpTags(b, p, 3, flow);
    placeDetectors(b, std, p);
  }
}
