import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/ConsoleContext';
import { usePlant } from '../../stores/plantStore';
import { tagStore } from '../../stores/tagStore';
import { useUi } from '../../stores/uiStore';
import { ageParts, formatClock } from '../format';
import { useTicker } from '../useTicker';

/** Data older than this shows the age in the abnormal colour, ms. */
const WALL_AGE_WARN_MS = 5000;

/**
 * The wall's top line, read from across the room: plant, link state (a large "reconnecting"
 * while the server is away), how old the data is, and the plant clock. Nothing to click.
 */
export function WallTopBar(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const presence = useUi((s) => s.presence);
  const detail = useUi((s) => s.presenceDetail);
  useTicker(1000);
  const now = controller.now();
  const newest = tagStore.newestTime;
  const age = newest > 0 ? Math.max(0, now - newest) : null;
  const parts = age === null ? null : ageParts(age);
  const old = age === null || age > WALL_AGE_WARN_MS || presence !== 'live';
  return (
    <header className="wall-top" data-testid="wall-top">
      <span className="wall-plant">{plant ? plant.meta.name[lang] : t('app.title')}</span>
      <span className={`wall-presence wall-presence-${presence}`} data-testid="wall-presence" data-presence={presence} role="status">
        {presence === 'live' ? `● ${t('presence.live')}` : `◌ ${t(presence === 'error' && detail === 'sign_in' ? 'wall.notProvisioned' : `wall.presence.${presence}`)}`}
      </span>
      <span className={`wall-age${old ? ' wall-age-old' : ''}`} data-testid="wall-age" data-age-ms={age ?? ''}>
        {parts ? t('wall.dataAge', { age: t(`age.${parts.key}`, { n: parts.key === 's' ? Math.round(parts.n) : parts.n }) }) : t('header.noData')}
      </span>
      <span className="wall-clock" data-testid="wall-clock">
        {formatClock(now, lang, plant?.meta.timezone, false)}
      </span>
    </header>
  );
}

/**
 * While the link is down, a full-width banner says so in large type: what is on the wall is the
 * last known state, as of when. It goes away by itself when the link is live again.
 */
export function WallLinkBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const presence = useUi((s) => s.presence);
  const lastLiveAt = useUi((s) => s.lastLiveAt);
  if (presence === 'live') return null;
  return (
    <div className="wall-link" data-testid="wall-link" role="alert">
      ◌ {t(`wall.presence.${presence}`)} — {t('wall.lastKnown')}
      {lastLiveAt ? ` · ${t('wall.lastLive', { time: formatClock(lastLiveAt, lang, plant?.meta.timezone, false) })}` : ''}
    </div>
  );
}
