/**
 * Which state changes raise a desktop notification (Electron: native, via the main process;
 * browser: the Notification API), per the user's role and preferences. Pure: given the state
 * before and after an update, the notices to show. Never for what was already there when the
 * console connected (the first state), never for hidden (shelved, suppressed, out-of-service)
 * alarms, and never from a wall unless its preferences say so.
 */
import { z } from 'zod';
import { needsAttention } from '../../../shared/alarm/lifecycle';

import type { LocalText } from '../../../shared/plant/primitives';
import type { Role } from '../../../shared/protocol/roles';
import type { CommandState } from '../../../shared/state/reducer';

export const notifyPrefsSchema = z
  .object({
    version: z.literal(1),
    /** Notifications at all. */
    enabled: z.boolean(),
    /** Alarms of this priority or more urgent (1 = only priority 1); 0 = no alarm notifications. */
    alarmPriority: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    /** Evacuation notices (incident.notice.sent). */
    evacuation: z.boolean(),
    /** Allowed on a wall display (off by default: a wall is watched, not clicked). */
    onWall: z.boolean(),
  })
  .strict();
export type NotifyPrefs = z.infer<typeof notifyPrefsSchema>;

/** Role defaults: who must be interrupted by what (docs/console.md "Notifications"). */
export function defaultNotifyPrefs(role: Role | null): NotifyPrefs {
  const p = (alarmPriority: NotifyPrefs['alarmPriority'], evacuation: boolean, enabled = true): NotifyPrefs => ({ version: 1, enabled, alarmPriority, evacuation, onWall: false });
  switch (role) {
    case 'commander':
    case 'drill_coordinator':
    case 'admin':
      return p(1, true);
    case 'shift_lead':
    case 'operator':
      return p(2, true);
    default:
      return p(0, true, role !== null);
  }
}

export interface Notice {
  /** Stable per cause, so a repeated update never shows it twice (and the OS can replace it). */
  key: string;
  title: LocalText;
  body: LocalText;
  urgency: 'normal' | 'critical';
}

/** At most this many notices per update; the rest are summed up in one. */
export const NOTICE_BURST = 4;

export function newNotices(prev: CommandState | null, next: CommandState, prefs: NotifyPrefs, ctx: { wall: boolean }): Notice[] {
  if (!prev || !prefs.enabled || (ctx.wall && !prefs.onWall)) return [];
  const out: Notice[] = [];
  if (prefs.alarmPriority > 0 && next.alarms !== prev.alarms) {
    for (const a of Object.values(next.alarms)) {
      if (a.priority > prefs.alarmPriority || !a.lifecycle.active || !needsAttention(a.lifecycle)) continue;
      const was = prev.alarms[a.id];
      if (was && was.lifecycle.active && was.activatedAt === a.activatedAt) continue;
      out.push({
        key: `alarm:${a.id}:${a.activatedAt ?? a.lastChange}`,
        title: { zh: `${a.priority} 级报警 · ${a.source}`, en: `Priority ${a.priority} alarm · ${a.source}` },
        body: a.message,
        urgency: a.priority === 1 ? 'critical' : 'normal',
      });
    }
    out.sort((x, y) => (x.urgency === y.urgency ? 0 : x.urgency === 'critical' ? -1 : 1));
  }
  const notices = next.emergency?.notices ?? {};
  if (prefs.evacuation && notices !== prev.emergency?.notices) {
    for (const [incident, n] of Object.entries(notices)) {
      const was = prev.emergency?.notices?.[incident];
      if (was && was.time === n.time) continue;
      const drill = next.emergency.incidents[incident]?.drill === true;
      const tag = drill ? { zh: '【演练】', en: '[DRILL] ' } : { zh: '', en: '' };
      out.unshift({
        key: `evac:${incident}:${n.time}`,
        title: { zh: `${tag.zh}疏散通知 · ${incident}`, en: `${tag.en}Evacuation notice · ${incident}` },
        body: { zh: `已通知 ${n.recipients} 人，集合点：${n.musterPoints.join('、') || '—'}`, en: `${n.recipients} people notified; muster at ${n.musterPoints.join(', ') || '—'}` },
        urgency: 'critical',
      });
    }
  }
  if (out.length <= NOTICE_BURST) return out;
  const rest = out.length - (NOTICE_BURST - 1);
  return [
    ...out.slice(0, NOTICE_BURST - 1),
    { key: `more:${next.seq}`, title: { zh: `另有 ${rest} 条报警`, en: `${rest} more alarms` }, body: { zh: '请查看报警列表', en: 'See the alarm list' }, urgency: 'normal' },
  ];
}

export const priorityChoices: readonly NotifyPrefs['alarmPriority'][] = [0, 1, 2, 3, 4];
