import { describe, expect, it } from 'vitest';
import { Quality } from '../../../shared/plant/band';
import { BandCode } from '../stores/tagStore';
import { Look, lookOf, lookStyles } from './sensorStyle';

describe('lookOf', () => {
  it('is normal only for a fresh good value in the normal band', () => {
    expect(lookOf(BandCode.normal, Quality.Good, false)).toBe(Look.Normal);
    expect(lookOf(BandCode.normal, Quality.Uncertain, false)).toBe(Look.Normal);
  });
  it('maps H/L to warning and HH/LL to alarm', () => {
    expect(lookOf(BandCode.h, Quality.Good, false)).toBe(Look.Warning);
    expect(lookOf(BandCode.l, Quality.Good, false)).toBe(Look.Warning);
    expect(lookOf(BandCode.hh, Quality.Good, false)).toBe(Look.Alarm);
    expect(lookOf(BandCode.ll, Quality.Good, false)).toBe(Look.Alarm);
  });
  it('shows bad quality as bad whatever the band', () => {
    expect(lookOf(BandCode.hh, Quality.Bad, false)).toBe(Look.Bad);
    expect(lookOf(BandCode.bad, Quality.Good, false)).toBe(Look.Bad);
  });
  it('shows stale and offline values as stale, never as normal or alarm', () => {
    expect(lookOf(BandCode.normal, Quality.Good, true)).toBe(Look.Stale);
    expect(lookOf(BandCode.hh, Quality.Good, true)).toBe(Look.Stale);
    expect(lookOf(BandCode.bad, Quality.Offline, false)).toBe(Look.Stale);
  });
});

describe('lookStyles', () => {
  it('gives every abnormal look a colour of its own and a marker bigger than normal', () => {
    const colours = new Set(lookStyles.map((s) => s.color));
    expect(colours.size).toBe(lookStyles.length);
    for (const code of [Look.Warning, Look.Alarm, Look.Bad]) expect(lookStyles[code]!.scale).toBeGreaterThan(lookStyles[Look.Normal]!.scale);
  });
  it('keeps normal grey (no hue) and only stale hatched', () => {
    const n = lookStyles[Look.Normal]!.color;
    const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(16);
    expect(lookStyles.filter((s) => s.hatched)).toEqual([lookStyles[Look.Stale]]);
  });
});
