import type { Limits } from './schema';

/** Where a value sits against its limits. Colour on the map follows this, never the raw value. */
export type Band = 'normal' | 'h' | 'hh' | 'l' | 'll' | 'bad';

/** Telemetry quality codes carried on the wire (one byte per sample). */
export const Quality = { Good: 0, Uncertain: 1, Bad: 2, Offline: 3 } as const;
export type QualityCode = (typeof Quality)[keyof typeof Quality];

/**
 * Classifies a sample. `prev` and `hysteresis` (in the value's unit) keep a value hovering at
 * a limit from flipping bands on every sample: leaving a band needs the value back inside by
 * the hysteresis.
 */
export function classifyBand(value: number, quality: number, limits: Limits, prev: Band = 'normal', hysteresis = 0): Band {
  if (quality >= Quality.Bad || !Number.isFinite(value)) return 'bad';
  const hyst = (band: Band): number => (prev === band ? hysteresis : 0);
  if (limits.hh !== undefined && value >= limits.hh - hyst('hh')) return 'hh';
  if (limits.h !== undefined && value >= limits.h - (prev === 'h' || prev === 'hh' ? hysteresis : 0)) return 'h';
  if (limits.ll !== undefined && value <= limits.ll + hyst('ll')) return 'll';
  if (limits.l !== undefined && value <= limits.l + (prev === 'l' || prev === 'll' ? hysteresis : 0)) return 'l';
  return 'normal';
}

/** Numeric code of a band, for typed arrays: 0 normal, 1 l/h, 2 ll/hh, 3 bad. */
export function bandSeverity(b: Band): 0 | 1 | 2 | 3 {
  switch (b) {
    case 'normal':
      return 0;
    case 'h':
    case 'l':
      return 1;
    case 'hh':
    case 'll':
      return 2;
    case 'bad':
      return 3;
  }
}
