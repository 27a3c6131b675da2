import { insideShape, type CompiledShape } from './geometry';

/**
 * A uniform grid over a set of shapes: each cell lists (in shape order) the shapes whose
 * bounding box touches it, in one flat Int32Array (CSR: `start[c]..start[c+1]` into `items`).
 * A point test looks at one cell's few candidates instead of every shape, and allocates nothing.
 */
export class ShapeGrid {
  readonly cols: number;
  readonly rows: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(
    readonly shapes: readonly CompiledShape[],
    private readonly originX: number,
    private readonly originY: number,
    width: number,
    height: number,
    private readonly cell: number,
  ) {
    this.cols = Math.max(1, Math.ceil(width / cell));
    this.rows = Math.max(1, Math.ceil(height / cell));
    const n = this.cols * this.rows;
    const counts = new Int32Array(n + 1);
    const each = (s: CompiledShape, f: (c: number) => void): void => {
      const c0 = this.clampCol(s.minX);
      const c1 = this.clampCol(s.maxX);
      const r0 = this.clampRow(s.minY);
      const r1 = this.clampRow(s.maxY);
      if (s.maxX < originX || s.maxY < originY || s.minX > originX + this.cols * cell || s.minY > originY + this.rows * cell) return;
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(r * this.cols + c);
    };
    for (const s of shapes) each(s, (c) => counts[c + 1]!++);
    for (let c = 0; c < n; c++) counts[c + 1]! += counts[c]!;
    this.start = counts;
    this.items = new Int32Array(counts[n]!);
    const fill = counts.slice(0, n);
    shapes.forEach((s, k) => each(s, (c) => (this.items[fill[c]!++] = k)));
  }

  /** Covers every shape's bounding box plus `margin`, with cells of `cell` metres. */
  static around(shapes: readonly CompiledShape[], extent: readonly [number, number], cell: number, margin = 0): ShapeGrid {
    let minX = 0;
    let minY = 0;
    let maxX = extent[0];
    let maxY = extent[1];
    for (const s of shapes) {
      if (Number.isFinite(s.minX)) minX = Math.min(minX, s.minX);
      if (Number.isFinite(s.minY)) minY = Math.min(minY, s.minY);
      if (Number.isFinite(s.maxX)) maxX = Math.max(maxX, s.maxX);
      if (Number.isFinite(s.maxY)) maxY = Math.max(maxY, s.maxY);
    }
    return new ShapeGrid(shapes, minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin, cell);
  }

  private clampCol(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.originX) / this.cell)));
  }
  private clampRow(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.originY) / this.cell)));
  }

  /** The cell of a point, or -1 outside the grid. */
  cellOf(x: number, y: number): number {
    const c = Math.floor((x - this.originX) / this.cell);
    const r = Math.floor((y - this.originY) / this.cell);
    if (c < 0 || r < 0 || c >= this.cols || r >= this.rows) return -1;
    return r * this.cols + c;
  }

  /** Index of the first shape (in shape order) that holds the point, or -1. */
  first(x: number, y: number, z: number): number {
    const c = this.cellOf(x, y);
    if (c < 0) return -1;
    const end = this.start[c + 1]!;
    for (let i = this.start[c]!; i < end; i++) {
      const k = this.items[i]!;
      if (insideShape(this.shapes[k]!, x, y, z)) return k;
    }
    return -1;
  }

  /** True when the point's cell has no candidate shape at all (the common case, a cheap early out). */
  emptyAt(x: number, y: number): boolean {
    const c = this.cellOf(x, y);
    return c < 0 || this.start[c] === this.start[c + 1];
  }

  /**
   * Writes the indices of every shape holding the point into `out` (ascending shape order) and
   * returns how many; at most `out.length`.
   */
  all(x: number, y: number, z: number, out: Int32Array): number {
    const c = this.cellOf(x, y);
    if (c < 0) return 0;
    const end = this.start[c + 1]!;
    let n = 0;
    for (let i = this.start[c]!; i < end && n < out.length; i++) {
      const k = this.items[i]!;
      if (insideShape(this.shapes[k]!, x, y, z)) out[n++] = k;
    }
    return n;
  }
}
