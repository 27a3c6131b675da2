import { describe, expect, it } from 'vitest';
import type { AlarmKpi } from '../../../../shared/protocol/alarmKpi';
import { areaRates, PLOT_SPAN_MS, ratePlot, TEN_MIN } from './kpiView';

const settings = { kpiSettings: { floodEnter: 10, floodWindowS: 600, rateBands: { acceptable: 1, manageable: 2, overDemanding: 10 } } } as Pick<AlarmKpi, 'kpiSettings'>;

describe('KPI panel data', () => {
  it('counts activations per 10 minutes over the last 8 h, ending on a bucket edge', () => {
    const to = 100 * TEN_MIN + 5000;
    const acts = [{ time: to - 1000 }, { time: to - 2000 }, { time: to - TEN_MIN - 1 }, { time: to - PLOT_SPAN_MS - TEN_MIN }];
    const p = ratePlot(acts, settings, to);
    expect(p.counts).toHaveLength(48);
    expect(p.to).toBe(101 * TEN_MIN);
    expect(p.counts.at(-1)).toBe(2);
    expect(p.counts.at(-2)).toBe(1);
    expect(p.counts.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('keeps the EEMUA bands readable: the axis shows the over-demanding line and caps a flood bucket', () => {
    expect(ratePlot([], settings, TEN_MIN).yMax).toBe(14);
    const flood = Array.from({ length: 10_000 }, () => ({ time: 5 * TEN_MIN }));
    const p = ratePlot(flood, settings, 6 * TEN_MIN);
    expect(p.yMax).toBe(50);
    expect(Math.max(...p.counts)).toBe(10_000);
  });

  it('lists areas by activations', () => {
    const kpi = { report: { rates: { byArea: { RX: { count: 3, per10Min: 0.1, perHour: 0.6 }, TF: { count: 9, per10Min: 0.3, perHour: 1.8 }, WH: { count: 3, per10Min: 0.1, perHour: 0.6 } } } } } as unknown as AlarmKpi;
    expect(areaRates(kpi).map((a) => a.area)).toEqual(['TF', 'RX', 'WH']);
  });
});
