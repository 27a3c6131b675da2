import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapView } from '../map/MapView';
import { alarmStore } from '../stores/alarmStore';
import { usePlant } from '../stores/plantStore';
import { useUi } from '../stores/uiStore';
import { AlarmBanner } from '../ui/alarm/AlarmBanner';
import { AlarmDock } from '../ui/alarm/AlarmDock';
import { CommandToasts } from '../ui/alarm/CommandToasts';
import { FloodBanner } from '../ui/alarm/FloodBanner';
import { RiskTooltip } from '../ui/alarm/RiskTooltip';
import { Header } from '../ui/Header';
import { Legend } from '../ui/Legend';
import { MapCanvas } from '../ui/MapCanvas';
import { SignInDialog } from '../ui/SignInDialog';
import { TagPanel } from '../ui/TagPanel';
import { TagTooltip } from '../ui/TagTooltip';
import { PersonTooltip } from '../ui/people/PersonTooltip';
import { PersonCard } from '../ui/people/PersonCard';
import { RobotTooltip } from '../ui/robots/RobotTooltip';
import { RobotCard } from '../ui/robots/RobotCard';
import { LayoutMenu } from '../layout/LayoutMenu';
import { useLayoutBinding } from '../layout/useLayoutBinding';
import { ReplayIndicator } from '../ui/replay/ReplayIndicator';
import { TimelineBar } from '../ui/replay/TimelineBar';
import { DrillBanner } from '../ui/drill/DrillBanner';
import { ScoreCard } from '../ui/drill/ScoreCard';
import { DrillReview } from '../ui/drill/DrillReview';
import { TraceView } from '../ui/trace/TraceView';

const locate = (id: string): void => alarmStore.getState().requestLocate(id);

/**
 * The console shell: header and alarm banner on top (on every screen), the plant map with its
 * overlays (the flood banner across its top when the alarm system floods: an overlay, so that
 * a flood never resizes the map) over the alarm dock, and the selected tag's panel on the right.
 */
export function App({ onView }: { onView?: (view: MapView | null) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const plant = usePlant((s) => s.plant);
  const presence = useUi((s) => s.presence);
  const detail = useUi((s) => s.presenceDetail);
  const stale = presence !== 'live';
  const [view, setView] = useState<MapView | null>(null);
  const handleView = useCallback(
    (v: MapView | null) => {
      setView(v);
      onView?.(v);
    },
    [onView],
  );
  useLayoutBinding(view);
  return (
    <div className={`app${stale ? ' app-stale' : ''}`}>
      <Header />
      <ReplayIndicator />
      <DrillBanner />
      <AlarmBanner />
      <main className="main">
        <div className="work">
          <div className="map-area">
            <MapCanvas onView={handleView} />
            <FloodBanner />
            {!plant && <div className="empty">{presence === 'offline' ? t('app.noPlant') : t('app.loadingPlant')}</div>}
            {plant && <Legend />}
            {plant && <LayoutMenu />}
            <TagTooltip />
            <PersonTooltip />
            <PersonCard />
            <RobotTooltip />
            <RobotCard />
            <RiskTooltip />
          </div>
          <AlarmDock onLocate={locate} />
        </div>
        <TagPanel />
      </main>
      <TimelineBar />
      <CommandToasts />
      <ScoreCard />
      <DrillReview />
      <TraceView />
      {presence === 'error' && detail === 'sign_in' && <SignInDialog />}
    </div>
  );
}
