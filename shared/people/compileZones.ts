import type { PlantIssue } from '../plant/issues';
import type { Plant } from '../plant/schema';
import { areaShape, compileShape, insideShape, type CompiledShape } from './geometry';
import type { Authorisation, PeopleZones } from './zones';

/** A restricted zone or confined space ready for evaluation. Zone indices follow `restricted` then `confined`. */
export interface CompiledZone {
  id: string;
  kind: 'restricted' | 'confined';
  name: { zh: string; en: string };
  shape: CompiledShape;
  authorised: Authorisation;
  /** Confined spaces: more inside than this alarms; restricted zones: Infinity. */
  maxOccupants: number;
  /** Index of the area the zone's centre lies in (for alarms and journal events), or -1. */
  area: number;
  /** Centre of the bounding box at grade, for alarm positions. */
  centre: [number, number, number];
}

/** Thresholds of the checks, per area where they vary (typed arrays indexed like `plant.areas`). */
export interface PeopleRules {
  stillS: number;
  stillM: number;
  manDownExempt: Uint8Array;
  signalLostS: number;
  lowBatteryPct: number;
  lowBatteryClearPct: number;
  crowdRadiusM: number;
  crowdMinDurationS: number;
  /** 0 = the area is not watched for crowding. */
  crowdMinPeople: Int32Array;
  loneAreas: Uint8Array;
  /** Per zone: lone working is checked inside it. */
  loneZones: Uint8Array;
  buddyRadiusM: number;
  maxAloneS: number;
}

export interface PeopleGeometry {
  extent: [number, number];
  areaIds: string[];
  areas: CompiledShape[];
  zones: CompiledZone[];
  rules: PeopleRules;
}

/** Defaults for a plant without `people-zones.json`: no zones, the guidance thresholds (docs/people.md). */
export const defaultPeopleZones: PeopleZones = {
  restricted: [],
  confined: [],
  crowding: { radiusM: 15, minDurationS: 60, defaultMinPeople: 10, byArea: {}, areas: '*', source: 'MEM 2023 guide on crowding risk from personnel positioning (半径不超过 15 米, 持续大于 1 分钟); threshold: design' },
  manDown: { stillS: 50, stillM: 1, exemptAreas: [], source: 'design: raised within 60 s of a fall (issue 4)' },
  loneWorker: { areas: [], buddyRadiusM: 30, maxAloneS: 600, source: 'design' },
  badges: { signalLostS: 30, lowBatteryPct: 20, lowBatteryClearPct: 25, maxFixesPerS: 10, source: 'design' },
  occupancyJournalS: 10,
  reminderDays: 30,
};

export function compilePeopleGeometry(plant: Plant, zones: PeopleZones): PeopleGeometry {
  const areaIds = plant.areas.map((a) => a.id);
  const areaIndex = new Map(areaIds.map((id, i) => [id, i] as const));
  const areas = plant.areas.map(areaShape);
  const areaAt = (x: number, y: number): number => areas.findIndex((s) => insideShape(s, x, y, 0));
  const out: CompiledZone[] = [];
  const add = (kind: CompiledZone['kind'], z: PeopleZones['restricted'][number], maxOccupants: number): void => {
    const shape = compileShape(plant, z.shape);
    if (!shape) throw new Error(`people-zones.json: zone ${z.id} names something the plant lacks`);
    const cx = (shape.minX + shape.maxX) / 2;
    const cy = (shape.minY + shape.maxY) / 2;
    const area = z.shape.type === 'area' ? (areaIndex.get(z.shape.area) ?? -1) : areaAt(cx, cy);
    out.push({ id: z.id, kind, name: z.name, shape, authorised: z.authorised, maxOccupants, area, centre: [cx, cy, Number.isFinite(shape.zMin) ? Math.max(0, shape.zMin) : 0] });
  };
  for (const z of zones.restricted) add('restricted', z, Infinity);
  for (const z of zones.confined) add('confined', z, z.maxOccupants);

  const flags = (ids: readonly string[]): Uint8Array => {
    const f = new Uint8Array(areaIds.length);
    for (const id of ids) {
      const i = areaIndex.get(id);
      if (i !== undefined) f[i] = 1;
    }
    return f;
  };
  const crowd = zones.crowding;
  const crowdMinPeople = new Int32Array(areaIds.length);
  areaIds.forEach((id, i) => {
    if (crowd.areas === '*' || crowd.areas.includes(id)) crowdMinPeople[i] = crowd.byArea[id] ?? crowd.defaultMinPeople;
  });
  const loneZones = new Uint8Array(out.length);
  out.forEach((z, k) => (loneZones[k] = zones.loneWorker.areas.includes(z.id) ? 1 : 0));
  return {
    extent: [plant.meta.extent[0], plant.meta.extent[1]],
    areaIds,
    areas,
    zones: out,
    rules: {
      stillS: zones.manDown.stillS,
      stillM: zones.manDown.stillM,
      manDownExempt: flags(zones.manDown.exemptAreas),
      signalLostS: zones.badges.signalLostS,
      lowBatteryPct: zones.badges.lowBatteryPct,
      lowBatteryClearPct: zones.badges.lowBatteryClearPct,
      crowdRadiusM: crowd.radiusM,
      crowdMinDurationS: crowd.minDurationS,
      crowdMinPeople,
      loneAreas: flags(zones.loneWorker.areas),
      loneZones,
      buddyRadiusM: zones.loneWorker.buddyRadiusM,
      maxAloneS: zones.loneWorker.maxAloneS,
    },
  };
}

/** References from `people-zones.json` to the plant: areas, buildings, equipment; zone ids unique. */
export function checkPeopleZones(plant: Plant, zones: PeopleZones): PlantIssue[] {
  const file = 'people-zones.json';
  const issues: PlantIssue[] = [];
  const areas = new Set(plant.areas.map((a) => a.id));
  const seen = new Set<string>();
  const zoneIds = new Set([...zones.restricted, ...zones.confined].map((z) => z.id));
  const check = (list: 'restricted' | 'confined', z: PeopleZones['restricted'][number], i: number): void => {
    if (seen.has(z.id)) issues.push({ file, path: `${list}[${i}].id`, message: `duplicate zone id "${z.id}"` });
    seen.add(z.id);
    if (!compileShape(plant, z.shape)) {
      const s = z.shape;
      const what = s.type === 'area' ? `area "${s.area}"` : s.type === 'building' ? `building "${s.building}"` : s.type === 'equipment' ? `equipment "${s.equipment}"` : 'shape';
      issues.push({ file, path: `${list}[${i}].shape`, message: `unknown ${what}` });
    }
  };
  zones.restricted.forEach((z, i) => check('restricted', z, i));
  zones.confined.forEach((z, i) => check('confined', z, i));
  const areaRef = (path: string, id: string, orZone = false): void => {
    if (!areas.has(id) && !(orZone && zoneIds.has(id))) issues.push({ file, path, message: `unknown ${orZone ? 'area or zone' : 'area'} "${id}"` });
  };
  if (zones.crowding.areas !== '*') zones.crowding.areas.forEach((a, i) => areaRef(`crowding.areas[${i}]`, a));
  for (const a of Object.keys(zones.crowding.byArea)) areaRef(`crowding.byArea.${a}`, a);
  zones.manDown.exemptAreas.forEach((a, i) => areaRef(`manDown.exemptAreas[${i}]`, a));
  zones.loneWorker.areas.forEach((a, i) => areaRef(`loneWorker.areas[${i}]`, a, true));
  return issues;
}
