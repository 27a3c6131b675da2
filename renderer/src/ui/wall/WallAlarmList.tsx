import { useTranslation } from 'react-i18next';
import { useAlarms } from '../../stores/alarmStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { formatClock } from '../format';
import { PriorityMark } from '../alarm/PriorityMark';
import { alarmValueText } from '../alarm/alarmText';

/** Rows a wall's alarm screen shows; the rest are counted ("+ N more"). */
export const WALL_ALARM_ROWS = 14;

/**
 * The wall's alarm screen: the annunciated alarms, priority first then newest, in large type;
 * unacknowledged ones bold. Nothing can be selected or acknowledged here.
 */
export function WallAlarmList({ limit = WALL_ALARM_ROWS }: { limit?: number }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const rows = useAlarms((s) => s.summary.rows);
  const shown = rows.filter((r) => r.annunciated);
  const areaName = (id: string): string => plant?.areas.find((a) => a.id === id)?.name[lang] ?? id;
  return (
    <section className="wall-alarms" data-testid="wall-alarm-list">
      {shown.length === 0 && <div className="wall-quiet wall-alarms-none">{t('wall.noAlarms')}</div>}
      {shown.slice(0, limit).map((r) => (
        <div key={r.alarm.id} className={`wall-alarm-row${r.attention ? ' wall-alarm-attention' : ''}`} data-testid="wall-alarm-row" data-alarm={r.alarm.id}>
          <PriorityMark priority={r.alarm.priority} state={r.state} size="lg" />
          <span className="wall-alarm-time">{formatClock(r.time, lang, plant?.meta.timezone, false)}</span>
          <span className="wall-alarm-area">{areaName(r.alarm.area)}</span>
          <span className="wall-alarm-msg">
            {r.alarm.source} · {r.alarm.message[lang]}
          </span>
          <span className="wall-alarm-value">{alarmValueText(r.alarm)}</span>
          <span className="wall-alarm-state">{t(`alarmState.${r.state}`)}</span>
        </div>
      ))}
      {shown.length > limit && <div className="wall-more">{t('wall.more', { n: shown.length - limit })}</div>}
    </section>
  );
}
