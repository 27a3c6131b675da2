import { Quality } from '../../../shared/plant/band';
import type { Tag } from '../../../shared/plant/schema';
import { tagStore } from '../stores/tagStore';
import { ageParts, formatValue } from './format';

/** What the tooltip and the panel show of one tag right now, read from the tag store. */
export interface TagReading {
  tag: Tag;
  value: string;
  band: ReturnType<typeof tagStore.bandOf>;
  quality: number;
  stale: boolean;
  /** Age of the last sample, or null when none ever came. */
  age: ReturnType<typeof ageParts> | null;
}

export function readTag(index: number, now: number): TagReading | null {
  const tag = tagStore.tags[index];
  if (!tag) return null;
  const t = tagStore.times[index]!;
  return {
    tag,
    value: formatValue(tagStore.values[index]!, tag),
    band: tagStore.bandOf(index),
    quality: tagStore.quality[index] ?? Quality.Offline,
    stale: tagStore.isStale(index, now),
    age: t > 0 ? ageParts(now - t) : null,
  };
}
