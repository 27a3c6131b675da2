import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface PeopleUiState {
  /** The person under the pointer (registry index) and where, canvas CSS px. */
  hover: { index: number; x: number; y: number } | null;
  /** Selected person (registry index), or -1. */
  selected: number;
  /** The camera keeps its target on the selected person. */
  follow: boolean;
  setHover(h: { index: number; x: number; y: number } | null): void;
  select(index: number): void;
  setFollow(on: boolean): void;
}

/** What the user points at and picks among people; positions themselves are in peopleStore. */
export const peopleUi = createStore<PeopleUiState>()((set, get) => ({
  hover: null,
  selected: -1,
  follow: false,
  setHover(h) {
    const cur = get().hover;
    if (cur === h || (cur && h && cur.index === h.index && cur.x === h.x && cur.y === h.y)) return;
    set({ hover: h });
  },
  select: (index) => set({ selected: index, follow: index >= 0 ? get().follow : false }),
  setFollow: (on) => set({ follow: on && get().selected >= 0 }),
}));

export const usePeopleUi = <T>(pick: (s: PeopleUiState) => T): T => useStore(peopleUi, pick);
