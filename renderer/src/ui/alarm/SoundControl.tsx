import { useTranslation } from 'react-i18next';
import { useAlarmConsole } from '../../app/AlarmContext';
import { useAnnunciation } from '../../app/AlarmConsole';
import { priorityStyles } from '../../alarm/alarmStyle';

/**
 * Audible annunciation controls: "enable sound" while the browser holds audio suspended (it
 * needs a user gesture), Silence while a tone sounds (until a new alarm), and Mute.
 */
export function SoundControl(): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const a = useAnnunciation();
  return (
    <span className="sound" data-testid="sound" data-sounding={a.sounding ?? ''} data-audio={a.audio} data-silenced={a.silenced} data-muted={a.muted}>
      {a.audio === 'suspended' && (
        <button className="sound-enable" data-testid="sound-enable" onClick={() => void ac.annunciator.enableAudio()}>
          ♪ {t('sound.enable')}
        </button>
      )}
      {a.audio === 'unavailable' && <span className="sound-note">{t('sound.unavailable')}</span>}
      {a.sounding !== null && (
        <span className="sound-on" style={{ borderColor: priorityStyles[a.sounding].css }}>
          ♪ {t('sound.sounding', { p: a.sounding })}
        </span>
      )}
      <button data-testid="sound-silence" disabled={a.sounding === null} onClick={() => ac.annunciator.silence()} title={t('sound.silenceTitle')}>
        {t('sound.silence')}
      </button>
      <button data-testid="sound-mute" aria-pressed={a.muted} className={a.muted ? 'active' : ''} onClick={() => ac.annunciator.setMuted(!a.muted)}>
        {a.muted ? t('sound.unmute') : t('sound.mute')}
      </button>
    </span>
  );
}
