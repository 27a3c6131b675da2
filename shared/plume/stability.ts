/**
 * Pasquill–Gifford atmospheric stability classes from the wind speed at 10 m and the
 * insolation (day) or cloud cover (night), as tabulated by NOAA READY (DOMAIN.md §5).
 * Where the table gives two classes ("A–B") we return the more stable one, which gives the
 * higher concentrations downwind: the conservative choice for emergency response.
 */

export type StabilityClass = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export const stabilityClasses: readonly StabilityClass[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * Day: strength of incoming solar radiation. Night: cloud cover, `night_cloudy` meaning more
 * than 4/8 low cloud and `night_clear` 3/8 or less. `overcast` (day or night, and the hour
 * around sunrise and sunset) is neutral (D) whatever the wind.
 */
export type Insolation = 'strong' | 'moderate' | 'slight' | 'night_cloudy' | 'night_clear' | 'overcast';

// Rows: wind bands <2, 2–3, 3–5, 5–6, >6 m/s. Columns follow `columns`.
const columns: readonly Exclude<Insolation, 'overcast'>[] = ['strong', 'moderate', 'slight', 'night_cloudy', 'night_clear'];
const table: readonly (readonly StabilityClass[])[] = [
  ['A', 'B', 'B', 'E', 'F'], // < 2   (A–B → B)
  ['B', 'B', 'C', 'E', 'F'], // 2–3   (A–B → B)
  ['B', 'C', 'C', 'D', 'E'], // 3–5   (B–C → C)
  ['C', 'D', 'D', 'D', 'D'], // 5–6   (C–D → D)
  ['C', 'D', 'D', 'D', 'D'], // > 6
];

function windRow(u: number): number {
  if (u < 2) return 0;
  if (u < 3) return 1;
  if (u < 5) return 2;
  if (u <= 6) return 3;
  return 4;
}

/** The Pasquill–Gifford class for a 10 m wind speed (m/s) and insolation. */
export function stabilityClass(windSpeedMs: number, insolation: Insolation): StabilityClass {
  if (insolation === 'overcast') return 'D';
  const row = table[windRow(Math.max(0, windSpeedMs))];
  const col = columns.indexOf(insolation);
  return row?.[col] ?? 'D';
}

/**
 * A deliberately simple insolation model from the local solar hour (0–24) for a site without a
 * cloud or radiation sensor: strong sun 11–13 h, moderate 9–11 and 13–15 h, slight 7–9 and
 * 15–17 h; the hour either side of sunrise (06–07) and sunset (17–19) is treated as overcast
 * (NOAA: "within ±1 h of night: D"); night is assumed cloudy (> 4/8), which gives D or E rather
 * than the rarer F. `cloudy` forces overcast (D) in daytime.
 */
export function insolationAt(localHour: number, cloudy = false): Insolation {
  const h = ((localHour % 24) + 24) % 24;
  if (h < 6 || h >= 19) return 'night_cloudy';
  if (h < 7 || h >= 17 || cloudy) return 'overcast';
  if (h >= 11 && h < 13) return 'strong';
  if (h >= 9 && h < 15) return 'moderate';
  return 'slight';
}
