import { useEffect, useRef, useState } from 'react';
import { useConsole } from '../app/ConsoleContext';
import { MapView } from '../map/MapView';
import { usePlant } from '../stores/plantStore';
import { tagStore } from '../stores/tagStore';
import { uiStore, useUi } from '../stores/uiStore';
import { CameraPresets } from './CameraPresets';

/** The React host of the imperative MapView: mounts it once and forwards structure changes. */
export function MapCanvas({ onView }: { onView?: (view: MapView | null) => void }): React.JSX.Element {
  const controller = useConsole();
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<MapView | null>(null);
  const plant = usePlant((s) => s.plant);
  const lang = useUi((s) => s.lang);
  const selected = useUi((s) => s.selected);

  useEffect(() => {
    const v = new MapView({
      canvas: canvas.current!,
      overlay: overlay.current!,
      store: tagStore,
      now: () => controller.now(),
      lang: uiStore.getState().lang,
      onHover: (h) => uiStore.getState().setHover(h),
      onSelect: (i) => uiStore.getState().select(i),
    });
    setView(v);
    onView?.(v);
    return () => {
      onView?.(null);
      v.dispose();
    };
  }, [controller, onView]);

  useEffect(() => {
    if (view && plant) view.setPlant(plant);
  }, [view, plant]);
  useEffect(() => view?.setLanguage(lang), [view, lang]);
  useEffect(() => view?.setSelected(selected), [view, selected]);

  return (
    <div className="map">
      <canvas ref={canvas} className="map-canvas" data-testid="map-canvas" />
      <div ref={overlay} className="map-overlay" />
      {view && plant && <CameraPresets view={view} />}
    </div>
  );
}
