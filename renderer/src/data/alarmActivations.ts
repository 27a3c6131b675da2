import { isHidden } from '../../../shared/alarm/lifecycle';
import { alarmLifecycleSchema, prioritySchema } from '../../../shared/alarm/model';
import type { Activation } from '../../../shared/alarm/kpi';

/**
 * The annunciated activations (ISA-18.2 counts these, not shelved or suppressed ones) in a page
 * of alarm-journal events. Read field by field rather than through the whole event schema:
 * a flood's journal holds tens of thousands of events and only four fields matter here.
 * Anything that is not a well-formed activation is skipped.
 */
export function activationsOf(events: readonly unknown[]): Activation[] {
  const out: Activation[] = [];
  for (const raw of events) {
    const e = raw as { type?: unknown; time?: unknown; payload?: { cause?: unknown; alarm?: { id?: unknown; area?: unknown; priority?: unknown; lifecycle?: unknown } } } | null;
    if (!e || e.type !== 'alarm.changed' || typeof e.time !== 'number' || e.payload?.cause !== 'activate') continue;
    const a = e.payload.alarm;
    if (!a || typeof a.id !== 'string' || typeof a.area !== 'string') continue;
    const p = prioritySchema.safeParse(a.priority);
    const l = alarmLifecycleSchema.safeParse(a.lifecycle);
    if (!p.success || !l.success || isHidden(l.data)) continue;
    out.push({ alarmId: a.id, area: a.area, priority: p.data, time: e.time });
  }
  return out;
}
