import { transition, type LifecycleEvent } from '../../../shared/alarm/lifecycle';
import { normalLifecycle, type AlarmKind, type AlarmRecord } from '../../../shared/alarm/model';
import { alarmPriority, fallbackPriority } from '../../../shared/alarm/priority';
import { checkShelve } from '../../../shared/alarm/shelving';
import { classifyBand, type Band } from '../../../shared/plant/band';
import type { Plant, Tag } from '../../../shared/plant/schema';
import { mayRun, type CommandName } from '../../../shared/protocol/commands';
import type { Role } from '../../../shared/protocol/roles';
import type { EventBody, JournalEvent } from '../../../shared/state/events';
import { initialState, reduceAll, type CommandState } from '../../../shared/state/reducer';
import type { CommandOutcome } from './DataSource';

const kindText: Record<'HH' | 'H' | 'L' | 'LL' | 'BAD', { zh: string; en: string }> = {
  HH: { zh: '高高报', en: 'high-high' },
  H: { zh: '高报', en: 'high' },
  L: { zh: '低报', en: 'low' },
  LL: { zh: '低低报', en: 'low-low' },
  BAD: { zh: '测量故障', en: 'measurement failed' },
};
const bandKind: Partial<Record<Band, 'HH' | 'H' | 'L' | 'LL' | 'BAD'>> = { hh: 'HH', h: 'H', l: 'L', ll: 'LL', bad: 'BAD' };

/**
 * Alarms for the FakeSource (demos and unit tests without a server): a forced tag out of its
 * band raises the alarm of that band, and alarm commands are answered — all through the SHARED
 * lifecycle (`transition`), priority and shelving rules and the shared reducer, so the console
 * sees exactly the events a server would send. It is no alarm engine: no delays, no deadbands,
 * no voting; `append` lets a test or demo add any other event (trips, risk grades, floods).
 */
export class FakeAlarms {
  state: CommandState = initialState();
  private readonly bands = new Map<number, Band>();

  constructor(
    private readonly plant: Plant,
    private readonly clock: () => number,
  ) {}

  /** Appends events as the server's journal would (seq, time, actor) and returns the new state. */
  append(bodies: readonly EventBody[], actor = 'system'): CommandState {
    if (bodies.length === 0) return this.state;
    const time = this.clock();
    let seq = this.state.seq;
    const events = bodies.map((b) => ({ ...b, seq: ++seq, time, actor }) as JournalEvent);
    this.state = reduceAll(this.state, events);
    return this.state;
  }

  /** The events a new sample of tag `i` causes (a band change raises or clears that band's alarm). */
  evaluate(i: number, value: number, quality: number): EventBody[] {
    const tag = this.plant.tags[i]!;
    const prev = this.bands.get(i) ?? 'normal';
    const band = classifyBand(value, quality, tag.limits, prev);
    if (band === prev) return [];
    this.bands.set(i, band);
    const out: EventBody[] = [];
    const before = bandKind[prev];
    const after = bandKind[band];
    if (before) out.push(...this.lifecycle(`${tag.id}:${before}`, { type: 'clear' }, null, value));
    if (after) out.push(...this.lifecycle(`${tag.id}:${after}`, { type: 'activate' }, tag, value));
    return out;
  }

  /** Runs an alarm command as the server would; the events are appended under the user's name. */
  command(name: CommandName, payload: unknown, user: { name: string; role: Role }): CommandOutcome {
    if (!mayRun(user.role, name)) return { ok: false, code: 'forbidden', message: `role ${user.role} may not run ${name}` };
    const now = this.clock();
    const events: EventBody[] = [];
    const one = (id: string, ev: LifecycleEvent, note?: string): CommandOutcome | null => {
      const a = this.state.alarms[id];
      if (!a) return { ok: false, code: 'not_found', message: `unknown alarm ${id}` };
      const res = transition(a.lifecycle, ev, { latching: this.latching(a.kind) });
      if (!res.ok) return { ok: false, code: 'conflict', message: res.message.en };
      if (res.changed) events.push(changed({ ...a, lifecycle: res.lifecycle, lastChange: now }, ev.type, note));
      return null;
    };
    let refusal: CommandOutcome | null = null;
    if (name === 'alarm.ack') {
      const p = payload as { alarmIds: string[]; note?: string };
      for (const id of p.alarmIds) refusal ??= one(id, { type: 'ack' }, p.note);
    } else if (name === 'alarm.shelve') {
      const p = payload as { alarmId: string; durationS: number; reason: string };
      const settings = this.plant.alarmSettings;
      const shelvedNow = Object.values(this.state.alarms).filter((a) => a.lifecycle.shelved?.by === user.name && a.id !== p.alarmId).length;
      const check = settings ? checkShelve(settings, { role: user.role, durationS: p.durationS, reason: p.reason, shelvedNow }) : { ok: true as const };
      if (!check.ok) return { ok: false, code: 'forbidden', message: check.message.en };
      refusal = one(p.alarmId, { type: 'shelve', until: now + p.durationS * 1000, reason: p.reason, by: user.name, at: now });
    } else if (name === 'alarm.unshelve') {
      refusal = one((payload as { alarmId: string }).alarmId, { type: 'unshelve' });
    } else if (name === 'alarm.reset') {
      const p = payload as { alarmId: string; note?: string };
      refusal = one(p.alarmId, { type: 'reset' }, p.note);
    } else {
      return { ok: false, code: 'unknown_command', message: `${name} is not available on this server` };
    }
    if (refusal) return refusal;
    this.append(events, user.name);
    return { ok: true, data: { changed: events.length } };
  }

  private latching(kind: AlarmKind): boolean {
    return this.plant.alarmSettings?.latching.includes(kind) ?? false;
  }

  private lifecycle(id: string, ev: LifecycleEvent, tag: Tag | null, value: number): EventBody[] {
    const existing = this.state.alarms[id];
    const now = this.clock();
    const base = existing ?? (tag ? this.record(id, tag, value, now) : null);
    if (!base) return [];
    const res = transition(base.lifecycle, ev, { latching: this.latching(base.kind) });
    if (!res.ok || !res.changed) return [];
    const activatedAt = ev.type === 'activate' ? now : base.activatedAt;
    return [changed({ ...base, lifecycle: res.lifecycle, value: Number.isFinite(value) ? value : null, activatedAt, lastChange: now }, ev.type)];
  }

  private record(id: string, tag: Tag, value: number, now: number): AlarmRecord {
    const kind = id.slice(id.lastIndexOf(':') + 1) as 'HH' | 'H' | 'L' | 'LL' | 'BAD';
    const settings = this.plant.alarmSettings;
    const limit = kind === 'BAD' ? null : (tag.limits[kind.toLowerCase() as 'hh' | 'h' | 'l' | 'll'] ?? null);
    return {
      id,
      kind,
      source: tag.id,
      area: tag.area,
      equipment: tag.equipment ?? null,
      priority: settings ? alarmPriority(settings, tag.kind, kind) : fallbackPriority[kind],
      position: tag.position,
      message: { zh: `${tag.name.zh} ${kindText[kind].zh}`, en: `${tag.name.en} ${kindText[kind].en}` },
      lifecycle: normalLifecycle,
      value: Number.isFinite(value) ? value : null,
      limit,
      unit: kind === 'BAD' ? null : tag.unit,
      activatedAt: null,
      lastChange: now,
    };
  }
}

function changed(alarm: AlarmRecord, cause: LifecycleEvent['type'], note?: string): EventBody {
  return { type: 'alarm.changed', payload: { alarm, cause, ...(note ? { note } : {}) } };
}
