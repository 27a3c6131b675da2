import type { Tag } from '../../../shared/plant/schema';
import { lookStyles, Look } from '../map/sensorStyle';
import type { TrendSeries } from './trendSeries';
import { decimalsFor } from './format';

const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

/** Plot padding inside the canvas, px (the long-range trend asks for one point per plot column). */
export const TREND_PAD = { l: 52, r: 10, t: 8, b: 20 };

/** Where a trend maps time and value to canvas pixels. */
export interface TrendFrame {
  px(t: number): number;
  py(v: number): number;
}

/** Time-axis label of a tick `agoMs` before the right edge: minutes up to two hours, then hours. */
export function tickLabel(agoMs: number): string {
  if (agoMs <= 0) return '0';
  return agoMs < 2 * 3_600_000 ? `-${Math.round(agoMs / 60_000)}′` : `-${Math.round(agoMs / 3_600_000)}h`;
}

/** Intervals on the time axis: every 2′ over 10′, 10′ over an hour, quarters of longer ranges. */
function tickCount(spanMs: number): number {
  if (spanMs <= 10 * 60_000) return 5;
  if (spanMs <= 3_600_000) return 6;
  return 4;
}

/**
 * Clears the canvas and draws a trend's frame over [from, to]: grid, value and time labels and
 * the tag's alarm limits as dashed lines in their alarm colours (amber H/L, red HH/LL), with a y
 * axis that spans the data `ext` and always shows the H and L limits, so how close the value
 * runs to them reads at a glance. Returns the mapping for the data drawn over it.
 */
export function drawTrendFrame(ctx: CanvasRenderingContext2D, width: number, height: number, tag: Tag, ext: [number, number] | null, from: number, to: number): TrendFrame {
  const pad = TREND_PAD;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#eceeef';
  ctx.fillRect(0, 0, width, height);
  const lims = tag.limits;
  let lo = Math.min(ext ? ext[0] : Infinity, lims.l ?? Infinity, lims.h ?? Infinity);
  let hi = Math.max(ext ? ext[1] : -Infinity, lims.h ?? -Infinity, lims.l ?? -Infinity);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = tag.range.lo;
    hi = tag.range.hi;
  }
  if (hi - lo < 1e-9) {
    hi += 1;
    lo -= 1;
  }
  const margin = (hi - lo) * 0.08;
  lo -= margin;
  hi += margin;
  const span = Math.max(1, to - from);
  const px = (t: number): number => pad.l + ((t - from) / span) * (width - pad.l - pad.r);
  const py = (v: number): number => pad.t + (1 - (v - lo) / (hi - lo)) * (height - pad.t - pad.b);

  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#3c4045';
  ctx.strokeStyle = '#c8cbce';
  ctx.lineWidth = 1;
  const digits = decimalsFor(tag);
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    const y = Math.round(py(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(pad.l, y);
    ctx.lineTo(width - pad.r, y);
    ctx.stroke();
    ctx.fillText(v.toFixed(digits), 4, y + 4);
  }
  const ticks = tickCount(span);
  for (let k = 0; k <= ticks; k++) {
    const x = px(from + (span * k) / ticks);
    ctx.fillText(tickLabel((span * (ticks - k)) / ticks), x - 8, height - 5);
  }

  const limit = (v: number | undefined, color: number): void => {
    if (v === undefined || v < lo || v > hi) return;
    ctx.save();
    ctx.setLineDash([6, 4]);
    ctx.strokeStyle = hex(color);
    ctx.lineWidth = 1.5;
    const y = Math.round(py(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(pad.l, y);
    ctx.lineTo(width - pad.r, y);
    ctx.stroke();
    ctx.restore();
  };
  limit(lims.hh, lookStyles[Look.Alarm]!.color);
  limit(lims.ll, lookStyles[Look.Alarm]!.color);
  limit(lims.h, lookStyles[Look.Warning]!.color);
  limit(lims.l, lookStyles[Look.Warning]!.color);
  return { px, py };
}

/** Draws the live trend: the series as a line over the window ending at `now`, in its frame. */
export function drawTrend(ctx: CanvasRenderingContext2D, width: number, height: number, series: TrendSeries, tag: Tag, now: number): void {
  const x0 = now - series.windowMs;
  const { px, py } = drawTrendFrame(ctx, width, height, tag, series.extent(), x0, now);
  ctx.strokeStyle = '#1f2327';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < series.times.length; i++) {
    const t = series.times[i]!;
    const v = series.values[i]!;
    if (t < x0 || !Number.isFinite(v)) {
      pen = false;
      continue;
    }
    if (pen) ctx.lineTo(px(t), py(v));
    else ctx.moveTo(px(t), py(v));
    pen = true;
  }
  ctx.stroke();
}
