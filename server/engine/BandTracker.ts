import { classifyBand, type Band } from '../../shared/plant/band';
import type { Tag } from '../../shared/plant/schema';
import type { SampleBatch } from '../sim/types';

export interface BandChange {
  index: number;
  tag: string;
  from: Band;
  to: Band;
  /** null when the value is not finite (bad/offline quality). */
  value: number | null;
}

/** Hysteresis as a fraction of a tag's range: leaving a band needs the value back by 1 % of range. */
export const BAND_HYSTERESIS = 0.01;

/**
 * Tracks every tag's alarm band and reports changes. Starts from the bands in the command
 * state (absent = normal), so a restart does not re-announce bands that are already known.
 */
export class BandTracker {
  private readonly bands: Band[];
  private readonly hysteresis: Float64Array;

  constructor(
    private readonly tags: readonly Tag[],
    initial: Readonly<Record<string, Band>> = {},
  ) {
    this.bands = tags.map((t) => initial[t.id] ?? 'normal');
    this.hysteresis = Float64Array.from(tags, (t) => (t.range.hi - t.range.lo) * BAND_HYSTERESIS);
  }

  band(index: number): Band {
    return this.bands[index] ?? 'normal';
  }

  /** Classifies every sample of the batch in order; returns the changes. */
  update(batch: SampleBatch): BandChange[] {
    const changes: BandChange[] = [];
    for (let i = 0; i < batch.count; i++) {
      const index = batch.ids[i]!;
      const tag = this.tags[index];
      if (!tag) continue;
      const value = batch.values[i]!;
      const prev = this.bands[index]!;
      const next = classifyBand(value, batch.quality[i]!, tag.limits, prev, this.hysteresis[index]!);
      if (next !== prev) {
        this.bands[index] = next;
        changes.push({ index, tag: tag.id, from: prev, to: next, value: Number.isFinite(value) ? value : null });
      }
    }
    return changes;
  }
}
