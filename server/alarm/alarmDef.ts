import { normalLifecycle, type AlarmKind, type AlarmLifecycle, type AlarmRecord, type Priority } from '../../shared/alarm/model';
import type { LocalText, Vec3 } from '../../shared/plant/primitives';

/**
 * An alarm evaluated outside the alarm engine (an interlock trip) that still goes through the
 * same lifecycle and journal. `kind` is normally 'TRIP'.
 */
export interface ExternalAlarmDef {
  id: string;
  kind: AlarmKind;
  source: string;
  area: string;
  equipment: string | null;
  priority: Priority;
  position: Vec3;
  message: LocalText;
  unit?: string | null;
}

/**
 * The static part of one alarm: everything an `AlarmRecord` repeats in each event besides the
 * lifecycle and the values at the last transition.
 */
export interface AlarmDef extends ExternalAlarmDef {
  unit: string | null;
  /** The limit the condition compares against (null for diagnostics, votes and trips). */
  limit: number | null;
  /** The kind latches (alarm settings `latching`). */
  latching: boolean;
}

/** `<source>:<kind>` (shared/alarm/model). */
export function alarmId(source: string, kind: AlarmKind): string {
  return `${source}:${kind}`;
}

/** The record of an alarm that has never left normal. */
export function baseRecord(def: AlarmDef, lifecycle: AlarmLifecycle = normalLifecycle): AlarmRecord {
  return {
    id: def.id,
    kind: def.kind,
    source: def.source,
    area: def.area,
    equipment: def.equipment,
    priority: def.priority,
    position: def.position,
    message: def.message,
    lifecycle,
    value: null,
    limit: def.limit,
    unit: def.unit,
    activatedAt: null,
    lastChange: 0,
  };
}
