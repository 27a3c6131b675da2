import { useEffect } from 'react';
import i18next from 'i18next';
import { Vector3 } from 'three';
import type { IncidentZones } from '../../../../shared/incident/threat';
import type { DispatchRecord } from '../../../../shared/incident/resources';
import type { ConsoleController } from '../../app/ConsoleController';
import { incidentFeed } from '../../incident/incidentFeed';
import { formatDuration } from '../../incident/incidentTime';
import { incidentUi } from '../../incident/incidentUi';
import type { MapView } from '../../map/MapView';
import { DispatchLayer } from '../../map/layers/DispatchLayer';
import { ThreatLayer, type ThreatLabelText } from '../../map/layers/ThreatLayer';
import { commandStore } from '../../stores/commandStore';
import { plantStore } from '../../stores/plantStore';
import { uiStore } from '../../stores/uiStore';
import { captureMap } from './captureMap';

/** Automatic snapshots on zone changes: at most one a minute per incident (the server keeps 20). */
const AUTO_SNAPSHOT_MS = 60_000;

function threatText(z: IncidentZones): ThreatLabelText {
  const lang = uiStore.getState().lang;
  const t = i18next.getFixedT(lang);
  const chem = plantStore.getState().plant?.chemicals.find((c) => c.id === z.source.chemical)?.name[lang] ?? z.source.chemical;
  return {
    estimate: t('incident.map.estimate'),
    detail: t('incident.map.detail', { chem, rate: z.source.rateKgS.toPrecision(2), speed: z.wind.speedMS.toFixed(1), from: Math.round(((z.wind.fromDeg % 360) + 360) % 360), stability: z.stability }),
    warnings: z.warnings.map((w) => (lang === 'zh' ? w.zh : w.en)),
  };
}

function dispatchText(d: DispatchRecord, now: number): string {
  const lang = uiStore.getState().lang;
  const t = i18next.getFixedT(lang);
  const r = incidentUi.getState().resources;
  const unit = (r?.teams.find((x) => x.id === d.unit) ?? r?.vehicles.find((x) => x.id === d.unit) ?? r?.stock.find((x) => x.id === d.unit))?.name[lang] ?? d.unit;
  return d.state === 'arrived' ? t('incident.map.arrived', { unit }) : t('incident.map.eta', { unit, eta: formatDuration(d.etaAt - now) });
}

/** Read-only diagnostics for end-to-end tests, as `window.__vigilIncident` (what the map draws). */
export interface IncidentMapDiagnostics {
  threat(): { incidents: string[]; vertices: number; labels: string[] };
  /** Mean plant [x, y] of an incident's red band polygon as drawn, or null. */
  redCentre(incidentId: string): [number, number] | null;
  dispatch(): { id: string; state: string; position: [number, number] | null }[];
}

declare global {
  interface Window {
    __vigilIncident?: IncidentMapDiagnostics;
  }
}

/**
 * Puts the threat zones and dispatched units on the map (their layers live in the map's scene
 * for the current plant), flies the map where the incident panels ask, and captures map
 * snapshots for the after-action report: on request, and when the zones change for a
 * commander's console (at most one a minute per incident).
 */
export function useIncidentMap(view: MapView | null, plantKey: unknown, controller: ConsoleController): void {
  useEffect(() => {
    if (!view || !plantKey) return;
    const render = (): void => view.requestRender();
    const overlay = view.renderer.domElement.parentElement?.querySelector<HTMLElement>('.map-overlay') ?? undefined;
    const threat = new ThreatLayer({ feed: incidentFeed, overlay, describe: threatText, onChange: render });
    const dispatch = new DispatchLayer({ feed: incidentFeed, overlay, now: () => controller.now(), label: { text: dispatchText }, onChange: render });
    view.scene.add(threat.object, dispatch.object);
    view.warmUpPrograms();
    render();

    const snap = async (incidentId: string, caption: string): Promise<void> => {
      const api = controller.source.incidentApi?.();
      const png = await captureMap(view);
      const ok = !!api && !!png && (await api.snapshot(incidentId, png, caption)) !== null;
      incidentUi.getState().snapshotDone(ok, controller.now(), caption);
    };
    const lastAuto = new Map<string, number>();
    let zonesSeen = commandStore.getState().state.emergency?.zones;
    const offState = commandStore.subscribe((s) => {
      const zones = s.state.emergency?.zones;
      if (zones === zonesSeen) return;
      const before = zonesSeen;
      zonesSeen = zones;
      const role = uiStore.getState().user?.role;
      if (!zones || (role !== 'commander' && role !== 'admin')) return;
      for (const [id, z] of Object.entries(zones)) {
        if (before?.[id] === z) continue;
        const now = controller.now();
        if (now - (lastAuto.get(id) ?? -Infinity) < AUTO_SNAPSHOT_MS) continue;
        lastAuto.set(id, now);
        // After the layer has redrawn the new zones.
        setTimeout(() => void snap(id, i18next.getFixedT(uiStore.getState().lang)('incident.snapshot.zones', { from: Math.round(z.wind.fromDeg) })), 300);
      }
    });
    const offUi = incidentUi.subscribe((u, prev) => {
      if (u.locate && u.locate !== prev.locate) {
        const [x, y, z] = u.locate.position;
        const d = u.locate.spanM;
        view.flyTo({ position: [x, y - d * 0.8, z + d * 0.7], target: [x, y - d * 0.1, z] });
      }
      if (u.snapshot && u.snapshot !== prev.snapshot) void snap(u.snapshot.incidentId, u.snapshot.caption);
    });
    const offLang = uiStore.subscribe((u, prev) => {
      if (u.lang !== prev.lang) {
        threat.relabel();
        dispatch.move();
      }
    });

    const v = new Vector3();
    window.__vigilIncident = {
      threat: () => ({ incidents: threat.ids.slice(), vertices: threat.fill.geometry.drawRange.count, labels: Array.from(overlay?.querySelectorAll<HTMLElement>('.threat-label') ?? []).map((e) => e.textContent ?? '') }),
      redCentre: (id) => {
        const red = incidentFeed.zones()[id]?.zones.find((b) => b.band === 'red');
        if (!red || red.polygon.length === 0 || !threat.ids.includes(id)) return null;
        v.set(0, 0, 0);
        for (const [x, y] of red.polygon) {
          v.x += x / red.polygon.length;
          v.y += y / red.polygon.length;
        }
        return [v.x, v.y];
      },
      dispatch: () => dispatch.shown.map((d) => ({ id: d.id, state: d.state, position: dispatch.positionOf(d.id) })),
    };
    return () => {
      offState();
      offUi();
      offLang();
      view.scene.remove(threat.object, dispatch.object);
      threat.dispose();
      dispatch.dispose();
      delete window.__vigilIncident;
    };
  }, [view, plantKey, controller]);
}
