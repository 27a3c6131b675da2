import type { RobotSensorKind, RobotStandard } from './model';

/**
 * Comparing a robot's reading with the standards of robots.json (docs/robots.md §Standards).
 * Pure: the server's finding logic and the console's reading colours use the same rule.
 */

/** Gas units a robot reports: combustible in % of the LEL, toxic in % of the OEL. */
export const GAS_LEL = '%LEL';
export const GAS_OEL = '%OEL';

/**
 * A stable, readable name of a standard: `sensor/types/unit`, e.g. `thermal/pump/°C`,
 * `gas/*\/%LEL`. Findings carry it in `standard`; `standardById` finds it again.
 */
export function standardId(s: Pick<RobotStandard, 'sensor' | 'equipmentTypes' | 'unit'>): string {
  return `${s.sensor}/${s.equipmentTypes === '*' ? '*' : s.equipmentTypes.join('+')}/${s.unit}`;
}

export function standardById(standards: readonly RobotStandard[], id: string): RobotStandard | undefined {
  return standards.find((s) => standardId(s) === id);
}

/** The standard that applies: one naming the equipment type beats a `'*'` one; first listed wins a tie. */
export function applicableStandard(standards: readonly RobotStandard[], equipmentType: string, sensor: RobotSensorKind, unit?: string): RobotStandard | undefined {
  let wildcard: RobotStandard | undefined;
  for (const s of standards) {
    if (s.sensor !== sensor || (unit !== undefined && s.unit !== unit)) continue;
    if (s.equipmentTypes === '*') wildcard ??= s;
    else if (s.equipmentTypes.includes(equipmentType)) return s;
  }
  return wildcard;
}

export interface ReadingCheck {
  standard: RobotStandard;
  /** standardId(standard). */
  id: string;
  limit: number;
  /** At or above the limit. */
  anomaly: boolean;
  /** At or above `majorLimit` (false when the standard has none). */
  major: boolean;
}

/**
 * Checks one reading against the standards: null when none applies (nothing to compare with),
 * else whether it is an anomaly (value ≥ limit) and a major one (value ≥ majorLimit). `unit`
 * picks between standards of one sensor in different units (gas: %LEL or %OEL); without it
 * the first applicable one is used. A non-finite value is never an anomaly.
 */
export function checkReading(standards: readonly RobotStandard[], equipmentType: string, sensor: RobotSensorKind, value: number, unit?: string): ReadingCheck | null {
  const s = applicableStandard(standards, equipmentType, sensor, unit);
  if (!s) return null;
  const finite = Number.isFinite(value);
  return {
    standard: s,
    id: standardId(s),
    limit: s.limit,
    anomaly: finite && value >= s.limit,
    major: finite && s.majorLimit !== undefined && value >= s.majorLimit,
  };
}
