import { normalLifecycle, type AlarmLifecycle, type AlarmRecord, type Priority } from '../../../shared/alarm/model';
import type { AlarmCause } from '../../../shared/alarm/model';
import type { EventBody } from '../../../shared/state/events';

/**
 * Alarm records and `alarm.changed` bodies for tests of services that follow the alarm journal
 * (notifications, risk), standing in for the alarm engine.
 */
export function alarmRecord(o: { id: string; area: string; priority: Priority; equipment?: string | null; kind?: AlarmRecord['kind']; source?: string; lifecycle?: Partial<AlarmLifecycle>; at?: number }): AlarmRecord {
  const kind = o.kind ?? (o.id.split(':')[1] as AlarmRecord['kind'] | undefined) ?? 'HH';
  const lifecycle = { ...normalLifecycle, ...o.lifecycle };
  return {
    id: o.id,
    kind,
    source: o.source ?? o.id.split(':')[0] ?? o.id,
    area: o.area,
    equipment: o.equipment ?? null,
    priority: o.priority,
    position: [0, 0, 0],
    message: { zh: `${o.id} 报警`, en: `${o.id} alarm` },
    lifecycle,
    value: 1,
    limit: 1,
    unit: null,
    activatedAt: lifecycle.active ? (o.at ?? 0) : null,
    lastChange: o.at ?? 0,
  };
}

export function changed(alarm: AlarmRecord, cause: AlarmCause): EventBody {
  return { type: 'alarm.changed', payload: { alarm, cause } };
}

/** The record after an activation, an ack, a clear. */
export const activated = (a: AlarmRecord, at = 0): AlarmRecord => ({ ...a, lifecycle: { ...a.lifecycle, active: true, acked: false }, activatedAt: at, lastChange: at });
export const acked = (a: AlarmRecord): AlarmRecord => ({ ...a, lifecycle: { ...a.lifecycle, acked: true } });
export const cleared = (a: AlarmRecord): AlarmRecord => ({ ...a, lifecycle: { ...a.lifecycle, active: false } });
