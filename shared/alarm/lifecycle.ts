import type { LocalText } from '../plant/primitives';
import type { AlarmCause, AlarmDisplayState, AlarmLifecycle } from './model';

/**
 * The ISA-18.2 / IEC 62682 alarm lifecycle as pure functions over `AlarmLifecycle`.
 * The full transition table and the reasons behind it are in docs/alarms.md ("Lifecycle").
 *
 * Rules, in short:
 * - The condition (`active`) is tracked whatever the alarm's visibility: shelved, suppressed and
 *   out-of-service alarms keep following `activate`/`clear`.
 * - Any new activation needs a new acknowledgement (`acked = false`).
 * - A latching alarm sets `latched` when it activates and holds it after it clears, until an
 *   operator resets it; reset is refused while the condition is still present, and it also
 *   acknowledges (the operator has dealt with it deliberately and is recorded as doing so).
 * - While hidden (shelved, suppressed or out of service) nothing is annunciated, so nothing is
 *   owed: a non-latching alarm that is hidden and inactive is acknowledged (no hidden RTN-unack).
 * - When the last thing hiding an alarm is lifted and the condition is present, the alarm is
 *   annunciated afresh (unacknowledged), as ISA-18.2 requires after unshelve/return to service.
 * - Out of service supersedes shelving: removing a shelved alarm from service ends the shelve;
 *   shelving an out-of-service alarm is refused. So an alarm is never both.
 * - Suppression by design is logic-driven and independent of both.
 * - A command whose goal already holds (ack of an acked alarm, unshelve of an unshelved one) is a
 *   no-op (`changed: false`), so that two consoles acting at once do not see a spurious error.
 *   A command that cannot reach its goal is refused with a reason.
 */

export interface ShelveRequest {
  /** End of the shelve, epoch ms; must be after `at`. */
  until: number;
  reason: string;
  by: string;
  at: number;
}

export interface RemoveFromServiceRequest {
  reason: string;
  by: string;
  at: number;
}

/** One lifecycle event; `type` is the `AlarmCause` that the journal records. */
export type LifecycleEvent =
  | { type: 'activate' }
  | { type: 'clear' }
  | { type: 'ack' }
  | { type: 'reset' }
  | ({ type: 'shelve' } & ShelveRequest)
  | { type: 'unshelve' }
  /** The shelve timer fired at `at`; refused if the shelve runs longer (it was renewed). */
  | { type: 'shelve_expired'; at: number }
  | { type: 'suppress' }
  | { type: 'unsuppress' }
  | ({ type: 'remove_from_service' } & RemoveFromServiceRequest)
  | { type: 'return_to_service' };

// Compile-time check that every cause has an event and no event lacks a cause.
type _EventsCoverCauses = [AlarmCause] extends [LifecycleEvent['type']] ? ([LifecycleEvent['type']] extends [AlarmCause] ? true : never) : never;
const _eventsCoverCauses: _EventsCoverCauses = true;
void _eventsCoverCauses;

export const lifecycleRefusals = ['condition_active', 'out_of_service', 'shelve_not_in_future', 'empty_reason', 'shelve_not_expired'] as const;
export type LifecycleRefusal = (typeof lifecycleRefusals)[number];

export const lifecycleRefusalText: Readonly<Record<LifecycleRefusal, LocalText>> = Object.freeze({
  condition_active: { zh: '报警条件仍然存在，不能复位', en: 'The alarm condition is still present; it cannot be reset' },
  out_of_service: { zh: '报警已停用（退出服务），不能搁置', en: 'The alarm is out of service; it cannot be shelved' },
  shelve_not_in_future: { zh: '搁置结束时间必须晚于当前时间', en: 'The shelve must end after it starts' },
  empty_reason: { zh: '必须填写原因', en: 'A reason is required' },
  shelve_not_expired: { zh: '搁置尚未到期', en: 'The shelve has not expired yet' },
});

export interface LifecycleOptions {
  /** The alarm's kind latches (alarm settings `latching`). */
  latching: boolean;
}

export type TransitionResult =
  | { ok: true; lifecycle: AlarmLifecycle; changed: boolean }
  | { ok: false; reason: LifecycleRefusal; message: LocalText };

/** Shelved, suppressed or out of service: not shown in the operator's list and silent. */
export function isHidden(l: AlarmLifecycle): boolean {
  return l.shelved !== null || l.suppressed || l.outOfService !== null;
}

function refuse(reason: LifecycleRefusal): TransitionResult {
  return { ok: false, reason, message: lifecycleRefusalText[reason] };
}

function same(l: AlarmLifecycle): TransitionResult {
  return { ok: true, lifecycle: l, changed: false };
}

/** Applies the rules that hold after every transition (see the module comment). */
function settle(before: AlarmLifecycle, next: AlarmLifecycle): TransitionResult {
  let out = next;
  const wasHidden = isHidden(before);
  const hidden = isHidden(out);
  if (wasHidden && !hidden && out.active && out.acked) out = { ...out, acked: false };
  if (hidden && !out.active && !out.latched && !out.acked) out = { ...out, acked: true };
  return { ok: true, lifecycle: out, changed: !lifecyclesEqual(before, out) };
}

export function lifecyclesEqual(a: AlarmLifecycle, b: AlarmLifecycle): boolean {
  if (a.active !== b.active || a.acked !== b.acked || a.latched !== b.latched || a.suppressed !== b.suppressed) return false;
  const s = a.shelved;
  const t = b.shelved;
  if (s === null || t === null) {
    if (s !== t) return false;
  } else if (s.until !== t.until || s.reason !== t.reason || s.by !== t.by || s.at !== t.at) return false;
  const o = a.outOfService;
  const p = b.outOfService;
  if (o === null || p === null) return o === p;
  return o.reason === p.reason && o.by === p.by && o.at === p.at;
}

/**
 * The lifecycle after `event`, or why the event is refused. `changed` is false when the event
 * leaves the lifecycle as it was (the server journals nothing then). Never mutates `l`.
 */
export function transition(l: AlarmLifecycle, event: LifecycleEvent, opts: LifecycleOptions): TransitionResult {
  switch (event.type) {
    case 'activate':
      if (l.active) return same(l);
      return settle(l, { ...l, active: true, acked: false, latched: l.latched || opts.latching });
    case 'clear':
      if (!l.active) return same(l);
      return settle(l, { ...l, active: false });
    case 'ack':
      if (l.acked) return same(l);
      return settle(l, { ...l, acked: true });
    case 'reset':
      if (!l.latched) return same(l);
      if (l.active) return refuse('condition_active');
      return settle(l, { ...l, latched: false, acked: true });
    case 'shelve': {
      if (l.outOfService !== null) return refuse('out_of_service');
      if (event.reason.trim() === '') return refuse('empty_reason');
      if (!(event.until > event.at)) return refuse('shelve_not_in_future');
      return settle(l, { ...l, shelved: { until: event.until, reason: event.reason, by: event.by, at: event.at } });
    }
    case 'unshelve':
      if (l.shelved === null) return same(l);
      return settle(l, { ...l, shelved: null });
    case 'shelve_expired':
      if (l.shelved === null) return same(l);
      if (event.at < l.shelved.until) return refuse('shelve_not_expired');
      return settle(l, { ...l, shelved: null });
    case 'suppress':
      if (l.suppressed) return same(l);
      return settle(l, { ...l, suppressed: true });
    case 'unsuppress':
      if (!l.suppressed) return same(l);
      return settle(l, { ...l, suppressed: false });
    case 'remove_from_service':
      if (l.outOfService !== null) return same(l);
      if (event.reason.trim() === '') return refuse('empty_reason');
      return settle(l, { ...l, shelved: null, outOfService: { reason: event.reason, by: event.by, at: event.at } });
    case 'return_to_service':
      if (l.outOfService === null) return same(l);
      return settle(l, { ...l, outOfService: null });
  }
}

/**
 * ISA-18.2 state A–H. Hiding takes precedence (out of service > suppressed > shelved), then:
 * active → unacked/acked; inactive and latched → latched (E, whether acked or not: see
 * `needsAttention`); inactive and unacked → rtn_unacked (D); otherwise normal (A).
 */
export function displayState(l: AlarmLifecycle): AlarmDisplayState {
  if (l.outOfService !== null) return 'out_of_service';
  if (l.suppressed) return 'suppressed';
  if (l.shelved !== null) return 'shelved';
  if (l.active) return l.acked ? 'acked' : 'unacked';
  if (l.latched) return 'latched';
  return l.acked ? 'normal' : 'rtn_unacked';
}

/** In the operator's alarm list (and counted in banner and KPIs): not hidden and not normal. */
export function isAnnunciated(l: AlarmLifecycle): boolean {
  return !isHidden(l) && (l.active || l.latched || !l.acked);
}

/** Flashes on the map and sounds: annunciated and unacknowledged. */
export function needsAttention(l: AlarmLifecycle): boolean {
  return !isHidden(l) && !l.acked;
}
