import type { Tag } from '../../../shared/plant/schema';
import { columnsExtent, type Column } from './historyColumns';
import { drawTrendFrame, TREND_PAD } from './drawTrend';

/**
 * Draws a long-range trend from pixel columns (historyColumns over the plot width): the
 * min–max band of each column in a light fill at least one pixel tall, so spikes survive, and
 * the mean as a line over it, broken where columns are empty.
 */
export function drawHistory(ctx: CanvasRenderingContext2D, width: number, height: number, cols: readonly (Column | null)[], tag: Tag, from: number, to: number): void {
  const { py } = drawTrendFrame(ctx, width, height, tag, columnsExtent(cols), from, to);
  const plotW = width - TREND_PAD.l - TREND_PAD.r;
  const colW = cols.length > 0 ? plotW / cols.length : 0;
  const xOf = (c: number): number => TREND_PAD.l + c * colW;
  ctx.fillStyle = 'rgba(60, 90, 130, 0.35)';
  cols.forEach((col, c) => {
    if (!col) return;
    const top = py(col.hi);
    const bottom = py(col.lo);
    ctx.fillRect(xOf(c), top, Math.max(1, colW), Math.max(1, bottom - top));
  });
  ctx.strokeStyle = '#1f2327';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  let pen = false;
  cols.forEach((col, c) => {
    if (!col) {
      pen = false;
      return;
    }
    const x = xOf(c) + colW / 2;
    if (pen) ctx.lineTo(x, py(col.line));
    else ctx.moveTo(x, py(col.line));
    pen = true;
  });
  ctx.stroke();
}
