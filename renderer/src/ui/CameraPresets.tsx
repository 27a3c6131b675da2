import { useTranslation } from 'react-i18next';
import type { MapView } from '../map/MapView';
import { usePlant } from '../stores/plantStore';
import { useUi } from '../stores/uiStore';

/** One button per area (its `camera` preset from the plant model) and one for the whole plant. */
export function CameraPresets({ view }: { view: MapView }): React.JSX.Element | null {
  const { t } = useTranslation();
  const plant = usePlant((s) => s.plant);
  const lang = useUi((s) => s.lang);
  if (!plant) return null;
  return (
    <nav className="presets" aria-label={t('camera.title')}>
      <div className="presets-title">{t('camera.title')}</div>
      <button
        data-testid="preset-overview"
        onClick={() => {
          const o = view.overview();
          if (o) view.flyTo(o);
        }}
      >
        {t('camera.overview')}
      </button>
      {plant.areas.map((a) => (
        <button key={a.id} data-testid={`preset-${a.id}`} onClick={() => view.flyTo(a.camera)} title={a.name[lang]}>
          {a.name[lang]}
        </button>
      ))}
    </nav>
  );
}
