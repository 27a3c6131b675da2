/**
 * Who is near whom, rebuilt from scratch for each sweep: points are bucketed by a counting sort
 * into square cells (CSR arrays), so a radius query looks only at the cells the circle
 * touches. Arrays are allocated once and grown only when the number of points grows.
 */
export class NeighbourGrid {
  readonly cols: number;
  readonly rows: number;
  private readonly start: Int32Array;
  /** Per-cell write cursor of the counting sort. */
  private readonly fill: Int32Array;
  private items = new Int32Array(0);
  private cellOfPoint = new Int32Array(0);
  private xs: Float64Array = new Float64Array(0);
  private ys: Float64Array = new Float64Array(0);

  constructor(
    private readonly originX: number,
    private readonly originY: number,
    width: number,
    height: number,
    readonly cell: number,
  ) {
    this.cols = Math.max(1, Math.ceil(width / cell));
    this.rows = Math.max(1, Math.ceil(height / cell));
    this.start = new Int32Array(this.cols * this.rows + 1);
    this.fill = new Int32Array(this.cols * this.rows);
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.originX) / this.cell)));
  }
  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.originY) / this.cell)));
  }

  /**
   * Buckets points `0..n-1` of (xs, ys) for which `include[i]` is non-zero. The arrays are kept
   * by reference until the next rebuild.
   */
  rebuild(xs: Float64Array, ys: Float64Array, include: Uint8Array, n: number): void {
    this.xs = xs;
    this.ys = ys;
    if (this.cellOfPoint.length < n) {
      this.cellOfPoint = new Int32Array(n);
      this.items = new Int32Array(n);
    }
    const start = this.start;
    start.fill(0);
    for (let i = 0; i < n; i++) {
      if (include[i] === 0) {
        this.cellOfPoint[i] = -1;
        continue;
      }
      const c = this.row(ys[i]!) * this.cols + this.col(xs[i]!);
      this.cellOfPoint[i] = c;
      start[c + 1]!++;
    }
    const cells = this.cols * this.rows;
    for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
    const fill = this.fill;
    fill.set(start.subarray(0, cells));
    for (let i = 0; i < n; i++) {
      const c = this.cellOfPoint[i]!;
      if (c >= 0) this.items[fill[c]!++] = i;
    }
  }

  /**
   * How many bucketed points other than `self` lie within `radius` of (x, y), counting stops
   * once `enough` are found (pass Infinity for the full count).
   */
  countNear(x: number, y: number, radius: number, self: number, enough: number): number {
    const r2 = radius * radius;
    const c0 = this.col(x - radius);
    const c1 = this.col(x + radius);
    const r0 = this.row(y - radius);
    const r1 = this.row(y + radius);
    let n = 0;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.cols + c;
        const end = this.start[cell + 1]!;
        for (let k = this.start[cell]!; k < end; k++) {
          const j = this.items[k]!;
          if (j === self) continue;
          const dx = this.xs[j]! - x;
          const dy = this.ys[j]! - y;
          if (dx * dx + dy * dy <= r2 && ++n >= enough) return n;
        }
      }
    }
    return n;
  }
}
