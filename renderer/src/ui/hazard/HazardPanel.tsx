import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/ConsoleContext';
import { hazardCounts } from '../../hazard/hazardView';
import { hazardUi, useHazardUi, type HazardPane } from '../../hazard/hazardUi';
import { useCommandState } from '../../stores/commandStore';
import { useTicker } from '../useTicker';
import { HazardList } from './HazardList';
import { HazardDetail } from './HazardDetail';
import { HazardStatsView } from './HazardStatsView';
import { NearMissForm } from './NearMissForm';
import './hazard.css';

const panes: readonly HazardPane[] = ['list', 'stats', 'report'];

/** Open (non-drill) orders, for the dock tab's badge. */
export function useOpenHazardCount(): number {
  return useCommandState((s) => {
    let n = 0;
    for (const h of Object.values(s.work?.hazards ?? {})) if (h.state !== 'closed' && h.state !== 'dismissed' && !h.drill) n++;
    return n;
  });
}

/**
 * The hazards tab (隐患): the work-order list with the selected order's detail beside it, the
 * statistics, and the near-miss report form. Orders come live from the reduced journal
 * (`state.work.hazards`); the clock ticks every 10 s for time-left and overdue.
 */
export function HazardPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const pane = useHazardUi((s) => s.pane);
  const selected = useHazardUi((s) => s.selected);
  const hazards = useCommandState((s) => s.work?.hazards);
  useTicker(10_000);
  const now = controller.now();
  const counts = hazardCounts(Object.values(hazards ?? {}), now);
  const current = selected ? hazards?.[selected] : undefined;
  return (
    <div className="hazard-panel" data-testid="hazard-panel">
      <div className="hazard-bar">
        <span className="hazard-panes" role="tablist">
          {panes.map((p) => (
            <button key={p} role="tab" aria-selected={pane === p} className={pane === p ? 'active' : ''} data-testid={`hazard-pane-${p}`} onClick={() => hazardUi.getState().setPane(p)}>
              {t(`hazard.pane.${p}`)}
            </button>
          ))}
        </span>
        <span className={`hazard-counts${counts.overdue > 0 ? ' has-overdue' : ''}`} data-testid="hazard-counts" data-open={counts.open} data-overdue={counts.overdue}>
          {t('hazard.counts', counts)}
        </span>
      </div>
      {pane === 'list' && (
        <div className={`hazard-split${current ? ' with-detail' : ''}`}>
          <HazardList hazards={hazards} now={now} />
          {current && <HazardDetail hazard={current} now={now} />}
        </div>
      )}
      {pane === 'stats' && <HazardStatsView />}
      {pane === 'report' && <NearMissForm />}
    </div>
  );
}
