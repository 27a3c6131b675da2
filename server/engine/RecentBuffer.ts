import type { SampleBatch } from '../sim/types';

export interface RecentOptions {
  /** Window kept, ms (10 minutes). */
  windowMs: number;
  /** Preferred resolution, ms (1 s). Coarsened when the budget requires it. */
  stepMs: number;
  /** Memory the buffer may hold, bytes. */
  budgetBytes: number;
}

export const DEFAULT_RECENT: RecentOptions = { windowMs: 600_000, stepMs: 1000, budgetBytes: 64 * 1024 * 1024 };
const BYTES_PER_CELL = 8 + 2 + 1;
const EMPTY = 255;
/** dt is stored in a uint16 of ms, so a slot can be at most this long. */
const MAX_STEP_MS = 60_000;

export interface RecentSeries {
  times: number[];
  values: (number | null)[];
  quality: number[];
}

/**
 * The last 10 minutes of every tag for trends, in one ring of time slots (slot-major, so that
 * recycling a slot is one contiguous fill). Each slot keeps a tag's last sample in it. Memory
 * is fixed at construction: with many tags (a scaled plant) the slots get longer rather than
 * the buffer bigger, so the window stays 10 minutes at a coarser resolution.
 */
export class RecentBuffer {
  readonly stepMs: number;
  readonly slots: number;
  private readonly values: Float64Array;
  private readonly dt: Uint16Array;
  private readonly quality: Uint8Array;
  private readonly slotEpoch: Float64Array;

  constructor(
    private readonly tagCount: number,
    opts: RecentOptions = DEFAULT_RECENT,
  ) {
    const wanted = Math.ceil(opts.windowMs / opts.stepMs);
    const perSlot = Math.max(1, tagCount) * BYTES_PER_CELL;
    const affordable = Math.max(2, Math.floor(opts.budgetBytes / perSlot));
    const factor = wanted > affordable ? Math.ceil(wanted / affordable) : 1;
    this.stepMs = Math.min(MAX_STEP_MS, opts.stepMs * factor);
    this.slots = Math.max(2, Math.ceil(opts.windowMs / this.stepMs));
    const cells = this.slots * tagCount;
    this.values = new Float64Array(cells);
    this.dt = new Uint16Array(cells);
    this.quality = new Uint8Array(cells).fill(EMPTY);
    this.slotEpoch = new Float64Array(this.slots).fill(-1);
  }

  get bytes(): number {
    return this.values.byteLength + this.dt.byteLength + this.quality.byteLength + this.slotEpoch.byteLength;
  }

  apply(batch: SampleBatch): void {
    const n = this.tagCount;
    for (let i = 0; i < batch.count; i++) {
      const k = batch.ids[i]!;
      if (k >= n) continue;
      const t = batch.times[i]!;
      const epoch = Math.floor(t / this.stepMs);
      const slot = epoch % this.slots;
      const held = this.slotEpoch[slot]!;
      if (epoch < held) continue; // older than what this slot now holds: outside the window
      if (epoch > held) {
        this.quality.fill(EMPTY, slot * n, slot * n + n);
        this.slotEpoch[slot] = epoch;
      }
      const cell = slot * n + k;
      this.values[cell] = batch.values[i]!;
      this.dt[cell] = t - epoch * this.stepMs;
      this.quality[cell] = batch.quality[i]!;
    }
  }

  /** Samples of tag `index` from the last `seconds` before `now`, oldest first. */
  read(index: number, seconds: number, now: number): RecentSeries {
    const out: RecentSeries = { times: [], values: [], quality: [] };
    if (index < 0 || index >= this.tagCount) return out;
    const from = now - seconds * 1000;
    const last = Math.floor(now / this.stepMs);
    for (let e = last - this.slots + 1; e <= last; e++) {
      if (e < 0) continue;
      const slot = e % this.slots;
      if (this.slotEpoch[slot] !== e) continue;
      const cell = slot * this.tagCount + index;
      const q = this.quality[cell]!;
      if (q === EMPTY) continue;
      const t = e * this.stepMs + this.dt[cell]!;
      if (t < from || t > now) continue;
      const v = this.values[cell]!;
      out.times.push(t);
      out.values.push(Number.isFinite(v) ? v : null);
      out.quality.push(q);
    }
    return out;
  }
}
