import { describe, expect, it } from 'vitest';
import { classifyBand, Quality } from './band';
import type { Limits } from './schema';
import { createRng } from '../util/rng';
import { BandCode, BandLimits, bandNames as names } from './bandLimits';

describe('BandLimits.classify', () => {
  it('gives the same band as classifyBand for every limit set, value, quality and previous band', () => {
    const sets: Limits[] = [{}, { h: 80 }, { hh: 90, h: 80 }, { l: 20 }, { ll: 10, l: 20 }, { hh: 90, h: 80, l: 20, ll: 10 }, { hh: 90, ll: 10 }].map((x) => ({ source: 'test', ...x }));
    const limits = new BandLimits(sets, Float64Array.from(sets, (_, i) => i * 0.7));
    const rng = createRng(7);
    const rand = (): number => rng.next();
    let checked = 0;
    for (let k = 0; k < 20_000; k++) {
      const i = k % sets.length;
      const value = k % 997 === 0 ? NaN : [80, 90, 20, 10][k % 4]! + (rand() - 0.5) * 8 * (k % 3);
      const quality = [Quality.Good, Quality.Uncertain, Quality.Bad, Quality.Offline][Math.floor(rand() * 4)]!;
      const prev = Math.floor(rand() * 6);
      const want = classifyBand(value, quality, sets[i]!, names[prev], limits.hysteresis[i]);
      expect(names[limits.classify(i, value, quality, prev)], `set ${i} v ${value} q ${quality} prev ${names[prev]}`).toBe(want);
      checked++;
    }
    expect(checked).toBe(20_000);
    expect(BandCode.hh).toBe(names.indexOf('hh'));
  });
});
