import { describe, expect, it } from 'vitest';
import { Quality } from '../../shared/plant/band';
import type { SampleBatch } from '../sim/types';
import { testPlant } from '../testing/testPlant';
import { BandTracker } from './BandTracker';

function batch(samples: [number, number, number?][]): SampleBatch {
  return {
    count: samples.length,
    ids: Uint32Array.from(samples.map((s) => s[0])),
    values: Float64Array.from(samples.map((s) => s[1])),
    times: new Float64Array(samples.length),
    quality: Uint8Array.from(samples.map((s) => s[2] ?? Quality.Good)),
  };
}

describe('BandTracker', () => {
  const { plant } = testPlant(); // limits h 25, hh 50 on a 0..100 range: hysteresis 1
  it('reports changes with hysteresis of 1 % of range', () => {
    const t = new BandTracker(plant.tags);
    expect(t.update(batch([[0, 24.9]]))).toEqual([]);
    expect(t.update(batch([[0, 25]]))).toEqual([{ index: 0, tag: 'A.T1', from: 'normal', to: 'h', value: 25 }]);
    expect(t.update(batch([[0, 24.5]]))).toEqual([]); // inside hysteresis
    expect(t.update(batch([[0, 23.9]])).map((c) => c.to)).toEqual(['normal']);
    expect(t.update(batch([[0, 55]])).map((c) => c.to)).toEqual(['hh']);
    expect(t.update(batch([[0, NaN, Quality.Offline]]))).toEqual([{ index: 0, tag: 'A.T1', from: 'hh', to: 'bad', value: null }]);
  });

  it('starts from known bands so a restart does not repeat them', () => {
    const t = new BandTracker(plant.tags, { 'A.T1': 'h' });
    expect(t.band(0)).toBe('h');
    expect(t.update(batch([[0, 30]]))).toEqual([]);
  });

  it('ignores indices outside the plant', () => {
    expect(new BandTracker(plant.tags).update(batch([[999, 99]]))).toEqual([]);
  });
});
