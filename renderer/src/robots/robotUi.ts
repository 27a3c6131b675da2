import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** A request to fly the map to a plant point (a finding's place); `n` makes each request new. */
export interface LocateRequest {
  position: readonly [number, number, number];
  n: number;
}

export interface RobotUiState {
  /** The robot under the pointer (robot index) and where, canvas CSS px. */
  hover: { index: number; x: number; y: number } | null;
  /** Selected robot (robot index), or -1. */
  selected: number;
  /** The camera keeps its target on the selected robot. */
  follow: boolean;
  locate: LocateRequest | null;
  setHover(h: { index: number; x: number; y: number } | null): void;
  select(index: number): void;
  setFollow(on: boolean): void;
  locateAt(position: readonly [number, number, number]): void;
}

/** What the user points at and picks among robots; their statuses live in robotStore. */
export const robotUi = createStore<RobotUiState>()((set, get) => ({
  hover: null,
  selected: -1,
  follow: false,
  locate: null,
  setHover(h) {
    const cur = get().hover;
    if (cur === h || (cur && h && cur.index === h.index && cur.x === h.x && cur.y === h.y)) return;
    set({ hover: h });
  },
  select: (index) => set({ selected: index, follow: index >= 0 ? get().follow : false }),
  setFollow: (on) => set({ follow: on && get().selected >= 0 }),
  locateAt: (position) => set({ locate: { position, n: (get().locate?.n ?? 0) + 1 } }),
}));

export const useRobotUi = <T>(pick: (s: RobotUiState) => T): T => useStore(robotUi, pick);
