import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Role } from '../../../shared/protocol/roles';

/** Which drill dialogs are open: the score card and the after-action review, by drill id. */
export interface DrillUiState {
  scoreCard: string | null;
  review: string | null;
  /** Drills whose score card this console has already popped (each pops once by itself). */
  shown: readonly string[];
  openScore(id: string | null): void;
  openReview(id: string | null): void;
  markShown(id: string): void;
}

export const drillUi = createStore<DrillUiState>()((set, get) => ({
  scoreCard: null,
  review: null,
  shown: [],
  openScore: (scoreCard) => set({ scoreCard }),
  openReview: (review) => set({ review, scoreCard: null }),
  markShown: (id) => set({ shown: [...get().shown, id] }),
}));

export function useDrillUi<T>(pick: (s: DrillUiState) => T): T {
  return useStore(drillUi, pick);
}

/** Who runs drills (shared/protocol/commands drill.*): others see the banner only. */
export function canCoordinate(role: Role | null | undefined): boolean {
  return role === 'drill_coordinator' || role === 'admin';
}
