import type { Building, Equipment, LocalText, TagKind, Vec3 } from '../../../shared/plant/schema';
import { r2, txt, type PlantBuilder, type TagSpec } from './builder';
import type { Standards } from './standards';

type Lim = TagSpec['limits'];

/** Limit sources that cite a standard are kept as they are; anything else is a design basis. */
const STANDARD_PREFIX = /^(GB|GBZ|AQ|HG|SH|ISO|IEC|API|NFPA)[ /]/;

/** A process instrument; `basis` becomes the limit source `design: <basis>` unless it cites a standard. */
export function pv(
  code: string,
  kind: TagKind,
  label: LocalText,
  unit: string,
  range: [number, number],
  normal: number,
  limits: Lim,
  basis: string,
  at?: Vec3,
): TagSpec {
  const rounded: Lim = {};
  for (const k of ['hh', 'h', 'l', 'll'] as const) {
    const v = limits[k];
    if (v !== undefined) rounded[k] = r2(v);
  }
  return { code, kind, label, unit, range, normal: r2(normal), limits: rounded, source: STANDARD_PREFIX.test(basis) ? basis : `design: ${basis}`, ...(at ? { at } : {}) };
}

/** Vibration alarms shared by rotating machines. */
export const VIBRATION_BASIS = 'ISO 10816-3 zone C/D boundaries 7.1/11 mm/s (recalled ⚠ verify), normal 2.5 mm/s';

/** Centrifugal pump: discharge pressure, flow, bearing temperature, vibration, speed. */
export function pumpTags(b: PlantBuilder, p: Equipment, dischargeBarg: number, flowM3h: number): void {
  const d = dischargeBarg;
  const f = flowM3h;
  b.tag(p, pv('PI-01', 'pressure', txt('出口压力', 'discharge pressure'), 'barg', [0, Math.ceil(d * 2.5)], d, { hh: d * 1.4, h: d * 1.25, l: d * 0.6, ll: d * 0.4 }, `centrifugal pump, normal ${d} barg; L/LL loss of head, H/HH blocked discharge`, [0.5, 0, 0.9]));
  b.tag(p, pv('FI-01', 'flow', txt('流量', 'flow'), 'm³/h', [0, Math.ceil(f * 2)], f, { h: f * 1.3, l: f * 0.5, ll: f * 0.3 }, `pump rated ${f} m³/h; LL = minimum continuous flow`, [0.8, 0, 0.6]));
  b.tag(p, pv('TI-01', 'temperature', txt('轴承温度', 'bearing temperature'), '°C', [0, 150], 55, { hh: 95, h: 85 }, 'rolling bearing, normal 55 °C; H 85 °C, HH 95 °C trip', [-0.3, 0, 0.7]));
  b.tag(p, pv('VI-01', 'vibration', txt('振动', 'vibration'), 'mm/s', [0, 20], 2.5, { hh: 11, h: 7.1 }, VIBRATION_BASIS, [-0.5, 0, 0.7]));
  b.tag(p, pv('SI-01', 'speed', txt('转速', 'speed'), 'rpm', [0, 3600], 2950, { h: 3100, l: 2800, ll: 2600 }, '2-pole motor 2950 rpm; L/LL slip or coupling failure', [-0.6, 0, 0.5]));
}

/** Shell-and-tube exchanger (condenser, cooler, vaporiser). */
export function exchangerTags(b: PlantBuilder, e: Equipment, processOutC: number, coolantOutC: number, pressureBarg: number, coolantM3h: number): void {
  b.tag(e, pv('TI-01', 'temperature', txt('工艺出口温度', 'process outlet temperature'), '°C', [-50, 200], processOutC, { hh: processOutC + 20, h: processOutC + 10 }, `outlet ${processOutC} °C; H/HH loss of cooling`, [0.5, 0, 0.5]));
  b.tag(e, pv('TI-02', 'temperature', txt('冷却介质出口温度', 'coolant outlet temperature'), '°C', [-50, 200], coolantOutC, { h: coolantOutC + 8 }, `coolant return ${coolantOutC} °C; H fouling or low coolant flow`, [-0.5, 0, 0.5]));
  b.tag(e, pv('PI-01', 'pressure', txt('壳程压力', 'shell pressure'), 'barg', [0, 10], pressureBarg, { hh: Math.min(9, pressureBarg + 3), h: Math.min(8, pressureBarg + 2) }, `shell side ${pressureBarg} barg; HH below relief set point`, [0, 0.4, 0.6]));
  b.tag(e, pv('FI-01', 'flow', txt('冷却介质流量', 'coolant flow'), 'm³/h', [0, Math.ceil(coolantM3h * 2)], coolantM3h, { l: coolantM3h * 0.6, ll: coolantM3h * 0.4 }, `coolant ${coolantM3h} m³/h; L/LL loss of cooling`, [0, -0.4, 0.6]));
}

/** Process drum or receiver. */
export function vesselTags(b: PlantBuilder, v: Equipment, levelPct: number, pressureBarg: number, temperatureC: number, flowM3h: number, height: number): void {
  b.tag(v, pv('LI-01', 'level', txt('液位', 'level'), '%', [0, 100], levelPct, { hh: 90, h: 80, l: 20, ll: 10 }, 'drum level: H 80 %, HH 90 % overfill, L 20 %, LL 10 % pump protection', [0.6, 0, height / 2]));
  b.tag(v, pv('PI-01', 'pressure', txt('压力', 'pressure'), 'barg', [-1, 10], pressureBarg, { hh: pressureBarg + 2.5, h: pressureBarg + 1.5, l: pressureBarg - 0.5 }, `normal ${pressureBarg} barg; HH below relief valve set point`, [0, 0.6, height]));
  b.tag(v, pv('TI-01', 'temperature', txt('温度', 'temperature'), '°C', [-50, 250], temperatureC, { hh: temperatureC + 25, h: temperatureC + 15 }, `normal ${temperatureC} °C`, [-0.6, 0, height / 3]));
  b.tag(v, pv('FI-01', 'flow', txt('出料流量', 'outlet flow'), 'm³/h', [0, Math.ceil(flowM3h * 2)], flowM3h, { h: flowM3h * 1.5, l: flowM3h * 0.3 }, `outlet ${flowM3h} m³/h`, [0, -0.6, 0.5]));
}

/**
 * Storage tank or sphere: two independent level gauges, temperature, pressure, in/out flow and
 * valve positions. `pressured` selects the alarm basis of a pressure vessel rather than an
 * atmospheric tank.
 */
export function storageTags(
  b: PlantBuilder,
  t: Equipment,
  o: { levelPct: number; temperatureC: number; pressureBarg: number; inM3h: number; outM3h: number; height: number; pressured: boolean; maxBarg?: number },
): void {
  const h = o.height;
  b.tag(t, pv('LI-01', 'level', txt('雷达液位', 'radar level'), '%', [0, 100], o.levelPct, { hh: 90, h: 85, l: 15, ll: 10 }, 'storage level: H 85 %, HH 90 % (independent overfill), L 15 %, LL 10 % pump suction', [0, 0, h]));
  b.tag(t, pv('LI-02', 'level', txt('伺服液位（独立）', 'servo level (independent)'), '%', [0, 100], o.levelPct, { hh: 92, h: 87, l: 13, ll: 8 }, 'independent level gauge for SIS overfill trip, HH 92 %', [0.8, 0, h]));
  b.tag(t, pv('TI-01', 'temperature', txt('介质温度', 'liquid temperature'), '°C', [-40, 80], o.temperatureC, { hh: o.temperatureC + 20, h: o.temperatureC + 12, l: o.temperatureC - 25 }, `stored at ${o.temperatureC} °C`, [0, 0, 1.2]));
  if (o.pressured) {
    const p = o.pressureBarg;
    const max = o.maxBarg ?? p * 1.8;
    b.tag(t, pv('PI-01', 'pressure', txt('气相压力', 'vapour pressure'), 'barg', [0, Math.ceil(max * 1.3)], p, { hh: max * 0.95, h: max * 0.85, l: p * 0.3 }, `pressure vessel, normal ${p} barg, design ${r2(max)} barg; HH 95 % of design`, [0, 0.5, h]));
  } else {
    b.tag(t, pv('PI-01', 'pressure', txt('气相压力', 'vapour-space pressure'), 'barg', [-0.01, 0.05], o.pressureBarg, { hh: 0.03, h: 0.02, l: -0.003, ll: -0.005 }, 'atmospheric tank with breather valve +2/−0.5 kPa; H at the breather set point', [0, 0.5, h]));
  }
  b.tag(t, pv('FI-01', 'flow', txt('进料流量', 'inlet flow'), 'm³/h', [0, Math.ceil(Math.max(o.inM3h, 1) * 3)], o.inM3h, { h: Math.max(o.inM3h, 1) * 2 }, `inlet ${o.inM3h} m³/h; H above design fill rate`, [1.5, 0, 0.8]));
  b.tag(t, pv('FI-02', 'flow', txt('出料流量', 'outlet flow'), 'm³/h', [0, Math.ceil(Math.max(o.outM3h, 1) * 3)], o.outM3h, { h: Math.max(o.outM3h, 1) * 2 }, `outlet ${o.outM3h} m³/h; H above design draw-off`, [-1.5, 0, 0.8]));
  b.tag(t, pv('ZI-01', 'valve_position', txt('进料切断阀位置', 'inlet shut-off valve position'), '%', [0, 100], 100, { l: 95 }, 'emergency shut-off valve normally open; L = travelling or closed', [1.5, 0.5, 0.6]));
  b.tag(t, pv('ZI-02', 'valve_position', txt('出料切断阀位置', 'outlet shut-off valve position'), '%', [0, 100], 100, { l: 95 }, 'emergency shut-off valve normally open; L = travelling or closed', [-1.5, 0.5, 0.6]));
}

/**
 * An instrument that belongs to a building rather than to equipment (room temperature,
 * ventilation, oxygen); id `<building>.<code>`, or `code` itself when it starts with `G`
 * (detectors are named `GO-<building>-NN`).
 */
export function buildingTag(
  b: PlantBuilder,
  bld: Building,
  spec: Omit<TagSpec, 'normal' | 'at'> & { at: Vec3; group?: string },
): void {
  const [x, y, z] = bld.position;
  b.rawTag({
    id: spec.code.startsWith('G') ? spec.code : `${bld.id}.${spec.code}`,
    name: { zh: `${bld.name.zh} ${spec.label.zh}`, en: `${bld.name.en} ${spec.label.en}` },
    area: bld.area,
    kind: spec.kind,
    unit: spec.unit,
    range: { lo: spec.range[0], hi: spec.range[1] },
    position: [x + spec.at[0], y + spec.at[1], z + spec.at[2]],
    periodMs: spec.periodMs ?? 1000,
    ...(spec.chemical !== undefined ? { chemical: spec.chemical } : {}),
    ...(spec.group !== undefined ? { group: spec.group } : {}),
    limits: { ...spec.limits, source: spec.source },
  });
}

/** Oxygen-deficiency detectors inside an enclosed building, at breathing height (GO-<building>-NN). */
export function oxygenDetectors(b: PlantBuilder, std: Standards, bld: Building, offsets: [number, number][]): void {
  const o = std.setpoints.oxygen;
  offsets.forEach(([dx, dy], i) => {
    const nn = String(i + 1).padStart(2, '0');
    buildingTag(b, bld, {
      code: `GO-${bld.id}-${nn}`,
      kind: 'oxygen',
      label: txt(`氧含量检测器 ${nn}`, `oxygen detector ${nn}`),
      unit: '%vol',
      range: [0, o.rangePctVol.value],
      limits: { h: o.highPctVol.value, l: o.lowPctVol.value },
      source: `${o.lowPctVol.source}; ${o.highPctVol.source}`,
      at: [dx, dy, 1.5],
    });
  });
}
