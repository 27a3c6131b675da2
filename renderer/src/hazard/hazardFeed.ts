import { isOpenHazard, type HazardRecord } from '../../../shared/hazard/model';
import { alarmStore } from '../stores/alarmStore';
import { commandStore } from '../stores/commandStore';
import { hazardUi } from './hazardUi';

/**
 * What the map's hazard layer reads and tells: the open orders from the reduced journal, the
 * order selected in the panel, "show on map" requests, and the near-miss form's map pick. An
 * interface so the layer is tested without the console's stores.
 */
export interface HazardFeed {
  open(): readonly HazardRecord[];
  selected(): string | null;
  /** Calls `onChange` when the orders or the selection change, `onLocate` on "show on map". */
  subscribe(onChange: () => void, onLocate: (id: string) => void): () => void;
  /** A click on an order's marker: selects it in the panel. */
  select(id: string): void;
  /** True while the near-miss form waits for a click on the map. */
  picking(): boolean;
  /** The point clicked while picking (plant coordinates) and its area. */
  pickPoint(position: [number, number, number], area: string | null): void;
}

let cacheOf: unknown = null;
let cache: HazardRecord[] = [];

/** Open orders of the current command state (recomputed only when the hazards map changes). */
export function openHazards(): readonly HazardRecord[] {
  const map = commandStore.getState().state.work?.hazards;
  if (map !== cacheOf) {
    cacheOf = map;
    cache = map ? Object.values(map).filter(isOpenHazard) : [];
  }
  return cache;
}

/** The console's feed: commandStore + hazardUi. */
export const hazardFeed: HazardFeed = {
  open: openHazards,
  selected: () => hazardUi.getState().selected,
  subscribe(onChange, onLocate) {
    const offState = commandStore.subscribe((s, p) => {
      if (s.state.work?.hazards !== p.state.work?.hazards) onChange();
    });
    const offUi = hazardUi.subscribe((s, p) => {
      if (s.selected !== p.selected) onChange();
      if (s.locate && s.locate !== p.locate) onLocate(s.locate.id);
    });
    return () => {
      offState();
      offUi();
    };
  },
  select: (id) => {
    hazardUi.getState().select(id);
    alarmStore.getState().openDock('hazards');
  },
  picking: () => hazardUi.getState().picking,
  pickPoint: (position, area) => hazardUi.getState().pick(position, area),
};
