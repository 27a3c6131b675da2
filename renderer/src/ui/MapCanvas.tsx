import { useEffect, useRef, useState } from 'react';
import { useConsole } from '../app/ConsoleContext';
import { MapView } from '../map/MapView';
import { alarmStore } from '../stores/alarmStore';
import { commandStore } from '../stores/commandStore';
import { usePlant } from '../stores/plantStore';
import { tagStore } from '../stores/tagStore';
import { uiStore, useUi } from '../stores/uiStore';
import { CameraPresets } from './CameraPresets';
import { showAlarm } from './alarm/showAlarm';
import { peopleStore } from '../stores/peopleStore';
import { peopleRegistry } from '../people/peopleRegistry';
import { peopleUi } from '../people/peopleUi';
import { robotStore } from '../stores/robotStore';
import { occupancyStore } from '../stores/peopleStore';
import { robotUi } from '../robots/robotUi';
import { useRobotMap } from './robots/useRobotMap';
import { useIncidentMap } from './incident/useIncidentMap';

/** The React host of the imperative MapView: mounts it once and forwards structure changes. `presets` false: no camera buttons (the read-only wall). */
export function MapCanvas({ onView, presets = true }: { onView?: (view: MapView | null) => void; presets?: boolean }): React.JSX.Element {
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
      onSelectAlarm: (id) => {
        showAlarm(id);
        const i = tagStore.indexOf(alarmStore.getState().summary.byId.get(id)?.alarm.source ?? '');
        if (i >= 0) uiStore.getState().select(i);
      },
      onHoverArea: (h) => alarmStore.getState().setRiskHover(h),
      people: peopleStore,
      onHoverPerson: (h) => peopleUi.getState().setHover(h),
      onSelectPerson: (i) => peopleUi.getState().select(i),
      robots: { store: robotStore, onHover: (h) => robotUi.getState().setHover(h), onSelect: (i) => robotUi.getState().select(i) },
      occupancy: occupancyStore,
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
  useRobotMap(view, plant);
  useIncidentMap(view, plant, controller);

  // People: roles from the registry, the follow toggle (vanilla subscriptions).
  useEffect(() => {
    if (!view) return;
    const roles = (): void => view.setPeopleRoles(peopleRegistry.getState().byIndex.map((p) => p?.role));
    const follow = (): void => {
      const u = peopleUi.getState();
      view.follow(u.follow ? u.selected : -1);
    };
    roles();
    follow();
    const offReg = peopleRegistry.subscribe((r, prev) => {
      if (r.byIndex !== prev.byIndex) roles();
    });
    const offUi = peopleUi.subscribe(follow);
    return () => {
      offReg();
      offUi();
    };
  }, [view, plant]);

  // Alarms, risk grades and interlocks follow their stores (vanilla subscriptions: no React renders).
  useEffect(() => {
    if (!view || !plant) return;
    const sync = (): void => {
      const a = alarmStore.getState();
      const o = view.alarmOverlay;
      if (!o) return;
      o.setAlarms(a.summary.rows);
      o.select(a.selected);
      const s = commandStore.getState().state;
      o.setRisks(s.risks);
      o.setInterlocks(s.interlocks);
    };
    sync();
    view.setRiskVisible(alarmStore.getState().riskVisible);
    const offAlarms = alarmStore.subscribe((a, prev) => {
      const o = view.alarmOverlay;
      if (!o) return;
      if (a.summary !== prev.summary) o.setAlarms(a.summary.rows);
      if (a.selected !== prev.selected) o.select(a.selected);
      if (a.riskVisible !== prev.riskVisible) view.setRiskVisible(a.riskVisible);
      if (a.locate && a.locate !== prev.locate) {
        view.flyToAlarm(a.locate.id);
        const i = tagStore.indexOf(a.summary.byId.get(a.locate.id)?.alarm.source ?? '');
        if (i >= 0) uiStore.getState().select(i);
      }
    });
    const offState = commandStore.subscribe((c, prev) => {
      const o = view.alarmOverlay;
      if (!o) return;
      if (c.state.risks !== prev.state.risks) o.setRisks(c.state.risks);
      if (c.state.interlocks !== prev.state.interlocks) o.setInterlocks(c.state.interlocks);
    });
    return () => {
      offAlarms();
      offState();
    };
  }, [view, plant]);

  return (
    <div className="map">
      <canvas ref={canvas} className="map-canvas" data-testid="map-canvas" />
      <div ref={overlay} className="map-overlay" />
      {presets && view && plant && <CameraPresets view={view} />}
    </div>
  );
}
