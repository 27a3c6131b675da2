import { useCallback, useEffect, useRef, useState } from 'react';
import { useConsole } from '../../app/ConsoleContext';
import type { DataSource } from '../../data/DataSource';
import type { MapView } from '../../map/MapView';
import { useAlarms } from '../../stores/alarmStore';
import { useCommandState } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import type { WallMode } from '../../wall/wallMode';
import { incidentLines } from '../../wall/overviewView';
import { MapCanvas } from '../MapCanvas';
import { useTicker } from '../useTicker';
import { fitToAspect, TOUR_STEP_MS, tourStop, tourStops } from './mapTour';
import { useWallFeeds } from './useWallFeeds';
import { WallAlarmList } from './WallAlarmList';
import { WallDrillBanner } from './WallDrillBanner';
import { WallLinkBanner, WallTopBar } from './WallTopBar';
import { AlarmTile, HazardTile, HealthTile, IncidentTile, PeopleTile, RateTile, RiskTile, RobotTile } from './WallTiles';
import './wall.css';

/** The map's slow tour; it holds the whole plant while a priority-1 alarm or a real incident is up. */
function useMapTour(view: MapView | null, tour: boolean, box: React.RefObject<HTMLDivElement | null>): void {
  const plant = usePlant((s) => s.plant);
  const p1 = useAlarms((s) => s.summary.annunciated[1] > 0);
  const incident = useCommandState((s) => incidentLines(s.emergency, 0).some((l) => !l.drill));
  const step = useTicker(TOUR_STEP_MS, tour);
  useEffect(() => {
    if (!view || !plant) return;
    const stop = tourStop(tourStops(view.overview(), plant.areas), step, !tour || p1 || incident);
    const el = box.current;
    if (stop) view.flyTo(el && el.clientHeight > 0 ? fitToAspect(stop, el.clientWidth / el.clientHeight) : stop);
  }, [view, plant, step, tour, p1, incident, box]);
}

/**
 * The wall display (ISA-101 level 1): read-only, large type, no control that acts on the plant.
 * `overview`: the map beside the plant at a glance; `map`: the map alone; `alarms`: the alarm
 * list. The top line (link, data age, clock) and the drill banner are on every wall screen.
 */
export function WallApp({ mode, source, onView }: { mode: WallMode; source: DataSource; onView?: (v: MapView | null) => void }): React.JSX.Element {
  const controller = useConsole();
  const presence = useUi((s) => s.presence);
  const [view, setView] = useState<MapView | null>(null);
  const onMap = useCallback(
    (v: MapView | null) => {
      setView(v);
      onView?.(v);
    },
    [onView],
  );
  const mapBox = useRef<HTMLDivElement>(null);
  useMapTour(view, mode.tour, mapBox);
  const feeds = useWallFeeds(source);
  useTicker(2000);
  const now = controller.now();
  return (
    <div className={`wall wall-${mode.view}${presence !== 'live' ? ' wall-stale' : ''}`} data-testid="wall" data-view={mode.view}>
      <WallTopBar />
      <WallLinkBanner />
      <WallDrillBanner />
      <main className="wall-main">
        {mode.view !== 'alarms' && (
          <div className="wall-map" ref={mapBox}>
            <MapCanvas onView={onMap} presets={false} />
          </div>
        )}
        {mode.view === 'overview' && (
          <div className="wall-tiles">
            <AlarmTile />
            <RateTile feeds={feeds} now={now} />
            <IncidentTile now={now} />
            <RiskTile />
            <PeopleTile />
            <HazardTile now={now} />
            <RobotTile now={now} />
            <HealthTile now={now} />
          </div>
        )}
        {mode.view === 'alarms' && <WallAlarmList />}
      </main>
    </div>
  );
}
