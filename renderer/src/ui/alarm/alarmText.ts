import type { AlarmRecord } from '../../../../shared/alarm/model';
import type { Tag } from '../../../../shared/plant/schema';
import { tagStore } from '../../stores/tagStore';
import { decimalsFor } from '../format';

/** An alarm's value (and unit) at its last transition, with the decimals that suit its tag. */
export function alarmValueText(a: AlarmRecord): string {
  if (a.value === null) return '—';
  const i = tagStore.indexOf(a.source);
  const tag: Pick<Tag, 'range'> | undefined = i >= 0 ? tagStore.tags[i] : undefined;
  const v = tag ? a.value.toFixed(decimalsFor(tag)) : Number(a.value.toPrecision(4)).toString();
  return a.unit ? `${v} ${a.unit}` : v;
}

/** The limit it crossed, same format; empty when it has none. */
export function alarmLimitText(a: AlarmRecord): string {
  if (a.limit === null) return '';
  const i = tagStore.indexOf(a.source);
  const tag = i >= 0 ? tagStore.tags[i] : undefined;
  const v = tag ? a.limit.toFixed(decimalsFor(tag)) : Number(a.limit.toPrecision(4)).toString();
  return a.unit ? `${v} ${a.unit}` : v;
}
