import { useTranslation } from 'react-i18next';
import { alarmStore, useAlarms, type DockTab } from '../../stores/alarmStore';
import { useCommandState } from '../../stores/commandStore';
import { AlarmList } from './AlarmList';
import { KpiPanel } from './KpiPanel';
import { NotificationFeed } from './NotificationFeed';
import { RiskPanel } from './RiskPanel';
import { PeoplePanel } from '../people/PeoplePanel';
import { useOccupancy } from '../../stores/peopleStore';
import { HazardPanel, useOpenHazardCount } from '../hazard/HazardPanel';
import { RobotsPanel, useRobotAttention } from '../robots/RobotsPanel';
import { IncidentPanel, useIncidentBadge } from '../incident/IncidentPanel';
import { levelLook } from '../../incident/incidentView';
import { useActiveLayout } from '../../layout/consoleLayouts';
import { orderedTabs } from '../../layout/orderedTabs';
import { DrillPanel } from '../drill/DrillPanel';
import { canCoordinate } from '../../drill/drillUi';
import { useUi } from '../../stores/uiStore';

// Incident command first: in the worst hour it is the commander's screen; its badge takes the most severe active level's colour.
// Drill control only for those who run drills (others see the DRILL banner only).
const tabs: readonly DockTab[] = ['incident', 'alarms', 'notifications', 'kpi', 'risk', 'people', 'hazards', 'robots', 'drill'];

/**
 * The dock under the map: the alarm list, the notification feed, the KPI panel, the risk
 * register and people & zones, one at a time; clicking the open tab folds the dock away to give the map the room.
 */
export function AlarmDock({ onLocate }: { onLocate: (id: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const dock = useAlarms((s) => s.dock);
  const layoutTabs = useActiveLayout((l) => l.dock.tabs);
  const heightPct = useActiveLayout((l) => l.dock.heightPct);
  const annunciated = useAlarms((s) => s.summary.totalAnnunciated);
  const notes = useCommandState((s) => s.notifications.length);
  const raised = useCommandState((s) => Object.values(s.risks).filter((r) => r.current !== r.inherent).length);
  const onSite = useOccupancy((s) => s.onSite);
  const openHazardCount = useOpenHazardCount();
  const robotAttention = useRobotAttention();
  const incident = useIncidentBadge();
  const drillTab = canCoordinate(useUi((s) => s.user?.role));
  const drilling = useCommandState((s) => (s.drill.active ? 1 : 0));
  const badge: Record<DockTab, number> = { incident: incident.count, alarms: annunciated, notifications: notes, kpi: 0, risk: raised, people: onSite, hazards: openHazardCount, robots: robotAttention, drill: drilling };
  return (
    <section className={`dock${dock ? ' dock-open' : ''}`} data-testid="dock" data-tab={dock ?? ''} style={dock ? { height: `${heightPct}vh` } : undefined}>
      <nav className="dock-tabs" role="tablist">
        {orderedTabs(tabs, layoutTabs).filter((tab) => tab !== 'drill' || drillTab).map((tab) => (
          <button key={tab} role="tab" aria-selected={dock === tab} className={dock === tab ? 'active' : ''} data-testid={`dock-${tab}`} onClick={() => alarmStore.getState().openDock(dock === tab ? null : tab)}>
            {t(`dock.${tab}`)}
            {badge[tab] > 0 && (
              <span className="dock-badge" style={tab === 'incident' && incident.level ? { background: levelLook(incident.level).bg, color: levelLook(incident.level).fg } : undefined}>
                {tab === 'incident' && incident.level ? `${incident.level} · ${badge[tab]}` : badge[tab]}
              </span>
            )}
          </button>
        ))}
        <span className="dock-fold">{dock ? '▾' : '▴'}</span>
      </nav>
      {dock && (
        <div className="dock-body">
          {dock === 'alarms' && <AlarmList onLocate={onLocate} />}
          {dock === 'notifications' && <NotificationFeed />}
          {dock === 'kpi' && <KpiPanel />}
          {dock === 'risk' && <RiskPanel />}
          {dock === 'people' && <PeoplePanel />}
          {dock === 'hazards' && <HazardPanel />}
          {dock === 'robots' && <RobotsPanel />}
          {dock === 'incident' && <IncidentPanel />}
          {dock === 'drill' && <DrillPanel />}
        </div>
      )}
    </section>
  );
}
