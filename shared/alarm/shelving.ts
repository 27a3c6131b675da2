import type { AlarmSettings } from '../plant/alarmConfig';
import type { LocalText } from '../plant/primitives';
import type { Role } from '../protocol/roles';

/**
 * Shelving policy (ISA-18.2: shelving is time-limited, access-controlled and audited). A role
 * absent from `shelving.byRole`, or with `maxCount` 0, may not shelve. The count limit is per
 * person: how many alarms one user of the role may hold shelved at once.
 */
export interface ShelveCheck {
  role: Role;
  /** Requested shelve length, s. */
  durationS: number;
  reason: string;
  /** Alarms the requesting user holds shelved now, not counting those in this request (a re-shelve replaces, it does not add). */
  shelvedNow: number;
  /** Alarms this request shelves; default 1. */
  count?: number;
}

export const shelveRefusals = ['role_may_not_shelve', 'empty_reason', 'bad_duration', 'too_long', 'too_many'] as const;
export type ShelveRefusal = (typeof shelveRefusals)[number];

export type ShelveCheckResult = { ok: true } | { ok: false; code: ShelveRefusal; message: LocalText };

const roleText: Record<Role, LocalText> = {
  viewer: { zh: '查看员', en: 'a viewer' },
  operator: { zh: '操作员', en: 'an operator' },
  shift_lead: { zh: '值班长', en: 'a shift lead' },
  commander: { zh: '应急指挥', en: 'a commander' },
  drill_coordinator: { zh: '演练协调员', en: 'a drill coordinator' },
  admin: { zh: '管理员', en: 'an administrator' },
};

/** "2 h 30 min" / "2 小时 30 分钟"; whole minutes, seconds only under a minute. */
export function formatDuration(s: number): LocalText {
  if (s < 60) return { zh: `${Math.round(s)} 秒`, en: `${Math.round(s)} s` };
  const totalMin = Math.round(s / 60);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  const zh = [h > 0 ? `${h} 小时` : '', m > 0 ? `${m} 分钟` : ''].filter(Boolean).join(' ');
  const en = [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean).join(' ');
  return { zh, en };
}

/** Checks a shelve request against the plant's per-role policy; the refusal says what the limit is. */
export function checkShelve(settings: AlarmSettings, req: ShelveCheck): ShelveCheckResult {
  const policy = settings.shelving.byRole[req.role];
  const who = roleText[req.role];
  if (!policy || policy.maxCount === 0) {
    return { ok: false, code: 'role_may_not_shelve', message: { zh: `${who.zh}无权搁置报警`, en: `${capitalise(who.en)} may not shelve alarms` } };
  }
  if (req.reason.trim() === '') return { ok: false, code: 'empty_reason', message: { zh: '搁置报警必须填写原因', en: 'Shelving needs a reason' } };
  if (!Number.isFinite(req.durationS) || req.durationS <= 0) {
    return { ok: false, code: 'bad_duration', message: { zh: '搁置时长必须大于零', en: 'The shelve duration must be more than zero' } };
  }
  if (req.durationS > policy.maxDurationS) {
    const max = formatDuration(policy.maxDurationS);
    return {
      ok: false,
      code: 'too_long',
      message: { zh: `${who.zh}最多可搁置 ${max.zh}`, en: `${capitalise(who.en)} may shelve for at most ${max.en}` },
    };
  }
  const count = req.count ?? 1;
  if (req.shelvedNow + count > policy.maxCount) {
    return {
      ok: false,
      code: 'too_many',
      message: {
        zh: `${who.zh}同时最多可搁置 ${policy.maxCount} 个报警（已搁置 ${req.shelvedNow} 个）`,
        en: `${capitalise(who.en)} may hold at most ${policy.maxCount} alarms shelved at once (${req.shelvedNow} shelved now)`,
      },
    };
  }
  return { ok: true };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
