import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { defaultHazardFilter, type HazardFilter } from './hazardView';

/** Which part of the hazards tab is shown. */
export type HazardPane = 'list' | 'stats' | 'report';

/**
 * UI state of hidden-hazard work orders shared by the panel and the map layer: the selected
 * order, the one under the pointer, the list filter, and a pending map pick (the near-miss
 * form asks for a location by clicking the map).
 */
export interface HazardUiState {
  pane: HazardPane;
  selected: string | null;
  hover: { id: string; x: number; y: number } | null;
  filter: HazardFilter;
  /** True while the near-miss form waits for a click on the map. */
  picking: boolean;
  /** The last point picked on the map (plant coordinates) and its area. */
  picked: { position: [number, number, number]; area: string | null } | null;
  /** Increments on every "show on map" request, so the same order can be located twice. */
  locate: { id: string; n: number } | null;
  setPane(pane: HazardPane): void;
  select(id: string | null): void;
  setHover(hover: HazardUiState['hover']): void;
  setFilter(patch: Partial<HazardFilter>): void;
  startPick(): void;
  pick(position: [number, number, number], area: string | null): void;
  requestLocate(id: string): void;
}

export const hazardUi = createStore<HazardUiState>()((set, get) => ({
  pane: 'list',
  selected: null,
  hover: null,
  filter: defaultHazardFilter,
  picking: false,
  picked: null,
  locate: null,
  setPane: (pane) => set({ pane, picking: false }),
  select: (selected) => set(selected ? { selected, pane: 'list' } : { selected }),
  setHover: (hover) => {
    const h = get().hover;
    if (h === hover || (h && hover && h.id === hover.id && h.x === hover.x && h.y === hover.y)) return;
    set({ hover });
  },
  setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
  startPick: () => set({ picking: true }),
  pick: (position, area) => set({ picking: false, picked: { position, area } }),
  requestLocate: (id) => set({ locate: { id, n: (get().locate?.n ?? 0) + 1 } }),
}));

export const useHazardUi = <T>(pick: (s: HazardUiState) => T): T => useStore(hazardUi, pick);
