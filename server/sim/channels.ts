import type { TagKind } from '../../shared/plant/schema';

/**
 * Process variables a unit model computes, one slot per unit. Values are in canonical units
 * (°C, barg, %, m³/h, rpm, mm/s, m/s, degrees) when the primary tag's unit is convertible,
 * otherwise in the primary tag's own unit (see tagMapping.ts).
 */
export const Ch = {
  /** Bulk / process temperature. */
  T: 0,
  P: 1,
  L: 2,
  F: 3,
  /** Rotational speed (agitator, pump, fan). */
  N: 4,
  V: 5,
  /** Valve position. */
  X: 6,
  /** Secondary temperature: reactor jacket or coolant. */
  TJ: 7,
  WS: 8,
  WD: 9,
  AT: 10,
  RH: 11,
  /** Secondary pressure: a reactor's jacket or cooling-water side; held at design by the utility. */
  PJ: 12,
} as const;
export type Channel = (typeof Ch)[keyof typeof Ch];
export const NCH = 13;

/**
 * Equipment-level `design` keys (canonical units) read for a channel when its primary tag has
 * no design value of its own (server/plant/designKeys.ts maps tag codes to keys); first match wins.
 */
export const designKeys: Record<Channel, readonly string[]> = {
  [Ch.T]: ['temperatureC'],
  [Ch.P]: ['pressureBarg', 'dischargePressureBarg'],
  [Ch.L]: ['levelPct'],
  [Ch.F]: ['feedM3h', 'flowM3h'],
  [Ch.N]: ['agitatorRpm', 'speedRpm'],
  [Ch.V]: ['vibrationMmS'],
  [Ch.X]: ['valvePct'],
  [Ch.TJ]: [],
  [Ch.WS]: ['windSpeedMs'],
  [Ch.WD]: ['windFromDeg'],
  [Ch.AT]: ['ambientC'],
  [Ch.RH]: ['humidityPct'],
  [Ch.PJ]: [],
};

const jacketWords = /jacket|coolant|cooling water|夹套|冷却/i;

/**
 * The channel a tag reads. Met tags go to the met station wherever they stand; a reactor's
 * temperature or pressure tag whose id or name mentions its jacket or coolant reads the jacket
 * channels.
 * Gas detectors return null: the gas field drives them.
 */
export function channelOf(kind: TagKind, label: string, onReactor: boolean): Channel | null {
  switch (kind) {
    case 'temperature':
      return onReactor && jacketWords.test(label) ? Ch.TJ : Ch.T;
    case 'pressure':
      return onReactor && jacketWords.test(label) ? Ch.PJ : Ch.P;
    case 'level':
      return Ch.L;
    case 'flow':
      return Ch.F;
    case 'speed':
      return Ch.N;
    case 'vibration':
      return Ch.V;
    case 'valve_position':
      return Ch.X;
    case 'wind_speed':
      return Ch.WS;
    case 'wind_direction':
      return Ch.WD;
    case 'ambient_temperature':
      return Ch.AT;
    case 'humidity':
      return Ch.RH;
    case 'gas_combustible':
    case 'gas_toxic':
    case 'oxygen':
      return null;
  }
}
