import { describe, expect, it } from 'vitest';
import { Quality } from '../../../shared/plant/band';
import { BandCode, TagStore, type SampleFrame } from './tagStore';
import { testPlant } from '../testing/testPlant';

function frame(samples: [number, number, number, number][], baseTime = 1_000_000): SampleFrame {
  const n = samples.length;
  const f: SampleFrame = { count: n, ids: new Uint32Array(n), values: new Float64Array(n), baseTime, dt: new Int32Array(n), quality: new Uint8Array(n) };
  samples.forEach(([id, v, dt, q], i) => {
    f.ids[i] = id;
    f.values[i] = v;
    f.dt[i] = dt;
    f.quality[i] = q;
  });
  return f;
}

describe('TagStore', () => {
  it('starts every tag unknown: NaN, offline, stale', () => {
    const s = new TagStore();
    s.reset(testPlant().tags);
    expect(s.count).toBe(3);
    expect(Number.isNaN(s.values[0]!)).toBe(true);
    expect(s.quality[1]).toBe(Quality.Offline);
    expect(s.isStale(0, 5_000)).toBe(true);
  });

  it('applies a frame, classifies bands and reports exactly the changed indices', () => {
    const s = new TagStore();
    s.reset(testPlant().tags);
    const seen: number[][] = [];
    s.subscribe((c, n) => seen.push(Array.from(c.subarray(0, n))));
    const v0 = s.version;
    s.apply(frame([
      [0, 130, 0, Quality.Good],
      [2, 60, 10, Quality.Good],
    ]));
    expect(s.version).toBe(v0 + 1);
    expect(seen).toEqual([[0, 2]]);
    expect(s.values[0]).toBe(130);
    expect(s.times[2]).toBe(1_000_010);
    expect(s.band[0]).toBe(BandCode.h);
    expect(s.band[2]).toBe(BandCode.hh);
    expect(s.bandOf(1)).toBe('bad');
    expect(s.newestTime).toBe(1_000_010);
  });

  it('marks bad quality bad whatever the value, and low values low', () => {
    const s = new TagStore();
    s.reset(testPlant().tags);
    s.apply(frame([
      [0, 50, 0, Quality.Bad],
      [1, 0.5, 0, Quality.Good],
    ]));
    expect(s.bandOf(0)).toBe('bad');
    expect(s.bandOf(1)).toBe('normal');
    s.apply(frame([[0, 5, 1, Quality.Good]]));
    expect(s.bandOf(0)).toBe('ll');
  });

  it('keeps a band through small dips back across the limit (hysteresis)', () => {
    const s = new TagStore();
    s.reset(testPlant().tags);
    s.apply(frame([[0, 121, 0, Quality.Good]]));
    expect(s.bandOf(0)).toBe('h');
    s.apply(frame([[0, 119, 1, Quality.Good]]));
    expect(s.bandOf(0)).toBe('h');
    s.apply(frame([[0, 110, 2, Quality.Good]]));
    expect(s.bandOf(0)).toBe('normal');
  });

  it('ignores out-of-range indices and samples older than what it holds', () => {
    const s = new TagStore();
    s.reset(testPlant().tags);
    s.apply(frame([[0, 100, 50, Quality.Good]]));
    const v = s.version;
    s.apply(frame([
      [99, 1, 0, Quality.Good],
      [0, 1, 0, Quality.Good],
    ]));
    expect(s.rejected).toBe(1);
    expect(s.values[0]).toBe(100);
    expect(s.version).toBe(v);
  });

  it('is stale after three periods without a sample', () => {
    const s = new TagStore();
    s.reset(testPlant().tags);
    s.apply(frame([[2, 1, 0, Quality.Good]], 10_000));
    expect(s.isStale(2, 11_400)).toBe(false);
    expect(s.isStale(2, 11_600)).toBe(true);
  });

  it('restores saved columns only when they fit the plant', () => {
    const s = new TagStore();
    s.reset(testPlant().tags);
    expect(s.restore(new Float64Array(2), new Float64Array(2), new Uint8Array(2))).toBe(false);
    const ok = s.restore(Float64Array.of(160, 1, 2), Float64Array.of(5, 5, 5), Uint8Array.of(0, 0, 2));
    expect(ok).toBe(true);
    expect(s.bandOf(0)).toBe('hh');
    expect(s.bandOf(2)).toBe('bad');
    expect(s.indexOf('GT-201')).toBe(2);
    expect(s.indexOf('nope')).toBe(-1);
  });
});
