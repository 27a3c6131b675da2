import type { AlarmRecord } from '../../shared/alarm/model';
import type { OpenFacts } from '../../shared/incident/classifyIncident';
import { estimateReleaseRate, orificeRateKgS, type DetectorReading } from '../../shared/incident/incidentRate';
import type { IncidentType, ReleaseSource } from '../../shared/incident/model';
import type { Equipment, Plant, Tag } from '../../shared/plant/schema';
import type { LocalText, Vec3 } from '../../shared/plant/primitives';
import { mgM3ToUnit, parseGasUnit } from '../../shared/plume/gasUnits';
import { insolationAt, stabilityClass } from '../../shared/plume/stability';

/** Wind used when the plant has no met tags or they read nothing, m/s and degrees (from). */
const DEFAULT_WIND = { speed: 2, fromDeg: 0 };

/** What the service needs to read from the plant and the live values. */
export interface AlarmContext {
  plant: Plant;
  tagIndex: ReadonlyMap<string, number>;
  equipment: ReadonlyMap<string, Equipment>;
  /** Latest good value of a tag by index, or null (bad, offline, never sampled). */
  latestValue(tag: number): number | null;
  /** Plant-local hour of day (for the stability class). */
  localHour(at: number): number;
}

/** The detector tags of a voting group, or the interlock's trigger tag, behind an alarm. */
function tagsBehind(ctx: AlarmContext, a: AlarmRecord): Tag[] {
  if (a.kind === 'TRIP') {
    const il = ctx.plant.interlocks?.find((i) => i.id === a.source);
    const t = il ? ctx.plant.tags[ctx.tagIndex.get(il.trigger.tag) ?? -1] : undefined;
    return t ? [t] : [];
  }
  return ctx.plant.tags.filter((t) => t.group === a.source || t.id === a.source);
}

export function openFacts(ctx: AlarmContext, a: AlarmRecord): OpenFacts & { chemical: string | null } {
  const tags = tagsBehind(ctx, a);
  const eq = a.equipment !== null ? ctx.equipment.get(a.equipment) : undefined;
  const chemical = tags.find((t) => t.chemical !== undefined)?.chemical ?? eq?.chemical ?? null;
  const chem = chemical !== null ? ctx.plant.chemicals.find((c) => c.id === chemical) : undefined;
  return { alarmKind: a.kind, chemicalHazards: chem?.hazards ?? [], tagKind: tags[0]?.kind ?? null, chemical };
}

/** The equipment's release point nearest the alarm (a leak is at a seal or flange), else the alarm's position. */
function releasePoint(eq: Equipment | undefined, at: Vec3): Vec3 {
  let best: Vec3 = at;
  let d = Infinity;
  for (const p of eq?.releaseSources ?? []) {
    const dd = Math.hypot(p[0] - at[0], p[1] - at[1], p[2] - at[2]);
    if (dd < d) {
      d = dd;
      best = p;
    }
  }
  return best;
}

function wind(ctx: AlarmContext): { speed: number; fromDeg: number } {
  let speed: number | null = null;
  let fromDeg: number | null = null;
  ctx.plant.tags.forEach((t, i) => {
    if (speed === null && t.kind === 'wind_speed') speed = ctx.latestValue(i);
    if (fromDeg === null && t.kind === 'wind_direction') fromDeg = ctx.latestValue(i);
  });
  return { speed: speed ?? DEFAULT_WIND.speed, fromDeg: fromDeg ?? DEFAULT_WIND.fromDeg };
}

/**
 * The release an alarm points at: the equipment's nearest release point, its chemical, and for a
 * confirmed gas group an estimated rate (docs/incidents.md §Release rate): back-calculated from
 * the group's readings (estimateReleaseRate), floored by the gas-phase discharge through a 10 mm
 * hole at the equipment's design pressure (orificeRateKgS) when it has one — detectors saturate
 * at their range, and then the back-calculation is only a lower bound. A trip has no rate (no
 * release is known yet): null until the commander enters one. `method` says how it was made.
 */
export function sourceFromAlarm(ctx: AlarmContext, a: AlarmRecord, chemical: string | null, now: number): { source: ReleaseSource; method: string } {
  const eq = a.equipment !== null ? ctx.equipment.get(a.equipment) : undefined;
  const position = releasePoint(eq, a.position);
  let rateKgS: number | null = null;
  const methods: string[] = [];
  const chem = chemical !== null ? ctx.plant.chemicals.find((c) => c.id === chemical) : undefined;
  if (a.kind === 'CONFIRMED' && chem) {
    const readings: DetectorReading[] = [];
    let saturated = false;
    for (const t of tagsBehind(ctx, a)) {
      const v = ctx.latestValue(ctx.tagIndex.get(t.id) ?? -1);
      const unit = parseGasUnit(t.unit);
      const f = unit ? mgM3ToUnit(1, unit, chem.molarMass, chem.lelPctVol) : null;
      if (v === null || f === null || !(f > 0)) continue;
      readings.push({ position: t.position, mgM3: v / f });
      if (v >= t.range.hi * 0.99) saturated = true;
    }
    const w = wind(ctx);
    const fromReadings = estimateReleaseRate({ source: position, readings, windSpeedMs: w.speed, windFromDeg: w.fromDeg, stability: stabilityClass(w.speed, insolationAt(ctx.localHour(now))) });
    if (fromReadings !== null) methods.push(`readings ${fromReadings} kg/s${saturated ? ' (saturated: lower bound)' : ''}`);
    const pressure = eq?.design['pressureBarg'] ?? eq?.design['dischargeBarg'];
    const orifice = pressure !== undefined ? orificeRateKgS({ pressureBarg: pressure, molarMass: chem.molarMass, temperatureC: eq?.design['temperatureC'] }) : null;
    if (orifice !== null) methods.push(`10 mm hole at ${pressure} barg ${orifice} kg/s`);
    rateKgS = fromReadings === null ? orifice : orifice === null ? fromReadings : Math.max(fromReadings, orifice);
  }
  const source: ReleaseSource = { position, chemical: chem ? chem.id : null, rateKgS, rateEstimated: rateKgS !== null, heightM: Math.max(0, Math.min(500, position[2])), equipment: eq ? eq.id : null };
  return { source, method: methods.length > 0 ? methods.join('; ') : 'no estimate' };
}

const typeText: Record<IncidentType, LocalText> = {
  toxic_release: { zh: '有毒气体泄漏', en: 'Toxic release' },
  flammable_release: { zh: '可燃物泄漏', en: 'Flammable release' },
  fire: { zh: '火灾', en: 'Fire' },
  explosion: { zh: '爆炸', en: 'Explosion' },
  equipment_failure: { zh: '设备故障', en: 'Equipment failure' },
  control_system_failure: { zh: '控制系统失效', en: 'Control-system failure' },
  injury: { zh: '人员伤害', en: 'Injury' },
};

export function incidentTypeText(t: IncidentType): LocalText {
  return typeText[t];
}

/** "Chlorine toxic release at V-1 (GRP-V-1-A confirmed)". */
export function titleFor(ctx: AlarmContext, type: IncidentType, a: AlarmRecord, chemical: string | null): LocalText {
  const chem = chemical !== null ? ctx.plant.chemicals.find((c) => c.id === chemical) : undefined;
  const where = a.equipment ?? a.area;
  const t = typeText[type];
  return {
    zh: `${where} ${chem ? chem.name.zh : ''}${t.zh}（${a.source} ${a.kind === 'TRIP' ? '联锁动作' : '确认报警'}）`,
    en: `${chem ? `${chem.name.en}: ` : ''}${t.en} at ${where} (${a.source} ${a.kind === 'TRIP' ? 'trip' : 'confirmed'})`,
  };
}
