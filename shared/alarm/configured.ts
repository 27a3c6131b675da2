import type { AlarmSettings, Interlock } from '../plant/alarmConfig';
import type { Tag } from '../plant/schema';
import type { AlarmKind, Priority } from './model';
import { alarmPriority } from './priority';

/** One alarm the plant's configuration defines (before anything happens). */
export interface ConfiguredAlarm {
  /** `<source>:<kind>`. */
  id: string;
  kind: AlarmKind;
  source: string;
  area: string;
  equipment: string | null;
  priority: Priority;
}

const limitKinds = [
  ['hh', 'HH'],
  ['h', 'H'],
  ['l', 'L'],
  ['ll', 'LL'],
] as const;

/**
 * Every alarm of a plant: each tag limit, ROC where its measurement type has one, BAD for every
 * tag, CONFIRMED for each detector group, TRIP for each interlock. In plant order (tags, then
 * groups, then interlocks), so the list is stable. Used for the configured priority
 * distribution (docs/alarms.md) and by engines that build their alarm table once.
 */
export function configuredAlarms(tags: readonly Tag[], interlocks: readonly Interlock[], settings: AlarmSettings): ConfiguredAlarm[] {
  const out: ConfiguredAlarm[] = [];
  const add = (source: string, kind: AlarmKind, area: string, equipment: string | null, tagKind: Tag['kind'] | null): void => {
    out.push({ id: `${source}:${kind}`, kind, source, area, equipment, priority: alarmPriority(settings, tagKind, kind) });
  };
  const groups = new Map<string, Tag>();
  for (const t of tags) {
    for (const [key, kind] of limitKinds) if (t.limits[key] !== undefined) add(t.id, kind, t.area, t.equipment ?? null, t.kind);
    if ((settings.measurement[t.kind] ?? settings.defaultMeasurement).rocPctPerMin !== undefined) add(t.id, 'ROC', t.area, t.equipment ?? null, t.kind);
    add(t.id, 'BAD', t.area, t.equipment ?? null, t.kind);
    if (t.group !== undefined && !groups.has(t.group)) groups.set(t.group, t);
  }
  for (const [group, first] of groups) add(group, 'CONFIRMED', first.area, first.equipment ?? null, first.kind);
  for (const il of interlocks) add(il.id, 'TRIP', il.area, il.equipment, null);
  return out;
}
