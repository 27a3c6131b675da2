import { useStore } from 'zustand';
import type { Plant } from '../../../shared/plant/schema';
import type { MapView } from '../map/MapView';
import { alarmStore } from '../stores/alarmStore';
import type { Layout } from './layoutSchema';
import { createLayoutStore, localLayoutRepo, type LayoutRepo } from './layoutStore';
import { readShippedLayouts } from './roleLayouts';

function browserRepo(): LayoutRepo {
  try {
    return localLayoutRepo(window.localStorage);
  } catch {
    const m = new Map<string, string>();
    return { load: (u) => m.get(u) ?? null, save: (u, t) => void m.set(u, t) };
  }
}

/** The console's layouts: the plant's shipped ones and the signed-in user's own. */
export const consoleLayouts = createLayoutStore(browserRepo(), readShippedLayouts().layouts);

export function useActiveLayout<T>(pick: (l: Layout) => T): T {
  return useStore(consoleLayouts.store, (s) => pick(s.active));
}

/** The camera preset a layout names: the whole plant, or an area's preset. */
export function layoutCamera(layout: Layout, plant: Plant, view: Pick<MapView, 'overview'>) {
  if (layout.map.camera === 'overview') return view.overview();
  return plant.areas.find((a) => a.id === layout.map.camera)?.camera ?? view.overview();
}

/** Applies a layout to the console's stores and map: the open dock tab, the risk layer, the camera. */
export function applyLayout(layout: Layout, map: { view: MapView | null; plant: Plant | null }): void {
  alarmStore.getState().openDock(layout.dock.open);
  alarmStore.getState().setRiskVisible(layout.map.riskLayer);
  if (map.view && map.plant) {
    const cam = layoutCamera(layout, map.plant, map.view);
    if (cam) map.view.flyTo(cam);
  }
}
