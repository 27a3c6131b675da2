import { useTranslation } from 'react-i18next';
import type { MapView } from '../map/MapView';
import { usePlant } from '../stores/plantStore';
import { useUi } from '../stores/uiStore';
import { Header } from '../ui/Header';
import { Legend } from '../ui/Legend';
import { MapCanvas } from '../ui/MapCanvas';
import { SignInDialog } from '../ui/SignInDialog';
import { TagPanel } from '../ui/TagPanel';
import { TagTooltip } from '../ui/TagTooltip';

/** The console shell: header on top, the plant map with its overlays, the selected tag's panel. */
export function App({ onView }: { onView?: (view: MapView | null) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const plant = usePlant((s) => s.plant);
  const presence = useUi((s) => s.presence);
  const detail = useUi((s) => s.presenceDetail);
  const stale = presence !== 'live';
  return (
    <div className={`app${stale ? ' app-stale' : ''}`}>
      <Header />
      <main className="main">
        <div className="map-area">
          <MapCanvas onView={onView} />
          {!plant && <div className="empty">{presence === 'offline' ? t('app.noPlant') : t('app.loadingPlant')}</div>}
          {plant && <Legend />}
          <TagTooltip />
        </div>
        <TagPanel />
      </main>
      {presence === 'error' && detail === 'sign_in' && <SignInDialog />}
    </div>
  );
}
