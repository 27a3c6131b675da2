import type { Tag } from '../../../shared/plant/schema';
import { lookStyles, Look } from '../map/sensorStyle';
import type { TrendSeries } from './trendSeries';
import { decimalsFor } from './format';

const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

/**
 * Draws a trend as a line over the window ending at `now`, with the tag's alarm limits as
 * dashed lines in their alarm colours (amber H/L, red HH/LL) and a y axis that always shows
 * the H and L limits, so how close the value runs to them reads at a glance.
 */
export function drawTrend(ctx: CanvasRenderingContext2D, width: number, height: number, series: TrendSeries, tag: Tag, now: number): void {
  const pad = { l: 52, r: 10, t: 8, b: 20 };
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#eceeef';
  ctx.fillRect(0, 0, width, height);
  const ext = series.extent();
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
  const x0 = now - series.windowMs;
  const px = (t: number): number => pad.l + ((t - x0) / series.windowMs) * (width - pad.l - pad.r);
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
  for (let m = 0; m <= 10; m += 2) {
    const x = px(x0 + m * 60_000);
    ctx.fillText(m === 10 ? '0' : `-${10 - m}′`, x - 8, height - 5);
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
