import { checkShelve } from '../../shared/alarm/shelving';
import { fail, ok, type Ack } from '../../shared/protocol/messages';
import type { AuthUser } from '../auth/authService';
import type { AlarmEngine } from './AlarmEngine';
import { bilingual } from './alarmText';

/**
 * Checks a shelve request against the plant's per-role policy (shared `checkShelve`): the
 * user's role must have a shelving allowance, the duration must be within its maximum, and the
 * alarms this user holds shelved (other than this one: a re-shelve replaces) plus this one must
 * stay within its count. Over a limit is `forbidden`; a malformed request is `bad_request`.
 */
export function checkShelveRequest(engine: AlarmEngine, user: AuthUser, alarmId: string, durationS: number, reason: string): Ack<null> {
  let shelvedNow = 0;
  for (const a of Object.values(engine.state.alarms)) {
    if (a.id !== alarmId && a.lifecycle.shelved?.by === user.name) shelvedNow++;
  }
  const r = checkShelve(engine.settings, { role: user.role, durationS, reason, shelvedNow });
  if (r.ok) return ok(null);
  const code = r.code === 'empty_reason' || r.code === 'bad_duration' ? 'bad_request' : 'forbidden';
  return fail(code, bilingual(r.message));
}
