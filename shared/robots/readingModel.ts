/**
 * What a robot's sensors see at a checkpoint, by equipment kind (docs/robots.md §Readings).
 * Simulation model numbers, not standards: they set the normal readings well below the limits
 * of robots.json so that a quiet plant yields no findings, and a hot spot or a leak does.
 */

/**
 * Share of the process temperature (above ambient) the outer surface shows. Bare equipment
 * (pump bearing housings, compressor discharge pipes, uninsulated tanks, spheres and arms) shows
 * it all; insulated equipment (reactors, columns, vessels, exchangers, boilers, the steam header)
 * shows a tenth: GB 50264-2013 insulation keeps the jacket near ambient (≤ 50 °C, or ambient +
 * 25 K above 27 °C ambient). Unlisted kinds count as bare.
 */
const SURFACE_SHARE: Readonly<Record<string, number>> = {
  reactor: 0.1,
  column: 0.1,
  vessel: 0.1,
  exchanger: 0.1,
  boiler: 0.1,
  pipe_rack: 0.1,
};

/** Surface above ambient, K, for equipment without a temperature tag (running motors and drives warm the casing). */
const AMBIENT_OFFSET_K: Readonly<Record<string, number>> = {
  pump: 25,
  compressor: 35,
  reactor: 8,
  charging_station: 5,
  cooling_tower: 2,
  boiler: 20,
};

/**
 * Normal surface temperature, °C: from the equipment's temperature tag when it has a good
 * value (`processC`), else ambient plus the kind's offset.
 */
export function surfaceTemperature(kind: string, processC: number | null, ambientC: number): number {
  if (processC !== null && Number.isFinite(processC)) return ambientC + (SURFACE_SHARE[kind] ?? 1) * (processC - ambientC);
  return ambientC + (AMBIENT_OFFSET_K[kind] ?? 0);
}

/**
 * A-weighted sound level at a checkpoint facing equipment of this kind, dB(A), from the road
 * 15–50 m away: machines are heard over the plant's background (~60 dB(A)).
 */
const NOISE_DBA: Readonly<Record<string, number>> = {
  pump: 76,
  compressor: 80,
  reactor: 70,
  boiler: 78,
  cooling_tower: 77,
  column: 66,
  exchanger: 64,
  flare: 75,
};
export const BACKGROUND_DBA = 60;
/** Half-width of the uniform scatter added to noise readings, dB. */
export const NOISE_SCATTER_DB = 1;

export function noiseLevel(kind: string): number {
  return NOISE_DBA[kind] ?? BACKGROUND_DBA;
}

/** Gas detectors within this distance of the robot are what its gas reading follows, m. */
export const GAS_RADIUS_M = 30;
