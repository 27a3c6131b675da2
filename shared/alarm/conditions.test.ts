import { describe, expect, it } from 'vitest';
import type { AlarmSettings } from '../plant/alarmConfig';
import { Quality } from '../plant/band';
import { Cond, ConditionChanges, ConditionEvaluator, condKinds, type EvaluatedTag } from './conditions';

const settings: AlarmSettings = {
  measurement: {
    pressure: { deadbandPct: 2, onDelayS: 15, offDelayS: 10, rocPctPerMin: 15, rocFilterS: 30, source: 'test only' },
    gas_combustible: { deadbandPct: 2, onDelayS: 3, offDelayS: 10, source: 'test only' },
  },
  defaultMeasurement: { deadbandPct: 5, onDelayS: 0, offDelayS: 0, source: 'test only' },
  priorities: { default: {}, byKind: {}, source: 'test only' },
  latching: ['CONFIRMED', 'TRIP'],
  staleAfterPeriods: 5,
  voting: { m: 2, n: 3, source: 'test only' },
  shelving: { byRole: {}, source: 'test only' },
  kpi: { floodWindowS: 600, floodEnter: 10, floodExit: 5, chatterWindowS: 60, chatterCycles: 3, staleHours: 24, source: 'test only' },
};

const pressure: EvaluatedTag = { kind: 'pressure', range: { lo: 0, hi: 10 }, limits: { hh: 8, h: 7, l: 2, ll: 1, source: 't' }, periodMs: 1000, position: [0, 0, 0] };
const level: EvaluatedTag = { kind: 'level', range: { lo: 0, hi: 100 }, limits: { h: 80, source: 't' }, periodMs: 2000, position: [0, 0, 0] };
const detector = (x: number, group = 'GRP-1'): EvaluatedTag => ({
  kind: 'gas_combustible',
  range: { lo: 0, hi: 100 },
  limits: { hh: 50, h: 25, source: 't' },
  periodMs: 1000,
  group,
  position: [x, 10, 0.5],
});

/** Without ROC, so that the step tests of the limits see only the limits. */
const noRoc: AlarmSettings = { ...settings, measurement: { ...settings.measurement, pressure: { deadbandPct: 2, onDelayS: 15, offDelayS: 10, source: 'test only' } } };

const T0 = 1_700_000_000_000;
type Sample = [tS: number, value: number, quality?: number];

/** Feeds samples of tag `i` and lists the changes as "t:KIND:on|off" (t in s from T0). */
function feed(ev: ConditionEvaluator, i: number, samples: Sample[], out = new ConditionChanges(4)): string[] {
  const seen: string[] = [];
  for (const [t, v, q] of samples) {
    out.clear();
    ev.evaluate(i, v, q ?? Quality.Good, T0 + t * 1000, out);
    seen.push(...describe_(out));
  }
  return seen;
}
function describe_(out: ConditionChanges): string[] {
  const r: string[] = [];
  for (let k = 0; k < out.count; k++) r.push(`${(out.time[k]! - T0) / 1000}:${condKinds[out.cond[k]!]}${out.cond[k] === Cond.CONFIRMED ? `#${out.source[k]}` : ''}:${out.active[k] ? 'on' : 'off'}`);
  return r;
}
const series = (from: number, to: number, v: number | ((t: number) => number)): Sample[] => {
  const s: Sample[] = [];
  for (let t = from; t <= to; t++) s.push([t, typeof v === 'number' ? v : v(t)]);
  return s;
};

describe('ConditionEvaluator: limits, deadband and delays', () => {
  it('activates H only after the on-delay, and HH alongside it', () => {
    const ev = new ConditionEvaluator([pressure], noRoc);
    expect(feed(ev, 0, [...series(0, 4, 5), ...series(5, 25, 8.5)])).toEqual(['20:HH:on', '20:H:on']);
    expect(ev.isActive(0, Cond.H)).toBe(true);
  });

  it('ignores an excursion shorter than the on-delay', () => {
    const ev = new ConditionEvaluator([pressure], noRoc);
    expect(feed(ev, 0, [...series(0, 13, 7.5), ...series(14, 40, 5)])).toEqual([]);
  });

  it('restarts the on-delay when the condition drops out inside it', () => {
    const ev = new ConditionEvaluator([pressure], noRoc);
    // 0..9 above, 10 below the deadband, 11.. above again: activates 15 s after t=11.
    expect(feed(ev, 0, [...series(0, 9, 7.5), [10, 6.0], ...series(11, 30, 7.5)])).toEqual(['26:H:on']);
  });

  it('clears only below the limit by the deadband, and only after the off-delay', () => {
    const ev = new ConditionEvaluator([pressure], noRoc);
    feed(ev, 0, series(0, 15, 7.5));
    expect(ev.isActive(0, Cond.H)).toBe(true);
    // 6.9 is inside the 0.2 deadband: still present, never clears.
    expect(feed(ev, 0, series(16, 60, 6.9))).toEqual([]);
    // 6.7 is back inside by more than the deadband: clears 10 s later.
    expect(feed(ev, 0, series(61, 80, 6.7))).toEqual(['71:H:off']);
  });

  it('keeps the alarm when the value returns inside the off-delay', () => {
    const ev = new ConditionEvaluator([pressure], noRoc);
    feed(ev, 0, series(0, 15, 7.5));
    expect(feed(ev, 0, [...series(16, 24, 6.0), ...series(25, 40, 7.5), ...series(41, 60, 6.0)])).toEqual(['51:H:off']);
  });

  it('evaluates L and LL symmetrically', () => {
    const ev = new ConditionEvaluator([pressure], noRoc);
    // 1.1 is inside LL's 0.2 deadband (held), 1.3 is out of it; 2.3 is out of L's.
    expect(feed(ev, 0, [...series(0, 15, 0.5), ...series(16, 30, 1.1), ...series(31, 50, 1.3), ...series(51, 70, 2.3)])).toEqual([
      '15:L:on',
      '15:LL:on',
      '41:LL:off',
      '61:L:off',
    ]);
  });

  it('completes a delay in the sweep when no new sample comes', () => {
    const ev = new ConditionEvaluator([level], settings);
    const out = new ConditionChanges();
    // Default row: no delay, so activation is at once; off via sweep is also at once.
    ev.evaluate(0, 90, Quality.Good, T0, out);
    expect(describe_(out)).toEqual(['0:H:on']);
    const slow = new ConditionEvaluator([{ ...pressure, periodMs: 10_000 }], noRoc);
    out.clear();
    slow.evaluate(0, 7.5, Quality.Good, T0, out);
    slow.sweepStale(T0 + 4_000, out);
    expect(out.count).toBe(0);
    slow.sweepStale(T0 + 15_000, out);
    expect(describe_(out)).toEqual(['15:H:on']);
  });

  it('ignores a sample older than the last one', () => {
    const ev = new ConditionEvaluator([pressure], noRoc);
    feed(ev, 0, series(0, 20, 7.5));
    expect(feed(ev, 0, [[5, 5]])).toEqual([]);
    expect(ev.isActive(0, Cond.H)).toBe(true);
  });

  it('reports the limit behind each condition', () => {
    const ev = new ConditionEvaluator([pressure, level], settings);
    expect([Cond.HH, Cond.H, Cond.L, Cond.LL, Cond.ROC, Cond.BAD].map((c) => ev.limitOf(0, c))).toEqual([8, 7, 2, 1, 1.5, null]);
    expect(ev.limitOf(1, Cond.HH)).toBeNull();
    expect(ev.limitOf(1, Cond.ROC)).toBeNull();
  });
});

describe('ConditionEvaluator: rate of change', () => {
  it('raises ROC on a fast ramp and clears it after the ramp stops', () => {
    const ev = new ConditionEvaluator([pressure], settings);
    // 3 bar/min = 30 % of range per minute, from 3 to 6 bar (never reaches a limit).
    const seen = feed(ev, 0, [...series(0, 59, 3), ...series(60, 120, (t) => 3 + (t - 60) / 20), ...series(121, 400, 6)]);
    const on = seen.find((s) => s.endsWith(':ROC:on'));
    const off = seen.find((s) => s.endsWith(':ROC:off'));
    expect(on).toBeDefined();
    expect(off).toBeDefined();
    expect(seen.filter((s) => !s.includes('ROC'))).toEqual([]);
    const tOn = Number(on!.split(':')[0]);
    const tOff = Number(off!.split(':')[0]);
    expect(tOn).toBeGreaterThan(60 + 15);
    expect(tOn).toBeLessThan(120);
    expect(tOff).toBeGreaterThan(121);
  });

  it('restarts the filter after bad samples, so a value back after an outage is not a rate', () => {
    const ev = new ConditionEvaluator([pressure], settings);
    const outage = series(60, 70, 0).map(([t]): Sample => [t, Number.NaN]);
    expect(feed(ev, 0, [...series(0, 59, 3), ...outage, ...series(71, 200, 6)])).toEqual(['60:BAD:on', '71:BAD:off']);
  });

  it('stays quiet on a slow ramp and on noise', () => {
    const ev = new ConditionEvaluator([pressure], settings);
    // 0.5 bar/min = 5 %/min, well under 15 %/min; noise ±0.1 bar every second.
    expect(feed(ev, 0, series(0, 400, (t) => 3 + t / 120 + (t % 2 === 0 ? 0.1 : -0.1)))).toEqual([]);
  });
});

describe('ConditionEvaluator: BAD and stale', () => {
  it('raises BAD at once on bad or offline quality and on NaN, holding the limit conditions', () => {
    const ev = new ConditionEvaluator([pressure], settings);
    feed(ev, 0, series(0, 20, 7.5));
    expect(feed(ev, 0, [[21, Number.NaN]])).toEqual(['21:BAD:on']);
    expect(ev.isActive(0, Cond.H)).toBe(true);
    expect(feed(ev, 0, [...series(22, 60, 5).map(([t]): Sample => [t, 5, Quality.Offline])])).toEqual([]);
    expect(ev.isActive(0, Cond.H)).toBe(true);
    // A good sample clears BAD at once; H then needs its off-delay.
    expect(feed(ev, 0, series(61, 75, 5))).toEqual(['61:BAD:off', '71:H:off']);
    expect(feed(ev, 0, [[76, 5, Quality.Bad]])).toEqual(['76:BAD:on']);
    expect(feed(ev, 0, [[77, 5, Quality.Uncertain]])).toEqual(['77:BAD:off']);
  });

  it('raises BAD for a stale tag in the sweep and clears it on the next sample', () => {
    const ev = new ConditionEvaluator([pressure, level], settings);
    const out = new ConditionChanges();
    ev.sweepStale(T0, out);
    ev.evaluate(0, 5, Quality.Good, T0, out);
    ev.sweepStale(T0 + 5_000, out);
    expect(out.count).toBe(0);
    ev.sweepStale(T0 + 5_001, out);
    expect(describe_(out)).toEqual(['5.001:BAD:on']);
    expect(Number.isNaN(out.value[0]!)).toBe(true);
    out.clear();
    // The level tag never reported; its period is 2 s, so it is stale 10 s after the first sweep.
    ev.sweepStale(T0 + 10_000, out);
    expect(out.count).toBe(0);
    ev.sweepStale(T0 + 10_001, out);
    expect(describe_(out)).toEqual(['10.001:BAD:on']);
    expect(out.source[0]).toBe(1);
    out.clear();
    ev.evaluate(0, 5, Quality.Good, T0 + 12_000, out);
    expect(describe_(out)).toEqual(['12:BAD:off']);
  });
});

describe('ConditionEvaluator: 2oo3 voting', () => {
  const group = (): ConditionEvaluator => new ConditionEvaluator([detector(0), detector(6), detector(12), detector(50, 'GRP-2'), pressure], settings);
  const at = (ev: ConditionEvaluator, i: number, v: number, t: number, q: number = Quality.Good, out = new ConditionChanges()): string[] => {
    ev.evaluate(i, v, q, T0 + t * 1000, out);
    return describe_(out);
  };

  it('builds groups from the tags', () => {
    const ev = group();
    expect(ev.groups).toEqual([
      { id: 'GRP-1', members: [0, 1, 2] },
      { id: 'GRP-2', members: [3] },
    ]);
    expect([0, 3, 4].map((i) => ev.groupOf(i))).toEqual([0, 1, -1]);
  });

  it('1 of 3 is not confirmed; 2 of 3 is, after the on-delay, at their centroid; 3 of 3 stays', () => {
    const ev = group();
    at(ev, 0, 30, 0);
    expect(at(ev, 0, 30, 3)).toEqual(['3:H:on']);
    expect(ev.isGroupConfirmed(0)).toBe(false);
    at(ev, 1, 40, 4);
    const out = new ConditionChanges();
    expect(at(ev, 1, 40, 7, Quality.Good, out)).toEqual(['7:H:on', '7:CONFIRMED#0:on']);
    expect(out.value[1]).toBe(2);
    expect(ev.groupCentroid(0)).toEqual([3, 10, 0.5]);
    at(ev, 2, 60, 8);
    expect(at(ev, 2, 60, 11)).toEqual(['11:HH:on', '11:H:on']);
    expect(ev.groupCentroid(0)).toEqual([6, 10, 0.5]);
    // Detectors 1 and 2 clear; with 1 gone detectors 0 and 2 still vote, with 2 gone the vote ends
    // (latching is the lifecycle's job).
    at(ev, 1, 0, 12);
    at(ev, 2, 0, 12);
    expect([...at(ev, 1, 0, 22), ...at(ev, 2, 0, 22)]).toEqual(['22:H:off', '22:HH:off', '22:H:off', '22:CONFIRMED#0:off']);
  });

  it('a bad detector votes (2oo3 degrades to 1oo2) but bad detectors alone confirm nothing', () => {
    const ev = group();
    expect(at(ev, 0, Number.NaN, 0)).toEqual(['0:BAD:on']);
    expect(ev.isGroupConfirmed(0)).toBe(false);
    expect(at(ev, 1, 0, 0, Quality.Offline)).toEqual(['0:BAD:on']);
    expect(ev.isGroupConfirmed(0)).toBe(false);
    at(ev, 2, 30, 1);
    expect(at(ev, 2, 30, 4)).toEqual(['4:H:on', '4:CONFIRMED#0:on']);
    expect(ev.groupCentroid(0)).toEqual([12, 10, 0.5]);
    // Both bad detectors come back good and clean: one vote left, so the confirmation ends.
    at(ev, 0, 0, 5);
    expect(at(ev, 1, 0, 5)).toEqual(['5:BAD:off', '5:CONFIRMED#0:off']);
  });

  it('a group smaller than m never confirms', () => {
    const ev = group();
    at(ev, 3, 90, 0);
    expect(at(ev, 3, 90, 3)).toEqual(['3:HH:on', '3:H:on']);
    expect(ev.isGroupConfirmed(1)).toBe(false);
  });

  it('seeds active state after a restart so that the clear is reported', () => {
    const ev = group();
    ev.seed(4, Cond.H, true);
    ev.seedGroup(0, true);
    expect(ev.activeMask(4)).toBe(1 << Cond.H);
    const out = new ConditionChanges();
    ev.evaluate(4, 5, Quality.Good, T0, out);
    ev.evaluate(4, 5, Quality.Good, T0 + 10_000, out);
    expect(describe_(out)).toEqual(['10:H:off']);
  });
});

describe('ConditionChanges', () => {
  it('grows past its capacity without losing entries', () => {
    const out = new ConditionChanges(2);
    for (let k = 0; k < 5; k++) out.push(k, Cond.H, k % 2 === 0, T0 + k, k * 1.5);
    expect(out.count).toBe(5);
    expect([...out.source.subarray(0, 5)]).toEqual([0, 1, 2, 3, 4]);
    expect([...out.active.subarray(0, 5)]).toEqual([1, 0, 1, 0, 1]);
    expect(out.value[4]).toBe(6);
  });
});
