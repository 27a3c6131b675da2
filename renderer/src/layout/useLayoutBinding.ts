import { useEffect } from 'react';
import type { MapView } from '../map/MapView';
import { alarmStore } from '../stores/alarmStore';
import { usePlant } from '../stores/plantStore';
import { useUi } from '../stores/uiStore';
import { applyLayout, consoleLayouts } from './consoleLayouts';
import { layoutRoleFor } from './roleLayouts';

/**
 * Keeps the console on the signed-in user's layout: loads theirs (or their role's default) when
 * the user is known, and applies the active layout whenever it changes or the plant loads.
 */
export function useLayoutBinding(view: MapView | null): void {
  const user = useUi((s) => s.user);
  const plant = usePlant((s) => s.plant);
  useEffect(() => {
    if (user) consoleLayouts.start(user.name, layoutRoleFor(user.role, false));
  }, [user]);
  useEffect(() => {
    applyLayout(consoleLayouts.store.getState().active, { view, plant });
    return consoleLayouts.store.subscribe((s, prev) => {
      const a = s.active;
      const b = prev.active;
      if (a === b) return;
      // A new layout or a new camera: apply it all; a changed dock alone leaves the camera where the user put it.
      if (a.id !== b.id || a.map.camera !== b.map.camera || a.map.riskLayer !== b.map.riskLayer) applyLayout(a, { view, plant });
      else if (a.dock.open !== b.dock.open) alarmStore.getState().openDock(a.dock.open);
    });
  }, [view, plant]);
}
