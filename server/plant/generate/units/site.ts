import { txt, type PlantBuilder } from '../builder';
import { placeDetectors } from '../detectors';
import { buildingTag, pv } from '../instruments';
import { AREAS } from '../layout';
import type { Standards } from '../standards';
import { detectorLimits } from '../detectors';

/** Administration, fire station, control room, maintenance, met masts and the main pipe rack. */
export function buildSite(b: PlantBuilder, std: Standards): void {
  b.building({ id: 'AD-01', area: AREAS.ADM.id, name: txt('综合办公楼', 'Administration building'), kind: 'office', position: [90, 535, 0], size: [80, 25, 16], floors: 4 });
  b.building({ id: 'GH-01', area: AREAS.ADM.id, name: txt('北门门卫室', 'North gatehouse'), kind: 'gatehouse', position: [172, 572, 0], size: [8, 6, 3.5], floors: 1 });
  metMast(b, 'MET-01', AREAS.ADM.id, 30, 475);
  metMast(b, 'MET-02', AREAS.TFCL.id, 870, 410);

  b.building({ id: 'FS-01', area: AREAS.FIRE.id, name: txt('消防站', 'Fire station'), kind: 'fire_station', position: [245, 555, 0], size: [70, 30, 9], floors: 2 });
  for (const [i, x] of [222, 268].entries()) {
    const t = b.equip({ id: `TK-${901 + i}`, area: AREAS.FIRE.id, name: txt(`TK-${901 + i} 消防水罐`, `Fire water tank TK-${901 + i}`), kind: 'tank', position: [x, 492, 0], shape: { type: 'cylinder', radius: 8, height: 12 } });
    b.tag(t, pv('LI-01', 'level', txt('液位', 'level'), '%', [0, 100], 92, { h: 99, l: 85, ll: 75 }, 'fire water reserve ≥ 85 % (GB 50160 fire water volume kept in reserve)', [0, -8.2, 12]));
    b.tag(t, pv('TI-01', 'temperature', txt('水温', 'water temperature'), '°C', [-20, 50], 12, { l: 4 }, 'L freeze protection', [0, -8.2, 1]));
  }
  for (const [i, x] of [225, 245, 265].entries()) {
    const id = `P-${903 + i}`;
    const p = b.equip({ id, area: AREAS.FIRE.id, name: txt(`${id} 消防泵`, `Fire pump ${id}`), kind: 'pump', position: [x, 515, 0], shape: { type: 'box', size: [2, 1, 1.2] } });
    b.tag(p, pv('PI-01', 'pressure', txt('消防管网压力', 'fire main pressure'), 'barg', [0, 16], 8, { h: 12, l: 6, ll: 5 }, 'fire main held at 8 barg by the jockey pump; L/LL fire main depressurised', [1.1, 0, 1]));
    b.tag(p, pv('SI-01', 'speed', txt('转速', 'speed'), 'rpm', [0, 3600], 0, { h: 3100 }, 'stand-by at 0 rpm; running means a fire demand or a test', [-1.1, 0, 1]));
    b.tag(p, pv('TI-01', 'temperature', txt('轴承温度', 'bearing temperature'), '°C', [0, 150], 25, { hh: 95, h: 85 }, 'rolling bearing; H 85 °C, HH 95 °C', [0, 0.6, 1]));
  }

  const cr = b.building({ id: 'CR-01', area: AREAS.CCR.id, name: txt('中央控制室（抗爆）', 'Central control room (blast-resistant)'), kind: 'control_room', position: [360, 520, 0], size: [60, 40, 8], floors: 1 });
  buildingTag(b, cr, { code: 'TI-01', kind: 'temperature', label: txt('室内温度', 'room temperature'), unit: '°C', range: [0, 50], limits: { h: 28, l: 16 }, source: 'design: control room 16–28 °C (operator comfort, DCS cabinets)', at: [0, 0, 2] });
  buildingTag(b, cr, { code: 'PI-01', kind: 'pressure', label: txt('室内正压', 'room overpressure'), unit: 'Pa', range: [0, 200], limits: { h: 120, l: 25, ll: 10 }, source: 'design: positive pressure 50 Pa against toxic ingress; L/LL pressurisation lost', at: [5, 0, 2] });
  // Air-intake detectors close the HVAC dampers on a toxic or flammable cloud.
  const intake = (code: string, type: 'combustible' | 'toxic', chemical: string, dx: number): void => {
    const stdChem = std.chemicals.find((c) => c.id === chemical);
    if (!stdChem) throw new Error(`no standards data for ${chemical}`);
    const { unit, range, limits } = detectorLimits(std, type, stdChem);
    const chem = b.chemical(chemical);
    buildingTag(b, cr, {
      code,
      kind: type === 'combustible' ? 'gas_combustible' : 'gas_toxic',
      label: txt(`新风口${type === 'combustible' ? '可燃' : '有毒'}气体检测器（${chem.name.zh}）`, `air intake ${type} gas detector (${chem.name.en})`),
      unit,
      range: [range.lo, range.hi],
      limits: { hh: limits.hh, h: limits.h },
      source: limits.source,
      chemical,
      at: [dx, 20.5, 7.5],
    });
  };
  intake('GT-CR-01-01', 'toxic', 'chlorine', -2);
  intake('GT-CR-01-02', 'toxic', 'ammonia', 0);
  intake('GD-CR-01-03', 'combustible', 'lpg', 2);

  b.building({ id: 'MW-01', area: AREAS.MNT.id, name: txt('维修车间', 'Maintenance workshop'), kind: 'workshop', position: [70, 330, 0], size: [60, 30, 10], floors: 1 });
  b.building({ id: 'LB-01', area: AREAS.MNT.id, name: txt('中心化验室', 'Central laboratory'), kind: 'lab', position: [140, 385, 0], size: [40, 20, 8], floors: 2 });
  b.building({ id: 'SS-02', area: AREAS.MNT.id, name: txt('装置变电所', 'Unit substation'), kind: 'substation', position: [140, 275, 0], size: [30, 20, 6], floors: 1 });

  const racks = [
    { id: 'PR-01', cx: 305, chemical: 'toluene' },
    { id: 'PR-02', cx: 535, chemical: 'methanol' },
    { id: 'PR-03', cx: 770, chemical: 'lpg' },
  ] as const;
  for (const r of racks) {
    const chem = b.chemical(r.chemical);
    const pr = b.equip({
      id: r.id,
      area: AREAS.PR.id,
      name: txt(`${r.id} 管廊（含${chem.name.zh}管线）`, `Pipe rack ${r.id} (${chem.name.en} line)`),
      kind: 'pipe_rack',
      position: [r.cx, 436, 6],
      shape: { type: 'box', size: [200, 6, 1.5] },
      chemical: r.chemical,
      inventoryT: 3,
      // valve stations on the transfer line
      releaseSources: [[r.cx - 60, 436, 6.8], [r.cx + 60, 436, 6.8]],
    });
    const t = (code: string, kind: 'pressure' | 'temperature' | 'flow', zh: string, en: string, unit: string, range: [number, number], v: number, lim: Parameters<typeof pv>[6], basis: string, dx: number): void => {
      b.tag(pr, pv(code, kind, txt(zh, en), unit, range, v, lim, basis, [dx, 0, 1.6]));
    };
    t('PI-01', 'pressure', '蒸汽总管压力', 'steam header pressure', 'barg', [0, 16], 10, { h: 11.5, l: 8.5, ll: 7 }, 'steam header 10 barg', -90);
    t('TI-01', 'temperature', '蒸汽总管温度', 'steam header temperature', '°C', [0, 300], 184, { h: 200, l: 170 }, 'saturated steam 184 °C', -80);
    t('FI-01', 'flow', '蒸汽总管流量', 'steam header flow', 't/h', [0, 80], 40, { h: 60, l: 10 }, 'steam 40 t/h', -70);
    t('PI-02', 'pressure', '氮气总管压力', 'nitrogen header pressure', 'barg', [0, 12], 6, { h: 8, l: 4.5, ll: 3.5 }, 'nitrogen 6 barg; L/LL inerting lost', -40);
    t('PI-03', 'pressure', '仪表空气总管压力', 'instrument air header pressure', 'barg', [0, 12], 7, { h: 8.5, l: 5.5, ll: 4.5 }, 'instrument air 7 barg', -20);
    t('FI-02', 'flow', '循环水总管流量', 'cooling water header flow', 'm³/h', [0, 8000], 4500, { h: 6500, l: 3000 }, 'cooling water 4500 m³/h', 20);
    t('TI-02', 'temperature', '循环水供水温度', 'cooling water supply temperature', '°C', [0, 60], 28, { hh: 35, h: 32 }, 'supply 28 °C', 40);
    placeDetectors(b, std, pr);
  }
}

function metMast(b: PlantBuilder, id: string, area: string, x: number, y: number): void {
  const m = b.equip({ id, area, name: txt(`${id} 气象站`, `Met station ${id}`), kind: 'met_mast', position: [x, y, 0], shape: { type: 'cylinder', radius: 0.3, height: 10 } });
  b.tag(m, pv('WS-01', 'wind_speed', txt('风速', 'wind speed'), 'm/s', [0, 60], 3, { hh: 13.9, h: 8 }, 'GB 30871-2022 §5.2.15: wind force 5 (≥ 8.0 m/s) bans outdoor hot work; HH force 7 (13.9 m/s)', [0, 0, 10]));
  b.tag(m, pv('WD-01', 'wind_direction', txt('风向（来向）', 'wind direction (from)'), '°', [0, 360], 45, {}, 'direction the wind blows from, degrees clockwise from north; no alarm', [0.2, 0, 10]));
  b.tag(m, pv('TT-01', 'ambient_temperature', txt('环境温度', 'ambient temperature'), '°C', [-40, 60], 18, { h: 38, l: -10 }, 'site climate: H 38 °C heat stress and tank breathing, L −10 °C freezing', [0, 0, 2]));
  b.tag(m, pv('HM-01', 'humidity', txt('相对湿度', 'relative humidity'), '%RH', [0, 100], 60, { h: 95, l: 20 }, 'L below 20 %RH raises static-ignition risk', [0, 0.2, 2]));
}
