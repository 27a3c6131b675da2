import { Quality } from '../../../shared/plant/band';
import { BandCode } from '../stores/tagStore';

/**
 * How a sensor marker looks, ISA-101 style: grey and small while normal so that the plant reads
 * calm; colour only when something needs attention, and then also a bigger marker, so colour is
 * never the only cue. Stale or offline values are hatched (the marker is drawn with holes) and
 * dim: a value nobody can vouch for must not look normal.
 */
export const Look = { Normal: 0, Warning: 1, Alarm: 2, Bad: 3, Stale: 4 } as const;
export type LookCode = (typeof Look)[keyof typeof Look];

export interface LookStyle {
  /** sRGB hex. */
  color: number;
  /** Multiplier on the marker's base size. */
  scale: number;
  /** Drawn hatched (see SensorLayer's shader patch). */
  hatched: boolean;
  /** How far the marker rises above its anchor, in base marker sizes: abnormal ones stand out of a cluster. */
  raise: number;
}

/** One entry per LookCode, in code order. Colours: DOMAIN.md §2 (reserved alarm colours). */
export const lookStyles: readonly LookStyle[] = [
  { color: 0x4a4f55, scale: 1, hatched: false, raise: 0 },
  { color: 0xf2a007, scale: 1.7, hatched: false, raise: 1.2 },
  { color: 0xe3170a, scale: 2.1, hatched: false, raise: 1.6 },
  { color: 0xd21fd2, scale: 1.8, hatched: false, raise: 1.2 },
  { color: 0xe6e6e6, scale: 0.9, hatched: true, raise: 0 },
];

/**
 * The look of one tag. Order of precedence: no trustworthy value (stale, or offline quality)
 * first, then bad quality, then the alarm band.
 */
export function lookOf(band: number, quality: number, stale: boolean): LookCode {
  if (stale || quality === Quality.Offline) return Look.Stale;
  if (quality === Quality.Bad || band === BandCode.bad) return Look.Bad;
  if (band === BandCode.hh || band === BandCode.ll) return Look.Alarm;
  if (band === BandCode.h || band === BandCode.l) return Look.Warning;
  return Look.Normal;
}
