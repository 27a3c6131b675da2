import type { Band } from '../../shared/plant/band';
import { BandCode, BandLimits, bandNames } from '../../shared/plant/bandLimits';
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
  /** Band code per tag (BandCode). */
  private readonly bands: Uint8Array;
  private readonly limits: BandLimits;

  constructor(
    private readonly tags: readonly Tag[],
    initial: Readonly<Record<string, Band>> = {},
  ) {
    this.bands = Uint8Array.from(tags, (t) => BandCode[initial[t.id] ?? 'normal']);
    this.limits = new BandLimits(
      tags.map((t) => t.limits),
      Float64Array.from(tags, (t) => (t.range.hi - t.range.lo) * BAND_HYSTERESIS),
    );
  }

  band(index: number): Band {
    return bandNames[this.bands[index] ?? 0] ?? 'normal';
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
      const next = this.limits.classify(index, value, batch.quality[i]!, prev);
      if (next !== prev) {
        this.bands[index] = next;
        changes.push({ index, tag: tag.id, from: bandNames[prev]!, to: bandNames[next]!, value: Number.isFinite(value) ? value : null });
      }
    }
    return changes;
  }
}
