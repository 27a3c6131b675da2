import { useTranslation } from 'react-i18next';
import { useCommandState } from '../../stores/commandStore';
import { useUi } from '../../stores/uiStore';

/**
 * The DRILL banner on the wall while a drill runs or is paused (state.drill.active). A stand-in
 * until the drill engineer's banner (renderer/src/ui/drill) lands: replace this component's
 * body with theirs; the wall only needs it to take no props and render nothing without a drill.
 */
export function WallDrillBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const drill = useCommandState((s) => s.drill?.active ?? null);
  if (!drill) return null;
  return (
    <div className="wall-drill" data-testid="wall-drill" data-state={drill.state} role="alert">
      {t('wall.drillBanner')} · {drill.name[lang]}
      {drill.state === 'paused' ? ` · ${t('wall.drillPaused')}` : ''}
      {drill.announcement ? ` — ${drill.announcement[lang]}` : ''}
    </div>
  );
}
