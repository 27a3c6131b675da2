import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Plant } from '../../../shared/plant/schema';

/** The plant model on screen and where it came from (the server, or the cache while offline). */
export interface PlantState {
  plant: Plant | null;
  hash: string | null;
  fromCache: boolean;
  setPlant(plant: Plant, hash: string, fromCache: boolean): void;
}

export const plantStore = createStore<PlantState>()((set) => ({
  plant: null,
  hash: null,
  fromCache: false,
  setPlant: (plant, hash, fromCache) => set({ plant, hash, fromCache }),
}));

export function usePlant<T>(selector: (s: PlantState) => T): T {
  return useStore(plantStore, selector);
}
