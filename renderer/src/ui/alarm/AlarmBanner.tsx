import { useTranslation } from 'react-i18next';
import { priorities } from '../../../../shared/alarm/model';
import { priorityStyles } from '../../alarm/alarmStyle';
import { alarmStore, useAlarms } from '../../stores/alarmStore';
import { useCommandState } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { formatClock } from '../format';
import { alarmValueText } from './alarmText';
import { PriorityMark } from './PriorityMark';
import { SoundControl } from './SoundControl';
import { showAlarm } from './showAlarm';

/**
 * The alarm banner, on every screen under the header: the newest of the highest-priority
 * unacknowledged alarms (time, source, message, value), the count of unacknowledged alarms per
 * priority, the flood indicator and the sound control. Grey and quiet when nothing needs
 * attention (ISA-101); a click on the alarm opens the list with it selected.
 */
export function AlarmBanner(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const tz = usePlant((s) => s.plant?.meta.timezone);
  const banner = useAlarms((s) => s.summary.banner);
  const unacked = useAlarms((s) => s.summary.unacked);
  const annunciated = useAlarms((s) => s.summary.annunciated);
  const flood = useCommandState((s) => s.flood);
  const a = banner?.alarm;
  return (
    <div className={`alarm-banner${a ? ` alarm-banner-p${a.priority}` : ''}`} data-testid="alarm-banner" data-alarm={a?.id ?? ''} role="region" aria-label={t('banner.title')}>
      {a ? (
        <button className="banner-alarm" onClick={() => showAlarm(a.id)} data-testid="banner-alarm" title={t('banner.open')}>
          <PriorityMark priority={a.priority} size="lg" />
          <span className="banner-time">{formatClock(banner.time, lang, tz, false)}</span>
          <span className="banner-source">{a.source}</span>
          <span className="banner-message">{a.message[lang]}</span>
          <span className="banner-value">{alarmValueText(a)}</span>
        </button>
      ) : (
        <span className="banner-calm" data-testid="banner-calm">
          {t('banner.calm')}
        </span>
      )}
      <span className="banner-counts" aria-label={t('banner.counts')}>
        {priorities.map((p) => (
          <button
            key={p}
            className={`banner-count${unacked[p] > 0 ? ' banner-count-hot' : ''}`}
            style={unacked[p] > 0 ? { background: priorityStyles[p].css, color: priorityStyles[p].ink } : undefined}
            data-testid={`banner-count-${p}`}
            data-unacked={unacked[p]}
            title={t('banner.countTitle', { p, unacked: unacked[p], total: annunciated[p] })}
            onClick={() => {
              alarmStore.getState().setFilter({ priorities: [p] });
              alarmStore.getState().openDock('alarms');
            }}
          >
            <span aria-hidden="true">{priorityStyles[p].glyph}</span> {unacked[p]}
            <span className="banner-count-total">/{annunciated[p]}</span>
          </button>
        ))}
      </span>
      {flood.flooding && (
        <span className="banner-flood" data-testid="banner-flood">
          {t('flood.indicator', { n: Math.round(flood.ratePer10Min) })}
        </span>
      )}
      <SoundControl />
    </div>
  );
}
