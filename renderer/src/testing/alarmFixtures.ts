import { normalLifecycle, type AlarmLifecycle, type AlarmRecord, type Priority } from '../../../shared/alarm/model';
import type { JournalEvent } from '../../../shared/state/events';

/** An alarm record for renderer tests; `life` overrides lifecycle flags (default: active, unacked). */
export function alarm(id: string, priority: Priority, over: Partial<AlarmRecord> = {}, life: Partial<AlarmLifecycle> = {}): AlarmRecord {
  const [source, kind] = id.split(':') as [string, AlarmRecord['kind']];
  return {
    id,
    kind: kind ?? 'H',
    source,
    area: 'R1',
    equipment: null,
    priority,
    position: [10, 10, 5],
    message: { zh: `${source} 报警`, en: `${source} alarm` },
    lifecycle: { ...normalLifecycle, active: true, acked: false, ...life },
    value: 130,
    limit: 120,
    unit: '°C',
    activatedAt: 1000,
    lastChange: 1000,
    ...over,
  };
}

/** An `alarm.changed` journal event. */
export function alarmEvent(seq: number, a: AlarmRecord, cause: 'activate' | 'ack' | 'clear' | 'shelve' = 'activate', actor = 'system', note?: string): JournalEvent {
  return { seq, time: a.lastChange, actor, type: 'alarm.changed', payload: { alarm: a, cause, ...(note ? { note } : {}) } };
}
