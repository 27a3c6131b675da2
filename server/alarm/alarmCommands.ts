import type { LifecycleEvent } from '../../shared/alarm/lifecycle';
import { fail, ok, type Ack, type ErrorCode } from '../../shared/protocol/messages';
import type { Clock } from '../../shared/util/clock';
import type { AuthUser } from '../auth/authService';
import type { CommandHandlers } from '../engine/CommandService';
import type { AlarmEngine, StepResult } from './AlarmEngine';
import { bilingual } from './alarmText';
import { checkShelveRequest } from './shelvePolicy';

/** What an alarm command did, per alarm: changed (journaled), unchanged (already so) or unknown. */
export interface AlarmCommandResult {
  changed: string[];
  unchanged: string[];
  unknown: string[];
}

/** Lifecycle refusals are conflicts with the alarm's state; unknown ids are not_found. */
function refusal(r: Exclude<StepResult, { ok: true }>, id: string): Ack<never> {
  if (r.reason === 'unknown_alarm') return fail('not_found', bilingual({ en: `unknown alarm "${id.slice(0, 200)}"`, zh: `未知报警“${id.slice(0, 200)}”` }));
  const code: ErrorCode = 'conflict';
  return fail(code, bilingual(r.message));
}

/** One alarm, one lifecycle event: ok with the result, or the refusal. */
function single(engine: AlarmEngine, id: string, event: LifecycleEvent, actor: string, note?: string): Ack<AlarmCommandResult> {
  const [r] = engine.command([{ id, event }], actor, note);
  if (!r!.ok) return refusal(r!, id);
  return ok({ changed: r!.changed ? [id] : [], unchanged: r!.changed ? [] : [id], unknown: [] });
}

/**
 * Handlers of the alarm commands (shared/protocol/commands.ts). Roles are checked before a
 * handler runs (CommandService, from commandDefs); these check the alarm and its lifecycle and
 * journal each transition with the user as actor (and the note, where the command has one).
 */
export function alarmCommandHandlers(engine: AlarmEngine, clock: Clock): CommandHandlers {
  return {
    'alarm.ack': (p, user: AuthUser) => {
      const ids = [...new Set(p.alarmIds)];
      const results = engine.command(
        ids.map((id) => ({ id, event: { type: 'ack' } as const })),
        user.name,
        p.note,
      );
      const out: AlarmCommandResult = { changed: [], unchanged: [], unknown: [] };
      results.forEach((r, i) => {
        const id = ids[i]!;
        if (!r.ok) out.unknown.push(id);
        else (r.changed ? out.changed : out.unchanged).push(id);
      });
      if (out.unknown.length === ids.length) return refusal({ ok: false, reason: 'unknown_alarm' }, ids[0]!);
      return ok(out);
    },
    'alarm.shelve': (p, user) => {
      const now = clock.now();
      if (!engine.record(p.alarmId)) return refusal({ ok: false, reason: 'unknown_alarm' }, p.alarmId);
      const check = checkShelveRequest(engine, user, p.alarmId, p.durationS, p.reason);
      if (!check.ok) return check;
      return single(engine, p.alarmId, { type: 'shelve', until: now + p.durationS * 1000, reason: p.reason, by: user.name, at: now }, user.name, p.reason);
    },
    'alarm.unshelve': (p, user) => single(engine, p.alarmId, { type: 'unshelve' }, user.name),
    'alarm.reset': (p, user) => single(engine, p.alarmId, { type: 'reset' }, user.name, p.note),
    'alarm.removeFromService': (p, user) =>
      single(engine, p.alarmId, { type: 'remove_from_service', reason: p.reason, by: user.name, at: clock.now() }, user.name, p.reason),
    'alarm.returnToService': (p, user) => single(engine, p.alarmId, { type: 'return_to_service' }, user.name),
  };
}
