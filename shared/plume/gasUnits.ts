/**
 * Gas concentration conversions. ppm = mg/m³ × 24.45 / MW uses the molar volume of an ideal
 * gas at 25 °C and 1 atm (24.45 L/mol), as ALOHA and occupational limits do (DOMAIN.md §5).
 */
export const molarVolumeL = 24.45;

export function mgM3ToPpm(mgM3: number, molarMass: number): number {
  return (mgM3 * molarVolumeL) / molarMass;
}

export function ppmToMgM3(ppm: number, molarMass: number): number {
  return (ppm * molarMass) / molarVolumeL;
}

/** 1 %vol = 10,000 ppm. */
export function ppmToPctVol(ppm: number): number {
  return ppm / 1e4;
}

/** %LEL of a concentration given in %vol, for a gas whose lower explosive limit is `lelPctVol`. */
export function pctVolToPctLel(pctVol: number, lelPctVol: number): number {
  return (pctVol / lelPctVol) * 100;
}

/** Units a gas detector may report in. */
export type GasUnit = 'mg/m3' | 'ppm' | 'ppb' | '%vol' | '%LEL';

/** Recognises the spellings used in tag lists ("mg/m³", "% LEL", "%VOL", "vol%"…); null if unknown. */
export function parseGasUnit(unit: string): GasUnit | null {
  const u = unit.replace(/\s+/g, '').toLowerCase().replace('³', '3');
  if (u === 'mg/m3') return 'mg/m3';
  if (u === 'ppm') return 'ppm';
  if (u === 'ppb') return 'ppb';
  if (u === '%lel' || u === 'lel%' || u === '%lfl') return '%LEL';
  if (u === '%vol' || u === 'vol%' || u === '%v/v' || u === '%') return '%vol';
  return null;
}

/**
 * Converts mg/m³ of a chemical to a detector's unit. Returns null when the unit needs a
 * property the chemical lacks (%LEL without an LEL).
 */
export function mgM3ToUnit(mgM3: number, unit: GasUnit, molarMass: number, lelPctVol?: number): number | null {
  switch (unit) {
    case 'mg/m3':
      return mgM3;
    case 'ppm':
      return mgM3ToPpm(mgM3, molarMass);
    case 'ppb':
      return mgM3ToPpm(mgM3, molarMass) * 1000;
    case '%vol':
      return ppmToPctVol(mgM3ToPpm(mgM3, molarMass));
    case '%LEL':
      return lelPctVol === undefined ? null : pctVolToPctLel(ppmToPctVol(mgM3ToPpm(mgM3, molarMass)), lelPctVol);
  }
}
