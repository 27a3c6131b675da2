/**
 * Sizes a 2D canvas's backing store to its CSS size at the device pixel ratio and returns a
 * context that draws in CSS pixels; null when the canvas cannot draw.
 */
export function prepareCanvas(c: HTMLCanvasElement): { ctx: CanvasRenderingContext2D; w: number; h: number } | null {
  const w = c.clientWidth;
  const h = c.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  if (c.width !== Math.round(w * ratio)) c.width = Math.round(w * ratio);
  if (c.height !== Math.round(h * ratio)) c.height = Math.round(h * ratio);
  const ctx = c.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { ctx, w, h };
}
