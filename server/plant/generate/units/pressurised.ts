import type { Equipment } from '../../../../shared/plant/schema';
import { txt, type PlantBuilder } from '../builder';
import { placeDetectors } from '../detectors';
import { exchangerTags, pumpTags, pv, storageTags, vesselTags } from '../instruments';
import { AREAS } from '../layout';
import type { Standards } from '../standards';

/** A pressurised sphere on legs with its pump on the south side; sources at the bottom outlet, PSV, sample point and gauge. */
function sphere(
  b: PlantBuilder,
  std: Standards,
  o: { id: string; pumpId: string; area: string; chemical: string; x: number; y: number; radius: number; pumpY: number; levelPct: number; density: number; pressureBarg: number; maxBarg: number },
): Equipment {
  const chem = b.chemical(o.chemical);
  const { x, y, radius: r } = o;
  const base = 1.5;
  const volume = (4 / 3) * Math.PI * r ** 3;
  const sp = b.equip({
    id: o.id,
    area: o.area,
    name: txt(`${o.id} ${chem.name.zh}球罐`, `${chem.name.en} sphere ${o.id}`),
    kind: 'sphere',
    position: [x, y, base],
    shape: { type: 'sphere', radius: r },
    chemical: o.chemical,
    inventoryT: Math.round(volume * (o.levelPct / 100) * o.density),
    releaseSources: [[x, y - r - 0.5, 1.0], [x + 1, y - r - 0.4, 1.3], [x, y, base + 2 * r + 0.3], [x + r + 0.3, y, base + r]],
    design: { capacityM3: Math.round(volume), designPressureBarg: o.maxBarg },
  });
  storageTags(b, sp, { levelPct: o.levelPct, temperatureC: 20, pressureBarg: o.pressureBarg, inM3h: 0, outM3h: 25, height: base + 2 * r, pressured: true, maxBarg: o.maxBarg });
  placeDetectors(b, std, sp);
  const p = b.equip({
    id: o.pumpId,
    area: o.area,
    name: txt(`${o.id} 输送泵`, `${o.id} transfer pump`),
    kind: 'pump',
    position: [x, o.pumpY, 0],
    shape: { type: 'box', size: [1.6, 0.8, 1] },
    chemical: o.chemical,
    inventoryT: 0.1,
    releaseSources: [[x - 0.5, o.pumpY, 0.5]],
  });
  pumpTags(b, p, o.pressureBarg + 6, 25);
  placeDetectors(b, std, p);
  return sp;
}

/** Chlorine: three horizontal bullets, vaporisers, buffer vessel, tanker unloading arm, emergency caustic scrubber. */
export function buildChlorineStorage(b: PlantBuilder, std: Standards): void {
  const area = AREAS.TFCL.id;
  [270, 288, 306].forEach((y, i) => {
    const id = `TK-${301 + i}`;
    const x = 710;
    const volume = 16 * Math.PI * 1.8 * 1.8;
    const t = b.equip({
      id,
      area,
      name: txt(`${id} 液氯储罐（卧式）`, `Chlorine bullet ${id}`),
      kind: 'tank',
      position: [x, y, 1],
      shape: { type: 'box', size: [16, 3.6, 3.6] },
      chemical: 'chlorine',
      inventoryT: Math.round(volume * 0.7 * 1.41),
      // liquid outlet valve, gas-phase valve, PSV, loading connection, drain
      releaseSources: [[x + 8.3, y, 1.4], [x + 5, y, 4.8], [x, y, 4.9], [x - 5, y, 4.8], [x - 8.3, y, 1.0]],
      design: { capacityM3: Math.round(volume), designPressureBarg: 16 },
    });
    storageTags(b, t, { levelPct: 70, temperatureC: 20, pressureBarg: 5.7, inM3h: 0, outM3h: 1.5, height: 4.6, pressured: true, maxBarg: 16 });
    placeDetectors(b, std, t);
  });
  [275, 292].forEach((y, i) => {
    const id = `E-${304 + i}`;
    const e = b.equip({
      id,
      area,
      name: txt(`${id} 液氯汽化器`, `Chlorine vaporiser ${id}`),
      kind: 'exchanger',
      position: [760, y, 0],
      shape: { type: 'box', size: [3, 1.2, 2] },
      chemical: 'chlorine',
      inventoryT: 0.2,
      releaseSources: [[758.3, y, 1], [761.7, y, 1.5]],
    });
    exchangerTags(b, e, 30, 40, 5, 6);
    placeDetectors(b, std, e);
  });
  const v = b.equip({
    id: 'V-306',
    area,
    name: txt('V-306 氯气缓冲罐', 'Chlorine gas buffer V-306'),
    kind: 'vessel',
    position: [780, 305, 0],
    shape: { type: 'cylinder', radius: 1.2, height: 3.5 },
    chemical: 'chlorine',
    inventoryT: 0.1,
    releaseSources: [[780, 303.5, 0.4], [781.5, 305, 3.6]],
  });
  vesselTags(b, v, 30, 4.5, 30, 1.5, 3.5);
  placeDetectors(b, std, v);
  const la = b.equip({
    id: 'LA-307',
    area,
    name: txt('LA-307 液氯槽车卸车鹤管', 'Chlorine tanker unloading arm LA-307'),
    kind: 'loading_arm',
    position: [800, 262, 0],
    shape: { type: 'cylinder', radius: 0.4, height: 5 },
    chemical: 'chlorine',
    inventoryT: 0.05,
    releaseSources: [[800, 260.5, 3.5], [800.5, 262, 0.4]],
  });
  b.tag(la, pv('FI-01', 'flow', txt('卸车流量', 'unloading flow'), 'm³/h', [0, 20], 8, { h: 12 }, 'unloading 8 m³/h; H hose or coupling failure', [0, -1.5, 3]));
  b.tag(la, pv('PI-01', 'pressure', txt('卸车压力', 'unloading pressure'), 'barg', [0, 16], 6, { hh: 11, h: 9, l: 3 }, 'tanker pad pressure 6 barg', [0, -1, 3]));
  b.tag(la, pv('TI-01', 'temperature', txt('介质温度', 'liquid temperature'), '°C', [-40, 60], 15, { h: 35, l: -20 }, 'liquid chlorine 15 °C', [0.5, 0, 2]));
  b.tag(la, pv('ZI-01', 'valve_position', txt('紧急切断阀位置', 'emergency shut-off valve position'), '%', [0, 100], 100, { l: 95 }, 'ESD valve normally open during unloading', [0.5, 0.5, 1]));
  placeDetectors(b, std, la);

  const c = b.equip({
    id: 'C-308',
    area,
    name: txt('C-308 事故氯气碱液吸收塔', 'Emergency chlorine scrubber C-308'),
    kind: 'column',
    position: [840, 360, 0],
    shape: { type: 'cylinder', radius: 1.5, height: 18 },
    chemical: 'caustic-soda',
    inventoryT: 12,
  });
  b.tag(c, pv('TI-01', 'temperature', txt('塔顶温度', 'top temperature'), '°C', [0, 120], 30, { hh: 60, h: 50 }, 'scrubber top 30 °C; H absorption heat (chlorine arriving)', [1.6, 0, 17]));
  b.tag(c, pv('PI-01', 'pressure', txt('塔压', 'column pressure'), 'barg', [-0.1, 0.5], 0.02, { h: 0.1 }, 'near atmospheric; H blocked vent', [1.6, 0, 16]));
  b.tag(c, pv('PI-02', 'pressure', txt('塔压差', 'differential pressure'), 'kPa', [0, 20], 3, { h: 8, l: 1 }, 'packing ΔP 3 kPa; H flooding, L channelling', [1.6, 0, 9]));
  b.tag(c, pv('LI-01', 'level', txt('塔釜液位', 'sump level'), '%', [0, 100], 60, { h: 85, l: 30, ll: 20 }, 'caustic sump 60 %; L/LL circulation pump suction', [1.6, 0, 1.5]));
  b.tag(c, pv('FI-01', 'flow', txt('碱液循环量', 'caustic circulation'), 'm³/h', [0, 120], 60, { l: 40, ll: 30 }, 'caustic circulation 60 m³/h; L/LL scrubber not ready', [1.6, 0, 12]));
  const p = b.equip({
    id: 'P-309',
    area,
    name: txt('P-309 碱液循环泵', 'Caustic circulation pump P-309'),
    kind: 'pump',
    position: [840, 350, 0],
    shape: { type: 'box', size: [1.6, 0.8, 1] },
    chemical: 'caustic-soda',
    inventoryT: 0.1,
  });
  pumpTags(b, p, 3, 60);
}

/** Ammonia: two spheres with pumps. */
export function buildAmmoniaStorage(b: PlantBuilder, std: Standards): void {
  [720, 800].forEach((x, i) => {
    sphere(b, std, { id: `SP-${311 + i}`, pumpId: `P-${311 + i}`, area: AREAS.NH3.id, chemical: 'ammonia', x, y: 182, radius: 7, pumpY: 148, levelPct: 60 - 12 * i, density: 0.61, pressureBarg: 7.6, maxBarg: 16 });
  });
}

/** LPG: four spheres with pumps, and the elevated flare at the east end. */
export function buildLpgStorage(b: PlantBuilder, std: Standards): void {
  [690, 735, 780, 825].forEach((x, i) => {
    sphere(b, std, { id: `SP-${401 + i}`, pumpId: `P-${401 + i}`, area: AREAS.LPG.id, chemical: 'lpg', x, y: 76, radius: 7.5, pumpY: 40, levelPct: [65, 50, 72, 38][i]!, density: 0.51, pressureBarg: 7, maxBarg: 17.5 });
  });
  const fl = b.equip({
    id: 'FL-409',
    area: AREAS.LPG.id,
    name: txt('FL-409 火炬', 'Flare FL-409'),
    kind: 'flare',
    position: [866, 34, 0],
    shape: { type: 'cylinder', radius: 0.6, height: 40 },
  });
  b.tag(fl, pv('FI-01', 'flow', txt('火炬气流量', 'flare gas flow'), 'kg/h', [0, 20000], 50, { hh: 8000, h: 2000 }, 'purge 50 kg/h; H/HH relief event in progress', [0.8, 0, 5]));
  for (const [k, code] of (['TI-01', 'TI-02', 'TI-03'] as const).entries()) {
    b.tag(fl, pv(code, 'temperature', txt(`长明灯温度 ${k + 1}`, `pilot temperature ${k + 1}`), '°C', [0, 1200], 600, { l: 300, ll: 150 }, 'pilot thermocouple 600 °C; L/LL pilot flame out', [0.5 * Math.cos((k * 2 * Math.PI) / 3), 0.5 * Math.sin((k * 2 * Math.PI) / 3), 39.5]));
  }
}
