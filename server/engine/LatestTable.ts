import { Quality } from '../../shared/plant/band';
import type { Tag } from '../../shared/plant/schema';
import type { LatestValueRow } from '../store/types';
import type { SampleBatch } from '../sim/types';

/**
 * The newest value, quality and time of every tag, by tag index: what keyframes, conflated
 * frames and the latest-values store are built from. Tags never sampled are NaN/offline/0.
 */
export class LatestTable {
  readonly values: Float64Array;
  readonly quality: Uint8Array;
  readonly times: Float64Array;

  constructor(readonly size: number) {
    this.values = new Float64Array(size).fill(NaN);
    this.quality = new Uint8Array(size).fill(Quality.Offline);
    this.times = new Float64Array(size);
  }

  /** Copies from arrays of the same length (the simulator's `latest()`). */
  copyFrom(src: { values: Float64Array; quality: Uint8Array; times: Float64Array }): void {
    const n = Math.min(this.size, src.values.length, src.quality.length, src.times.length);
    this.values.set(src.values.subarray(0, n));
    this.quality.set(src.quality.subarray(0, n));
    this.times.set(src.times.subarray(0, n));
  }

  apply(batch: SampleBatch): void {
    for (let i = 0; i < batch.count; i++) {
      const k = batch.ids[i]!;
      if (k >= this.size) continue;
      const t = batch.times[i]!;
      if (t < this.times[k]!) continue; // an older sample never overwrites a newer one
      this.values[k] = batch.values[i]!;
      this.quality[k] = batch.quality[i]!;
      this.times[k] = t;
    }
  }

  /** Rows for tag indices [from, to) that have a value (all by default). */
  toRows(tags: readonly Tag[], from = 0, to = this.size): LatestValueRow[] {
    const rows: LatestValueRow[] = [];
    for (let k = Math.max(0, from); k < Math.min(to, this.size); k++) {
      const tag = tags[k];
      if (!tag || this.times[k] === 0) continue;
      const v = this.values[k]!;
      rows.push({ tagId: tag.id, value: Number.isFinite(v) ? v : null, quality: this.quality[k]!, time: this.times[k]! });
    }
    return rows;
  }

  /** Applies stored rows by tag id (indices may differ if the plant changed); returns how many matched. */
  restoreRows(rows: readonly LatestValueRow[], indexOf: ReadonlyMap<string, number>): number {
    let matched = 0;
    for (const r of rows) {
      const k = indexOf.get(r.tagId);
      if (k === undefined) continue;
      this.values[k] = r.value ?? NaN;
      this.quality[k] = r.quality;
      this.times[k] = r.time;
      matched++;
    }
    return matched;
  }
}
