import type { AlarmSettings } from '../plant/alarmConfig';
import type { TagKind } from '../plant/primitives';
import type { AlarmKind, Priority } from './model';

/**
 * Last resort when the settings name no priority for a kind in either row: safety kinds high,
 * limits medium, diagnostics low. Kept here, not in data, because it only stops a gap in a
 * plant's settings from raising an alarm without a priority; docs/alarms.md lists it.
 */
export const fallbackPriority: Readonly<Record<AlarmKind, Priority>> = Object.freeze({
  CONFIRMED: 1,
  TRIP: 1,
  HH: 2,
  LL: 2,
  H: 3,
  L: 3,
  ROC: 3,
  BAD: 4,
  MAN_DOWN: 1,
  CONFINED: 1,
  RESTRICTED: 2,
  LONE_WORKER: 2,
  CROWDING: 2,
  SIGNAL_LOST: 3,
  LOW_BATTERY: 4,
});

/**
 * Priority of an alarm: `priorities.byKind[tagKind][kind] ?? priorities.default[kind]`, then
 * `fallbackPriority`. `tagKind` is the measurement type of the alarm's tag; for a detector
 * group's CONFIRMED alarm pass the detectors' kind; for an interlock TRIP and the people-safety
 * kinds pass null.
 */
export function alarmPriority(settings: AlarmSettings, tagKind: TagKind | null, kind: AlarmKind): Priority {
  const row = tagKind === null ? undefined : settings.priorities.byKind[tagKind];
  return row?.[kind] ?? settings.priorities.default[kind] ?? fallbackPriority[kind];
}
