import type { AlarmRecord, Priority } from '../../shared/alarm/model';
import type { NotificationPolicy } from '../../shared/plant/alarmConfig';
import type { LocalText } from '../../shared/plant/schema';

export type Recipient = NotificationPolicy['recipients'][number];

/** A consolidated webhook body lists this many alarms in full; `alarmCount` and `alarmIds` carry all. */
export const MAX_ALARMS_IN_BODY = 50;

/**
 * The webhook contract (version 1) that SMS, voice and IM gateways hang off; documented with an
 * example in docs/interlocks-notifications-risk.md. Fields are only ever added.
 */
export interface WebhookBody {
  schema: 'vigil.alarm-notification/1';
  /** Unique per notice and recipient; a gateway can drop a repeat (the one retry) by it. */
  id: string;
  plant: { id: string; name: LocalText };
  /** ISO 8601 and ms since epoch, server time. */
  sentAt: string;
  time: number;
  recipient: { id: string; name: LocalText; role: Recipient['role']; areas: Recipient['areas'] };
  /** The recipient's channels in the policy (console is the journal; webhook is this). */
  channels: Recipient['channels'];
  /** 0 = first notice, n = the n-th escalation while unacknowledged. */
  step: number;
  escalation: boolean;
  consolidated: boolean;
  /** Highest priority among the alarms (1 highest). */
  priority: Priority;
  alarmCount: number;
  alarmIds: string[];
  alarms: {
    id: string;
    kind: AlarmRecord['kind'];
    source: string;
    area: string;
    areaName: LocalText;
    equipment: string | null;
    priority: Priority;
    message: LocalText;
    value: number | null;
    limit: number | null;
    unit: string | null;
    activatedAt: number | null;
  }[];
  /** Ready-made short text for SMS and voice. */
  text: LocalText;
}

const priorityZh = ['', '一级', '二级', '三级', '四级'] as const;

/** The short bilingual text of a notice. */
export function noticeText(alarms: readonly AlarmRecord[], step: number, consolidated: boolean, areaName: (id: string) => LocalText): LocalText {
  const top = Math.min(...alarms.map((a) => a.priority)) as Priority;
  const esc = step > 0 ? { zh: `【升级通知 第${step}级，未确认】`, en: `[Escalation ${step}, unacknowledged] ` } : { zh: '', en: '' };
  const first = alarms[0] as AlarmRecord;
  if (!consolidated && alarms.length === 1) {
    return {
      zh: `${esc.zh}【Vigil ${priorityZh[first.priority]}报警】${first.message.zh}`,
      en: `${esc.en}[Vigil priority ${first.priority} alarm] ${first.message.en}`,
    };
  }
  const areas = [...new Set(alarms.map((a) => a.area))];
  const shown = areas.slice(0, 5);
  const more = areas.length > shown.length ? { zh: ` 等 ${areas.length} 个区域`, en: ` and ${areas.length - shown.length} more areas` } : { zh: '', en: '' };
  return {
    zh: `${esc.zh}【Vigil 报警汇总】${alarms.length} 个报警（最高${priorityZh[top]}），区域：${shown.map((a) => areaName(a).zh).join('、')}${more.zh}`,
    en: `${esc.en}[Vigil alarm summary] ${alarms.length} alarms (highest priority ${top}) in ${shown.map((a) => areaName(a).en).join(', ')}${more.en}`,
  };
}

export function webhookBody(o: {
  id: string;
  plant: { id: string; name: LocalText };
  now: number;
  recipient: Recipient;
  step: number;
  consolidated: boolean;
  alarms: readonly AlarmRecord[];
  areaName: (id: string) => LocalText;
}): WebhookBody {
  const r = o.recipient;
  return {
    schema: 'vigil.alarm-notification/1',
    id: o.id,
    plant: o.plant,
    sentAt: new Date(o.now).toISOString(),
    time: o.now,
    recipient: { id: r.id, name: r.name, role: r.role, areas: r.areas },
    channels: r.channels,
    step: o.step,
    escalation: o.step > 0,
    consolidated: o.consolidated,
    priority: Math.min(...o.alarms.map((a) => a.priority)) as Priority,
    alarmCount: o.alarms.length,
    alarmIds: o.alarms.map((a) => a.id),
    alarms: o.alarms.slice(0, MAX_ALARMS_IN_BODY).map((a) => ({
      id: a.id,
      kind: a.kind,
      source: a.source,
      area: a.area,
      areaName: o.areaName(a.area),
      equipment: a.equipment,
      priority: a.priority,
      message: a.message,
      value: a.value,
      limit: a.limit,
      unit: a.unit,
      activatedAt: a.activatedAt,
    })),
    text: noticeText(o.alarms, o.step, o.consolidated, o.areaName),
  };
}
