import { describe, expect, it } from 'vitest';
import type { AlarmSettings } from '../plant/alarmConfig';
import { createRng } from '../util/rng';
import { ChatterDetector } from './ChatterDetector';
import { FloodDetector } from './FloodDetector';
import { alarmRates, analyseFloods, badActors, bucketCounts, chatteringAlarms, kpiReport, priorityMix, rateBand, staleAlarms, type Activation, type ConditionTransition } from './kpi';
import type { Priority } from './model';

const kpi: AlarmSettings['kpi'] = {
  floodWindowS: 600,
  floodEnter: 10,
  floodExit: 5,
  chatterWindowS: 60,
  chatterCycles: 3,
  staleHours: 24,
  source: 'test only',
  rateBands: { acceptable: 1, manageable: 2, overDemanding: 10, source: 'test only' },
  priorityMixTarget: {
    groups: [
      { priorities: [1], pct: 5 },
      { priorities: [2], pct: 15 },
      { priorities: [3, 4], pct: 80 },
    ],
    source: 'test only',
  },
};
const T0 = 1_700_000_000_000;
const MIN = 60_000;
const act = (tMin: number, alarmId = 'A:H', area = 'TF', priority: Priority = 3): Activation => ({ alarmId, area, priority, time: T0 + tMin * MIN });

describe('rates and bands', () => {
  it('averages per 10 min and per hour, overall and per area, inside the period only', () => {
    const list = [act(1, 'a', 'TF'), act(2, 'b', 'TF'), act(30, 'c', 'RX'), act(59.9, 'd', 'RX'), act(60, 'e', 'RX'), act(-1, 'f', 'TF')];
    const r = alarmRates(list, T0, T0 + 60 * MIN);
    expect(r.count).toBe(4);
    expect(r.perHour).toBeCloseTo(4);
    expect(r.per10Min).toBeCloseTo(4 / 6);
    expect(Object.keys(r.byArea)).toEqual(['RX', 'TF']);
    expect(r.byArea.TF).toMatchObject({ count: 2, perHour: 2 });
  });

  it('buckets by 10 min with a partial last bucket', () => {
    expect(bucketCounts([act(0), act(9.99), act(10), act(25)], T0, T0 + 25.5 * MIN, 10 * MIN)).toEqual([2, 1, 1]);
  });

  it('puts a rate in its EEMUA 191 band at the edges', () => {
    expect([0, 1, 1.01, 2, 2.5, 10, 10.01].map((r) => rateBand(r, kpi.rateBands))).toEqual([
      'acceptable',
      'acceptable',
      'manageable',
      'manageable',
      'over_demanding',
      'over_demanding',
      'unacceptable',
    ]);
  });
});

describe('floods', () => {
  it('enters above 10 in the window and leaves below 5, with the peak and the time in flood', () => {
    // 11 activations in the first minute: flood from the 11th. They leave the window 10 min on,
    // one per 6 s; the count drops below 5 when the 7th leaves.
    const burst = Array.from({ length: 11 }, (_, k) => act(k * 0.1));
    const a = analyseFloods(burst, T0, T0 + 60 * MIN, kpi);
    expect(a.periods).toEqual([{ start: T0 + 1.0 * MIN, end: T0 + 10.6 * MIN, peak: 11 }]);
    expect(a.peakWindowCount).toBe(11);
    expect(a.timeInFloodShare).toBeCloseTo(9.6 / 60);
    expect(analyseFloods(burst.slice(0, 10), T0, T0 + 60 * MIN, kpi).periods).toEqual([]);
  });

  it('reports a flood still on at the end as open', () => {
    const burst = Array.from({ length: 12 }, (_, k) => act(k * 0.1));
    const a = analyseFloods(burst, T0, T0 + 5 * MIN, kpi);
    expect(a.periods).toEqual([{ start: T0 + 1.0 * MIN, end: null, peak: 12 }]);
    expect(a.timeInFloodShare).toBeCloseTo(4 / 5);
  });

  it('FloodDetector agrees with analyseFloods on a random stream', () => {
    const rng = createRng(42);
    const times: number[] = [];
    let t = T0;
    for (let k = 0; k < 3000; k++) {
      // Quiet stretches with bursts.
      t += rng.next() < 0.1 ? rng.range(0, 2_000) : rng.range(20_000, 200_000);
      times.push(Math.round(t));
    }
    const to = t + 3_600_000;
    const offline = analyseFloods(
      times.map((time) => ({ time })),
      T0,
      to,
      kpi,
    ).periods;
    expect(offline.length).toBeGreaterThan(3);
    // Online: add each activation, and re-evaluate at every activation and every expiry instant.
    const det = new FloodDetector(kpi, 4);
    const checks = [...times.map((x) => ({ at: x, add: true })), ...times.map((x) => ({ at: x + 600_000, add: false }))].sort((a, b) => a.at - b.at || Number(a.add) - Number(b.add));
    const online: { start: number; end: number | null }[] = [];
    for (const c of checks) {
      if (c.add) det.add(c.at);
      const ch = det.update(c.at);
      if (ch === true) online.push({ start: c.at, end: null });
      if (ch === false) (online[online.length - 1] as { end: number | null }).end = c.at;
    }
    expect(online).toEqual(offline.map((p) => ({ start: p.start, end: p.end })));
  });

  it('FloodDetector counts the trailing window only and restores its state', () => {
    const det = new FloodDetector(kpi);
    for (let k = 0; k < 11; k++) det.add(T0 + k * 1000);
    expect(det.rate(T0 + 10_000)).toBe(11);
    expect(det.rate(T0 + 5_000)).toBe(6);
    expect(det.update(T0 + 10_000)).toBe(true);
    expect(det.update(T0 + 11_000)).toBeNull();
    expect(det.rate(T0 + 600_000)).toBe(10);
    expect(det.update(T0 + 607_000)).toBe(false);
    expect(det.flooding).toBe(false);
    det.restore(true);
    expect(det.flooding).toBe(true);
  });
});

describe('chattering', () => {
  const cycle = (id: string, onS: number, offS: number): ConditionTransition[] => [
    { alarmId: id, time: T0 + onS * 1000, active: true },
    { alarmId: id, time: T0 + offS * 1000, active: false },
  ];

  it('finds 3 cycles inside a minute, not 3 spread over more', () => {
    const list = [
      ...cycle('X:H', 0, 5),
      ...cycle('X:H', 20, 25),
      ...cycle('X:H', 50, 59),
      ...cycle('Y:H', 0, 5),
      ...cycle('Y:H', 30, 35),
      ...cycle('Y:H', 61, 66),
    ].reverse();
    expect(chatteringAlarms(list, kpi)).toEqual([{ alarmId: 'X:H', maxCycles: 3, cycles: 3 }]);
  });

  it('counts a cycle longer than the window as no chatter', () => {
    expect(chatteringAlarms([...cycle('Z:H', 0, 120), ...cycle('Z:H', 121, 122)], kpi)).toEqual([]);
  });

  it('ChatterDetector flags the clear that completes the third cycle in the window', () => {
    const det = new ChatterDetector(kpi);
    const feed = (list: ConditionTransition[]): boolean[] => list.map((t) => det.transition(t.alarmId, t.active, t.time));
    expect(feed([...cycle('X:H', 0, 5), ...cycle('X:H', 20, 25)])).toEqual([false, false, false, false]);
    expect(feed(cycle('X:H', 50, 59))).toEqual([false, true]);
    expect(feed(cycle('X:H', 100, 101))).toEqual([false, false]);
    expect(feed([{ alarmId: 'Q:H', time: T0, active: false }])).toEqual([false]);
  });
});

describe('stale, bad actors and priority mix', () => {
  it('finds alarms active for 24 h or more', () => {
    const now = T0 + 48 * 3_600_000;
    const list = [
      { id: 'a', activatedAt: now - 24 * 3_600_000 },
      { id: 'b', activatedAt: now - 24 * 3_600_000 + 1 },
      { id: 'c', activatedAt: null },
    ];
    expect(staleAlarms(list, now, kpi).map((x) => x.id)).toEqual(['a']);
  });

  it('ranks bad actors and their share of the load', () => {
    const list = [...Array(6).fill('a'), ...Array(3).fill('b'), 'c'].map((id: string) => ({ alarmId: id }));
    const r = badActors(list, 2);
    expect(r.top).toEqual([
      { alarmId: 'a', count: 6, share: 0.6 },
      { alarmId: 'b', count: 3, share: 0.3 },
    ]);
    expect(r.share).toBeCloseTo(0.9);
    expect(badActors([], 10)).toEqual({ top: [], share: 0 });
  });

  it('measures the priority mix against the target groups', () => {
    const items = [1, 2, 2, 3, 3, 3, 3, 4, 4, 4].map((p) => ({ priority: p as Priority }));
    const m = priorityMix(items, kpi.priorityMixTarget);
    expect(m.counts).toEqual({ 1: 1, 2: 2, 3: 4, 4: 3 });
    expect(m.vsTarget.map((g) => [g.targetPct, Math.round(g.actualPct)])).toEqual([
      [5, 10],
      [15, 20],
      [80, 70],
    ]);
  });
});

describe('kpiReport', () => {
  it('puts it together for a period', () => {
    const list = [...Array.from({ length: 12 }, (_, k) => act(k * 0.1, k < 8 ? 'hot' : `x${k}`, 'TF', k < 2 ? 1 : 3)), act(70, 'late', 'RX', 2)];
    const r = kpiReport(list, [], T0, T0 + 60 * MIN, kpi);
    expect(r.rates.count).toBe(12);
    expect(r.band).toBe('manageable');
    expect(r.tenMinOverShare).toBeCloseTo(1 / 6);
    expect(r.hoursOver30Share).toBe(0);
    expect(r.floods.periods).toHaveLength(1);
    expect(r.badActors.top[0]).toEqual({ alarmId: 'hot', count: 8, share: 8 / 12 });
    expect(r.priorityMix.counts).toEqual({ 1: 2, 2: 0, 3: 10, 4: 0 });
  });
});
