import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/ConsoleContext';
import { drillElapsedMs, formatDrillClock } from '../../drill/drillClock';
import { drillUi } from '../../drill/drillUi';
import { commandStore, useCommandState } from '../../stores/commandStore';
import { useUi } from '../../stores/uiStore';
import { useTicker } from '../useTicker';

/**
 * DRILL 演练 across every console while a drill runs or is paused (state.drill.active): the
 * scenario, the drill clock, paused, and the latest announcement. Green and hatched: it must be
 * unmistakable, and must not look like an alarm (no priority colour). When a drill this console
 * saw ends, its score card opens once.
 */
export function DrillBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const controller = useConsole();
  const active = useCommandState((s) => s.drill.active);
  const lang = useUi((s) => s.lang);
  useTicker(500, !!active);
  useScoreCardOnEnd();
  if (!active) return null;
  const paused = active.state === 'paused';
  return (
    <div className={`drill-banner${paused ? ' drill-paused' : ''}`} role="status" data-testid="drill-banner" data-drill={active.id} data-state={active.state}>
      <span className="drill-word">DRILL 演练</span>
      <span className="drill-name" data-testid="drill-name">
        {active.name[lang]}
      </span>
      <span className="drill-clock" data-testid="drill-clock">
        T+{formatDrillClock(drillElapsedMs(active, controller.now()))}
      </span>
      {paused && <span className="drill-pause">❚❚ {t('drill.paused')}</span>}
      {active.announcement && (
        <span className="drill-announce" data-testid="drill-announcement">
          » {active.announcement[lang]}
        </span>
      )}
      <span className="drill-note">{t('drill.notReal')}</span>
    </div>
  );
}

/** Opens the score card once when a drill that was active on this console has finished and been scored. */
function useScoreCardOnEnd(): void {
  const recent = useCommandState((s) => s.drill.recent);
  useEffect(() => {
    const seen = drillUi.getState();
    const last = recent.at(-1);
    if (!last || seen.shown.includes(last.drill.id)) return;
    // Only a drill that ended while this console watched (not one filed before it started).
    if (!watched.has(last.drill.id)) return;
    seen.markShown(last.drill.id);
    seen.openScore(last.drill.id);
  }, [recent]);
}

/** Drills seen active by this console. */
const watched = new Set<string>();
commandStore.subscribe((s) => {
  const a = s.state.drill.active;
  if (a) watched.add(a.id);
});
