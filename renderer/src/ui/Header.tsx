import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/ConsoleContext';
import { usePlant } from '../stores/plantStore';
import { tagStore } from '../stores/tagStore';
import { useUi } from '../stores/uiStore';
import { ConflationIndicator } from './ConflationIndicator';
import { ageParts, formatClock } from './format';
import { LanguageSwitch } from './LanguageSwitch';
import { useTicker } from './useTicker';

/** Data older than this is flagged in the header even while the link is up, ms. */
const DATA_AGE_WARN_MS = 5000;

/** Plant name, link state, data age, clock, user and language: the console's top line. */
export function Header(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const user = useUi((s) => s.user);
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-mark">Vigil</span>
        <span className="plant-name" data-testid="plant-name">
          {plant ? plant.meta.name[lang] : t('app.title')}
        </span>
      </div>
      <div className="header-status">
        <ConnectionIndicator />
        <DataAge />
        <ConflationIndicator />
        <Clock timeZone={plant?.meta.timezone} />
        {user && (
          <span className="user" title={t('header.user')}>
            {user.name} · {t(`role.${user.role}`)}
          </span>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}

function ConnectionIndicator(): React.JSX.Element {
  const { t } = useTranslation();
  const presence = useUi((s) => s.presence);
  const detail = useUi((s) => s.presenceDetail);
  const lastLiveAt = useUi((s) => s.lastLiveAt);
  const fromCache = usePlant((s) => s.fromCache);
  const lang = useUi((s) => s.lang);
  const degraded = presence !== 'live';
  let note = '';
  if (presence === 'error' && detail && detail !== 'sign_in') note = t(`error.${detail}`, { defaultValue: t('error.generic', { message: detail }) });
  else if (presence === 'error' && detail === 'sign_in') note = t('error.unauthenticated');
  else if (degraded) note = `${t('presence.lastKnown')}${lastLiveAt ? ` ${formatClock(lastLiveAt, lang, undefined, false)}` : fromCache ? ` (${t('presence.fromCache')})` : ''}`;
  return (
    <span className={`presence presence-${presence}`} data-testid="presence" data-presence={presence} role="status">
      <span className="presence-dot" aria-hidden="true" />
      <span className="presence-text">{t(`presence.${presence}`)}</span>
      {note && <span className="presence-note">· {note}</span>}
    </span>
  );
}

function DataAge(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const presence = useUi((s) => s.presence);
  useTicker(500);
  const newest = tagStore.newestTime;
  const age = newest > 0 ? controller.now() - newest : null;
  const stale = age === null || age > DATA_AGE_WARN_MS || presence !== 'live';
  const parts = age === null ? null : ageParts(age);
  return (
    <span className={`data-age${stale ? ' data-age-stale' : ''}`} data-testid="data-age">
      {t('header.dataAge')} {parts ? t(`age.${parts.key}`, { n: parts.n }) : t('header.noData')}
    </span>
  );
}

function Clock({ timeZone }: { timeZone: string | undefined }): React.JSX.Element {
  const controller = useConsole();
  const lang = useUi((s) => s.lang);
  useTicker(1000);
  return (
    <span className="clock" data-testid="clock">
      {formatClock(controller.now(), lang, timeZone)}
    </span>
  );
}
