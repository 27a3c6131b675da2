import { useTranslation } from 'react-i18next';
import { replayControl } from '../../replay/ReplayControl';
import { useReplay } from '../../replay/replayStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { formatClock } from '../format';
import { useTicker } from '../useTicker';

/**
 * While replaying, a violet frame round the whole console and a banner "REPLAY 回放 <time>"
 * with the way back to live: the console must never be taken for live while it shows a recording.
 */
export function ReplayIndicator(): React.JSX.Element | null {
  const { t } = useTranslation();
  const mode = useReplay((s) => s.mode);
  const status = useReplay((s) => s.status);
  const lang = useUi((s) => s.lang);
  const tz = usePlant((s) => s.plant?.meta.timezone);
  useTicker(250, mode === 'replay');
  if (mode !== 'replay') return null;
  const time = status?.time ?? 0;
  return (
    <>
      <div className="replay-frame" aria-hidden="true" />
      <div className="replay-banner" role="status" data-testid="replay-banner" data-time={time}>
        <span className="replay-word">REPLAY 回放</span>
        <span className="replay-time">{formatClock(time, lang, tz)}</span>
        <span className="replay-state">{status?.playing ? `▶ ${status.speed}×` : `❚❚ ${t('replay.paused')}`}</span>
        <span className="replay-note">{t('replay.noCommands')}</span>
        <button data-testid="replay-back" onClick={() => replayControl()?.backToLive()}>
          ● {t('replay.backToLive')}
        </button>
      </div>
    </>
  );
}
