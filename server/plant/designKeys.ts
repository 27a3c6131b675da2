import type { Equipment, Plant, Tag } from '../../shared/plant/schema';

type EquipmentKind = Equipment['kind'];

/**
 * Which `equipment.design` key holds the normal operating value of an instrument, by equipment
 * kind and the instrument code (the part of the tag id after `<equipment>.`). The reference
 * generator refuses a tag whose code is missing here, so every equipment tag of the reference
 * plant has a normal value the simulator can start from. docs/plant-model.md lists the same table.
 */
export const DESIGN_KEYS: Partial<Record<EquipmentKind, Readonly<Record<string, string>>>> = {
  reactor: {
    'TI-01': 'temperatureC',
    'TI-02': 'temperatureC',
    'TI-03': 'jacketInC',
    'TI-04': 'jacketOutC',
    'PI-01': 'pressureBarg',
    'PI-02': 'jacketPressureBarg',
    'LI-01': 'levelPct',
    'FI-01': 'feedM3h',
    'FI-02': 'coolantM3h',
    'FI-03': 'nitrogenNm3h',
    'SI-01': 'agitatorRpm',
    'ZI-01': 'feedValvePct',
    'ZI-02': 'coolantValvePct',
    'VI-01': 'agitatorVibrationMmS',
  },
  tank: {
    'LI-01': 'levelPct',
    'LI-02': 'levelPct',
    'TI-01': 'temperatureC',
    'PI-01': 'pressureBarg',
    'FI-01': 'inM3h',
    'FI-02': 'outM3h',
    'ZI-01': 'inValvePct',
    'ZI-02': 'outValvePct',
  },
  sphere: {
    'LI-01': 'levelPct',
    'LI-02': 'levelPct',
    'TI-01': 'temperatureC',
    'PI-01': 'pressureBarg',
    'FI-01': 'inM3h',
    'FI-02': 'outM3h',
    'ZI-01': 'inValvePct',
    'ZI-02': 'outValvePct',
  },
  pump: { 'PI-01': 'dischargeBarg', 'FI-01': 'flowM3h', 'TI-01': 'bearingC', 'VI-01': 'vibrationMmS', 'SI-01': 'speedRpm' },
  compressor: {
    'PI-01': 'dischargeBarg',
    'PI-02': 'suctionBarg',
    'TI-01': 'dischargeC',
    'FI-01': 'flowNm3h',
    'VI-01': 'vibrationMmS',
    'SI-01': 'speedRpm',
  },
  exchanger: { 'TI-01': 'processOutC', 'TI-02': 'coolantOutC', 'PI-01': 'pressureBarg', 'FI-01': 'coolantM3h' },
  vessel: { 'LI-01': 'levelPct', 'PI-01': 'pressureBarg', 'TI-01': 'temperatureC', 'FI-01': 'flowM3h' },
  column: {
    'TI-01': 'topC',
    'TI-02': 'middleC',
    'TI-03': 'bottomC',
    'PI-01': 'pressureBarg',
    'PI-02': 'dpKpa',
    'LI-01': 'levelPct',
    'FI-01': 'feedM3h',
    'FI-02': 'refluxM3h',
    'FI-03': 'steamTh',
  },
  boiler: {
    'PI-01': 'steamBarg',
    'TI-01': 'steamC',
    'FI-01': 'steamTh',
    'LI-01': 'drumLevelPct',
    'TI-02': 'flueC',
    'FI-02': 'fuelNm3h',
    'PI-02': 'fuelBarg',
    'FI-03': 'feedwaterTh',
  },
  cooling_tower: {
    'LI-01': 'basinLevelPct',
    'TI-01': 'supplyC',
    'TI-02': 'returnC',
    'FI-01': 'flowM3h',
    'SI-01': 'fanRpm',
    'VI-01': 'fanVibrationMmS',
  },
  loading_arm: { 'FI-01': 'flowM3h', 'PI-01': 'pressureBarg', 'TI-01': 'temperatureC', 'ZI-01': 'valvePct' },
  pipe_rack: {
    'PI-01': 'steamBarg',
    'TI-01': 'steamC',
    'FI-01': 'steamTh',
    'PI-02': 'nitrogenBarg',
    'PI-03': 'airBarg',
    'FI-02': 'coolingWaterM3h',
    'TI-02': 'coolingWaterC',
  },
  flare: { 'FI-01': 'flowKgH', 'TI-01': 'pilotC', 'TI-02': 'pilotC', 'TI-03': 'pilotC' },
  charging_station: { 'LI-01': 'hopperLevelPct', 'FI-01': 'chargeKgH', 'PI-01': 'nitrogenBarg' },
  met_mast: { 'WS-01': 'windSpeedMs', 'WD-01': 'windFromDeg', 'TT-01': 'ambientC', 'HM-01': 'humidityPct' },
};

/** The design key of an equipment tag (`undefined` for detectors and tags without one). */
export function designKeyOf(kind: EquipmentKind, tagId: string, equipmentId: string): string | undefined {
  if (!tagId.startsWith(`${equipmentId}.`)) return undefined;
  return DESIGN_KEYS[kind]?.[tagId.slice(equipmentId.length + 1)];
}

/** Clean-air reading of an oxygen detector, %vol. */
export const AIR_OXYGEN_PCT = 20.9;

/**
 * Normal operating value of a tag: zero for gas detectors, 20.9 %vol for oxygen, its
 * equipment's design value when there is one, otherwise the middle of the band between its low
 * and high alarms (or of its range where it has none).
 */
export function nominalValue(plant: Pick<Plant, 'equipment'>, tag: Tag): number {
  if (tag.kind === 'gas_combustible' || tag.kind === 'gas_toxic') return Math.max(0, tag.range.lo);
  if (tag.kind === 'oxygen') return AIR_OXYGEN_PCT;
  const eq = tag.equipment !== undefined ? plant.equipment.find((e) => e.id === tag.equipment) : undefined;
  if (eq) {
    const key = designKeyOf(eq.kind, tag.id, eq.id);
    const v = key !== undefined ? eq.design[key] : undefined;
    if (v !== undefined) return v;
  }
  const lo = tag.limits.l ?? tag.range.lo;
  const hi = tag.limits.h ?? tag.range.hi;
  return (lo + hi) / 2;
}
