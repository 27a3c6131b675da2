import { useTranslation } from 'react-i18next';
import { alarmStore, useAlarms } from '../../stores/alarmStore';
import { useCommandState } from '../../stores/commandStore';

/**
 * Annunciated alarms beyond which the console treats the list as flooded even before the
 * server's flood event (the server counts over 10 minutes; a burst shows here at once).
 */
export const FLOOD_LIST_THRESHOLD = 100;

/** The flood banner (ISA-18.2 / EEMUA 191 alarm flood) and the way into the flood-mode list. */
export function FloodBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const flood = useCommandState((s) => s.flood);
  const total = useAlarms((s) => s.summary.totalAnnunciated);
  const unacked = useAlarms((s) => s.summary.totalUnacked);
  const floodView = useAlarms((s) => s.floodView);
  if (!flood.flooding && total <= FLOOD_LIST_THRESHOLD) return null;
  return (
    <div className="flood-banner" data-testid="flood-banner" role="alert">
      <span className="flood-title">⚠ {t('flood.title')}</span>
      <span>{flood.flooding ? t('flood.rate', { n: Math.round(flood.ratePer10Min) }) : t('flood.many', { n: total })}</span>
      <span>{t('flood.unacked', { n: unacked, total })}</span>
      {!floodView && (
        <button
          data-testid="flood-open"
          onClick={() => {
            alarmStore.getState().setFloodView(true);
            alarmStore.getState().openDock('alarms');
          }}
        >
          {t('flood.groupedList')}
        </button>
      )}
    </div>
  );
}
