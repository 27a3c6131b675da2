import { useTranslation } from 'react-i18next';
import { Quality } from '../../../shared/plant/band';
import type { TagReading } from './tagView';

/**
 * The state of a reading in words, styled like its map marker: nothing loud when normal;
 * alarm colour, shape and text when not.
 */
export function StateBadge({ r }: { r: TagReading }): React.JSX.Element {
  const { t } = useTranslation();
  if (r.stale || r.quality === Quality.Offline) return <span className="badge badge-stale">{t('tag.stale')}</span>;
  if (r.quality === Quality.Bad || r.band === 'bad') return <span className="badge badge-bad">{t('band.bad')}</span>;
  if (r.band === 'hh' || r.band === 'll') return <span className="badge badge-alarm">{t(`band.${r.band}`)}</span>;
  if (r.band === 'h' || r.band === 'l') return <span className="badge badge-warning">{t(`band.${r.band}`)}</span>;
  return <span className="badge badge-normal">{t('band.normal')}</span>;
}

export function AgeText({ r }: { r: TagReading }): React.JSX.Element {
  const { t } = useTranslation();
  return <>{r.age ? t(`age.${r.age.key}`, { n: r.age.n }) : t('age.never')}</>;
}
