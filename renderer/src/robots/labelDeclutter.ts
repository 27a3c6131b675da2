/**
 * Which area labels the map shows: a label is dropped when its area is too small on screen to
 * be told apart (the camera is far out), when its anchor is off screen, or when it would
 * overlap a label already placed. Labels are placed greedily by priority (most people first,
 * then the larger area), so the busiest areas keep theirs. Pure and allocation-light: the
 * caller reuses its box array and `out` flags; a handful of areas, so O(n²) overlap is fine.
 */

export interface LabelBox {
  /** Centre, CSS px. */
  x: number;
  y: number;
  /** Size of the label, CSS px. */
  w: number;
  h: number;
  /** Larger side of the area's own footprint on screen, CSS px. */
  footprint: number;
  /** Higher is placed first. */
  priority: number;
  /** The anchor is in front of the camera. */
  inFront: boolean;
}

/** Why a label is hidden (or '' when shown), for tests and diagnostics. */
export type Hidden = '' | 'far' | 'offscreen' | 'overlap';

/** An area smaller than this on screen (px) gets no label: at that zoom the names would only be noise. */
export const MIN_FOOTPRINT_PX = 36;
/** Gap kept between labels, px. */
export const LABEL_GAP_PX = 3;

export function declutter(boxes: readonly LabelBox[], width: number, height: number, out: Hidden[], order: number[] = []): Hidden[] {
  const n = boxes.length;
  out.length = n;
  order.length = 0;
  for (let i = 0; i < n; i++) {
    const b = boxes[i]!;
    if (!b.inFront || b.x < 0 || b.y < 0 || b.x > width || b.y > height) out[i] = 'offscreen';
    else if (b.footprint < MIN_FOOTPRINT_PX) out[i] = 'far';
    else {
      out[i] = '';
      order.push(i);
    }
  }
  order.sort((a, b) => boxes[b]!.priority - boxes[a]!.priority || a - b);
  for (let k = 0; k < order.length; k++) {
    const a = boxes[order[k]!]!;
    for (let j = 0; j < k; j++) {
      const i = order[j]!;
      if (out[i] !== '') continue;
      const b = boxes[i]!;
      if (Math.abs(a.x - b.x) * 2 < a.w + b.w + LABEL_GAP_PX * 2 && Math.abs(a.y - b.y) * 2 < a.h + b.h + LABEL_GAP_PX * 2) {
        out[order[k]!] = 'overlap';
        break;
      }
    }
  }
  return out;
}

/**
 * Width of a text in CSS px at `fontPx` without touching the DOM (no layout in the frame loop):
 * CJK characters are about 1 em wide, the rest of the text about 0.6 em.
 */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * fontPx;
}
