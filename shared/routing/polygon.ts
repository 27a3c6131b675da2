/** Planar polygon helpers (plant coordinates, metres). Polygons are closed implicitly: the last vertex joins the first. */

export type Point = readonly [number, number];

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boundingBox(poly: readonly Point[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of poly) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

export function inBox(b: Box, x: number, y: number): boolean {
  return x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY;
}

/** Even-odd rule; a point exactly on an edge may fall either way. */
export function pointInPolygon(poly: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  const n = poly.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** True when segments ab and cd cross or touch. */
export function segmentsIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = cross(cx, cy, dx, dy, ax, ay);
  const d2 = cross(cx, cy, dx, dy, bx, by);
  const d3 = cross(ax, ay, bx, by, cx, cy);
  const d4 = cross(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean =>
    Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
  if (d1 === 0 && on(cx, cy, dx, dy, ax, ay)) return true;
  if (d2 === 0 && on(cx, cy, dx, dy, bx, by)) return true;
  if (d3 === 0 && on(ax, ay, bx, by, cx, cy)) return true;
  if (d4 === 0 && on(ax, ay, bx, by, dx, dy)) return true;
  return false;
}

/** True when any part of segment ab lies inside the polygon (an end inside, or the segment crossing an edge). */
export function segmentTouchesPolygon(poly: readonly Point[], box: Box, ax: number, ay: number, bx: number, by: number): boolean {
  if (Math.max(ax, bx) < box.minX || Math.min(ax, bx) > box.maxX || Math.max(ay, by) < box.minY || Math.min(ay, by) > box.maxY) return false;
  if (pointInPolygon(poly, ax, ay) || pointInPolygon(poly, bx, by)) return true;
  const n = poly.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (segmentsIntersect(ax, ay, bx, by, xi, yi, xj, yj)) return true;
  }
  return false;
}

/**
 * A polygon prepared for many point tests: its edges bucketed into horizontal slabs, so a test
 * looks only at the few edges whose y-range covers the point (a 360-vertex plume outline: ~10
 * edges instead of 360). Same even-odd answer as `pointInPolygon`.
 */
export class SlabPolygon {
  readonly box: Box;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly start: Int32Array;
  private readonly edges: Int32Array;
  private readonly slabH: number;
  private readonly slabs: number;

  constructor(poly: readonly Point[], slabs = Math.max(8, Math.min(256, poly.length >> 1))) {
    const n = poly.length;
    this.box = boundingBox(poly);
    this.xs = Float64Array.from(poly, (p) => p[0]);
    this.ys = Float64Array.from(poly, (p) => p[1]);
    this.slabs = slabs;
    this.slabH = (this.box.maxY - this.box.minY) / slabs || 1;
    const slabOf = (y: number): number => Math.max(0, Math.min(slabs - 1, Math.floor((y - this.box.minY) / this.slabH)));
    const count = new Int32Array(slabs + 1);
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = slabOf(Math.min(this.ys[i]!, this.ys[j]!));
      const b = slabOf(Math.max(this.ys[i]!, this.ys[j]!));
      for (let s = a; s <= b; s++) count[s + 1]!++;
    }
    for (let s = 0; s < slabs; s++) count[s + 1]! += count[s]!;
    this.start = count.slice();
    this.edges = new Int32Array(count[slabs]!);
    const fill = count.slice(0, slabs);
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = slabOf(Math.min(this.ys[i]!, this.ys[j]!));
      const b = slabOf(Math.max(this.ys[i]!, this.ys[j]!));
      for (let s = a; s <= b; s++) this.edges[fill[s]!++] = i;
    }
  }

  contains(x: number, y: number): boolean {
    if (x < this.box.minX || x > this.box.maxX || y < this.box.minY || y > this.box.maxY) return false;
    const s = Math.max(0, Math.min(this.slabs - 1, Math.floor((y - this.box.minY) / this.slabH)));
    const n = this.xs.length;
    let inside = false;
    for (let k = this.start[s]!; k < this.start[s + 1]!; k++) {
      const i = this.edges[k]!;
      const j = i === 0 ? n - 1 : i - 1;
      const yi = this.ys[i]!;
      const yj = this.ys[j]!;
      if (yi > y !== yj > y && x < ((this.xs[j]! - this.xs[i]!) * (y - yi)) / (yj - yi) + this.xs[i]!) inside = !inside;
    }
    return inside;
  }
}
