import type { IncidentRecord } from '../../../shared/incident/model';
import type { DispatchRecord } from '../../../shared/incident/resources';
import type { IncidentZones } from '../../../shared/incident/threat';
import { commandStore } from '../stores/commandStore';

/**
 * What the map's threat and dispatch layers read: the reduced journal's zones, dispatches and
 * incidents (`CommandState.emergency`), and a change signal. An interface so the layers are
 * tested without the console's stores.
 */
export interface IncidentFeed {
  zones(): Readonly<Record<string, IncidentZones>>;
  dispatches(): Readonly<Record<string, DispatchRecord>>;
  incidents(): Readonly<Record<string, IncidentRecord>>;
  /** Calls `onChange` when zones, dispatches or incidents change; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

const none = {};

export const incidentFeed: IncidentFeed = {
  zones: () => commandStore.getState().state.emergency?.zones ?? none,
  dispatches: () => commandStore.getState().state.emergency?.dispatches ?? none,
  incidents: () => commandStore.getState().state.emergency?.incidents ?? none,
  subscribe(onChange) {
    return commandStore.subscribe((s, p) => {
      const a = s.state.emergency;
      const b = p.state.emergency;
      if (a?.zones !== b?.zones || a?.dispatches !== b?.dispatches || a?.incidents !== b?.incidents) onChange();
    });
  },
};
