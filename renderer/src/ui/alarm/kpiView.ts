import { bucketCounts, defaultRateBands, type Activation } from '../../../../shared/alarm/kpi';
import type { AlarmKpi } from '../../../../shared/protocol/alarmKpi';

export const TEN_MIN = 600_000;
/** The rate plot covers the last shift: 8 h of 10-minute buckets. */
export const PLOT_SPAN_MS = 8 * 3_600_000;

export interface RatePlot {
  from: number;
  to: number;
  counts: number[];
  /** Top of the y axis (alarms per 10 min); taller bars are cut there and labelled. */
  yMax: number;
  bands: { acceptable: number; manageable: number; overDemanding: number };
  floodEnter: number;
}

/**
 * The 10-minute counts behind the rate plot, ending at `to` (the KPI report's end), with a y
 * axis that always shows the EEMUA 191 bands and is not flattened by one flood bucket.
 */
export function ratePlot(activations: readonly Pick<Activation, 'time'>[], kpi: Pick<AlarmKpi, 'kpiSettings'>, to: number): RatePlot {
  const end = Math.ceil(to / TEN_MIN) * TEN_MIN;
  const from = end - PLOT_SPAN_MS;
  const counts = bucketCounts(activations, from, end, TEN_MIN);
  const bands = kpi.kpiSettings.rateBands ?? defaultRateBands;
  const peak = Math.max(0, ...counts);
  const yMax = Math.max(bands.overDemanding * 1.4, Math.min(peak, bands.overDemanding * 5));
  return { from, to: end, counts, yMax, bands: { acceptable: bands.acceptable, manageable: bands.manageable, overDemanding: bands.overDemanding }, floodEnter: kpi.kpiSettings.floodEnter };
}

export interface AreaRate {
  area: string;
  count: number;
  per10Min: number;
}

/** Areas by activations, most first (the KPI panel lists the top ones). */
export function areaRates(kpi: AlarmKpi, limit = 8): AreaRate[] {
  return Object.entries(kpi.report.rates.byArea)
    .map(([area, r]) => ({ area, count: r.count, per10Min: r.per10Min }))
    .sort((a, b) => b.count - a.count || (a.area < b.area ? -1 : 1))
    .slice(0, limit);
}

export const pct = (share: number): string => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)} %`;
