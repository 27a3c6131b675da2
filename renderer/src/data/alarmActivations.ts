import { isHidden } from '../../../shared/alarm/lifecycle';
import { alarmLifecycleSchema, prioritySchema } from '../../../shared/alarm/model';
import type { Activation } from '../../../shared/alarm/kpi';
import type { RestClient } from './restClient';

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

/** Most journal pages read for one plot (5,000 events each). */
const MAX_PAGES = 200;

/** Every annunciated activation in [from, to), page by page; null when the server refuses. Throws NetworkError when unreachable. */
export async function fetchActivations(rest: RestClient, token: string | null, from: number, to: number): Promise<Activation[] | null> {
  const out: Activation[] = [];
  let after = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await rest.alarmJournal(from, to, after, token);
    if (!res.ok) return null;
    out.push(...activationsOf(res.data.events));
    if (res.data.next === null) break;
    after = res.data.next;
  }
  return out;
}
