import { useEffect } from 'react';
import type { MapView } from '../../map/MapView';
import { robotUi } from '../../robots/robotUi';
import { commandStore } from '../../stores/commandStore';
import { peopleUi } from '../../people/peopleUi';

/** Area ids whose crowding alarm (`CROWD.<area>:CROWDING`) is active. */
export function crowdedAreas(alarms: Iterable<{ id: string; lifecycle: { active: boolean } }>): Set<string> {
  const out = new Set<string>();
  for (const a of alarms) {
    const m = /^CROWD\.(.+):CROWDING$/.exec(a.id);
    if (m && a.lifecycle.active) out.add(m[1]!);
  }
  return out;
}

/**
 * Keeps the map's robots and area labels in step with the stores (vanilla subscriptions, no
 * React renders): journal robot states, follow (a robot or a person, never both), fly-to for
 * findings, and which areas' counts show as crowded.
 */
export function useRobotMap(view: MapView | null, plantKey: unknown): void {
  useEffect(() => {
    if (!view) return;
    const sync = (): void => {
      const s = commandStore.getState().state;
      view.robots?.setJournal(s.work?.robots ?? {});
      view.labels?.setCrowded(crowdedAreas(Object.values(s.alarms)));
    };
    const follow = (): void => {
      const r = robotUi.getState();
      view.follow(r.follow ? r.selected : -1, true);
    };
    sync();
    follow();
    const offState = commandStore.subscribe((c, prev) => {
      if (c.state.work !== prev.state.work || c.state.alarms !== prev.state.alarms) sync();
    });
    const offUi = robotUi.subscribe((r, prev) => {
      if (r.follow !== prev.follow || r.selected !== prev.selected) {
        if (r.follow) peopleUi.getState().setFollow(false);
        follow();
      }
      if (r.locate && r.locate !== prev.locate) {
        const [x, y, z] = r.locate.position;
        view.flyTo({ position: [x, y - 75, z + 65], target: [x, y, z] });
      }
    });
    const offPeople = peopleUi.subscribe((p, prev) => {
      if (p.follow && !prev.follow) robotUi.getState().setFollow(false);
    });
    return () => {
      offState();
      offUi();
      offPeople();
    };
  }, [view, plantKey]);
}
