import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommandState } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { formatClock } from '../format';

/**
 * Graded pushes (分级预警) as the server journaled them: who was told about which alarms, on
 * which channel, first notice or escalation step, delivered or failed. Newest first.
 */
export function NotificationFeed(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const notes = useCommandState((s) => s.notifications);
  const alarms = useCommandState((s) => s.alarms);
  const people = useMemo(() => new Map((plant?.notifications?.recipients ?? []).map((r) => [r.id, r])), [plant]);
  const list = useMemo(() => [...notes].reverse(), [notes]);
  if (list.length === 0) return <div className="feed-empty" data-testid="notification-feed">{t('notify.empty')}</div>;
  return (
    <div className="feed" data-testid="notification-feed">
      {list.map((n) => {
        const who = people.get(n.recipient);
        const first = alarms[n.alarmIds[0]!];
        const error = n.error;
        return (
          <div key={n.seq} className={`feed-row${n.delivered ? '' : ' failed'}`} data-testid="notification" data-delivered={n.delivered}>
            <span className="feed-time">{formatClock(n.time, lang, plant?.meta.timezone, false)}</span>
            <span className="feed-who" title={who ? t(`recipientRole.${who.role}`) : undefined}>
              {who ? who.name[lang] : n.recipient}
            </span>
            <span className="feed-step">{n.step === 0 ? t('notify.first') : t('notify.escalation', { n: n.step })}</span>
            <span className="feed-channel">{t(`notify.channel.${n.channel}`)}</span>
            <span className="feed-what">
              {n.consolidated ? t('notify.consolidated', { n: n.alarmCount ?? n.alarmIds.length }) : first ? first.message[lang] : n.alarmIds.join(', ')}
            </span>
            <span className="feed-result">{n.delivered ? `✓ ${t('notify.delivered')}` : `✗ ${t('notify.failed')}${error ? `: ${error}` : ''}`}</span>
          </div>
        );
      })}
    </div>
  );
}
