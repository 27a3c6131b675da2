import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { EmergencyPlan } from '../../../shared/incident/plan';
import type { ResourcesView } from '../data/incidentClient';

/**
 * The commander's view state outside the journal: which incident is on the board, the plans
 * and resources read over REST (they change rarely), and requests to the map (fly to a point,
 * take a snapshot) that the map hook carries out.
 */
export interface IncidentUiState {
  /** Incident on the board; null = the first active one. */
  selected: string | null;
  plans: ReadonlyMap<string, EmergencyPlan>;
  resources: ResourcesView | null;
  /** Fly the map to look at this plant point, from the south, with about `spanM` metres in view. */
  locate: { position: [number, number, number]; spanM: number; seq: number } | null;
  /** Capture the map and upload it for this incident's report. */
  snapshot: { incidentId: string; caption: string; seq: number } | null;
  /** Outcome of the last snapshot, for the button's title. */
  lastSnapshot: { ok: boolean; at: number; caption: string } | null;
  select(id: string | null): void;
  setPlans(plans: readonly EmergencyPlan[]): void;
  setResources(r: ResourcesView | null): void;
  locateAt(position: [number, number, number], spanM?: number): void;
  requestSnapshot(incidentId: string, caption: string): void;
  snapshotDone(ok: boolean, at: number, caption: string): void;
}

let seq = 0;

export const incidentUi = createStore<IncidentUiState>()((set) => ({
  selected: null,
  plans: new Map(),
  resources: null,
  locate: null,
  snapshot: null,
  lastSnapshot: null,
  select: (selected) => set({ selected }),
  setPlans: (plans) => set({ plans: new Map(plans.map((p) => [p.id, p])) }),
  setResources: (resources) => set({ resources }),
  locateAt: (position, spanM = 140) => set({ locate: { position, spanM, seq: ++seq } }),
  requestSnapshot: (incidentId, caption) => set({ snapshot: { incidentId, caption, seq: ++seq } }),
  snapshotDone: (ok, at, caption) => set({ lastSnapshot: { ok, at, caption } }),
}));

export const useIncidentUi = <T>(pick: (s: IncidentUiState) => T): T => useStore(incidentUi, pick);
