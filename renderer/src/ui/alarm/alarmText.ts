import type { AlarmRecord } from '../../../../shared/alarm/model';
import type { Tag } from '../../../../shared/plant/schema';
import { tagStore } from '../../stores/tagStore';
import { decimalsFor } from '../format';

function format(v: number, a: AlarmRecord): string {
  const i = tagStore.indexOf(a.source);
  const tag: Pick<Tag, 'range'> | undefined = i >= 0 ? tagStore.tags[i] : undefined;
  const s = tag ? v.toFixed(decimalsFor(tag)) : Number(v.toPrecision(4)).toString();
  return a.unit ? `${s} ${a.unit}` : s;
}

let sizes: { tags: readonly Tag[]; byGroup: Map<string, number> } | null = null;

/** Detectors in a voting group (the n of a CONFIRMED alarm's m-of-n), or 0 when unknown; counted once per plant. */
function groupSize(group: string): number {
  if (sizes?.tags !== tagStore.tags) {
    const byGroup = new Map<string, number>();
    for (const t of tagStore.tags) if (t.group) byGroup.set(t.group, (byGroup.get(t.group) ?? 0) + 1);
    sizes = { tags: tagStore.tags, byGroup };
  }
  return sizes.byGroup.get(group) ?? 0;
}

/**
 * An alarm's value (and unit) at its last transition, with the decimals that suit its tag. A
 * confirmed release shows its votes as "2/3" (detectors over their first level, of the group).
 */
export function alarmValueText(a: AlarmRecord): string {
  if (a.value === null) return '—';
  if (a.kind === 'CONFIRMED') {
    const n = groupSize(a.source);
    return n > 0 ? `${a.value}/${n}` : String(a.value);
  }
  return format(a.value, a);
}

/** The limit it crossed, same format (a vote: "≥ 2"); empty when it has none. */
export function alarmLimitText(a: AlarmRecord): string {
  if (a.limit === null) return '';
  if (a.kind === 'CONFIRMED') return `≥ ${a.limit}`;
  return format(a.limit, a);
}
