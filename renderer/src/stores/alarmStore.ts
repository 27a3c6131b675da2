import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CommandState } from '../../../shared/state/reducer';
import { defaultFilter, summarize, type AlarmFilter, type AlarmSummary } from '../alarm/alarmView';
import { commandStore } from './commandStore';

/** The summary is derived at most this often while alarms keep changing (a flood), ms. */
export const SUMMARY_MIN_INTERVAL_MS = 250;

export type DockTab = 'incident' | 'alarms' | 'notifications' | 'kpi' | 'risk' | 'people' | 'hazards' | 'robots' | 'drill';

/**
 * Alarms as the console shows them: the derived summary (sorted rows, counts, banner) and the
 * operator's view of them (selection, filter, which dock tab is open). Derived from command
 * state off the event path, throttled, so that a flood of 10,000 transitions costs a handful of
 * sorts, not 10,000.
 */
export interface AlarmStoreState {
  summary: AlarmSummary;
  /** Selected alarm id, or null. */
  selected: string | null;
  filter: AlarmFilter;
  dock: DockTab | null;
  /** Flood-mode list (grouped by area) instead of the flat list. */
  floodView: boolean;
  /** The four-colour risk layer is drawn on the map. */
  riskVisible: boolean;
  /** The pointer is over this area of the risk layer (map hover), or null. */
  riskHover: { area: string; x: number; y: number } | null;
  /** The latest jump-to-location request (the map flies there); `seq` tells repeats apart. */
  locate: { id: string; seq: number } | null;
  select(id: string | null): void;
  setFilter(f: Partial<AlarmFilter>): void;
  openDock(tab: DockTab | null): void;
  setFloodView(on: boolean): void;
  setRiskVisible(on: boolean): void;
  setRiskHover(h: AlarmStoreState['riskHover']): void;
  /** Selects the alarm and asks the map to fly to it. */
  requestLocate(id: string): void;
}

export const alarmStore = createStore<AlarmStoreState>()((set) => ({
  summary: summarize({}),
  selected: null,
  filter: defaultFilter,
  dock: 'alarms',
  floodView: false,
  riskVisible: true,
  riskHover: null,
  locate: null,
  select: (selected) => set({ selected }),
  setFilter: (f) => set((s) => ({ filter: { ...s.filter, ...f } })),
  openDock: (dock) => set({ dock }),
  setFloodView: (floodView) => set({ floodView }),
  setRiskVisible: (riskVisible) => set({ riskVisible }),
  requestLocate: (id) => set((s) => ({ selected: id, locate: { id, seq: (s.locate?.seq ?? 0) + 1 } })),
  setRiskHover: (riskHover) =>
    set((s) => (s.riskHover === riskHover || (s.riskHover && riskHover && s.riskHover.area === riskHover.area && s.riskHover.x === riskHover.x && s.riskHover.y === riskHover.y) ? s : { riskHover })),
}));

export function useAlarms<T>(selector: (s: AlarmStoreState) => T): T {
  return useStore(alarmStore, selector);
}

export interface SummaryScheduler {
  /** Derives now if anything is pending (tests, and before a read that must be current). */
  flush(): void;
  stop(): void;
}

/**
 * Keeps `alarmStore.summary` in step with command state: at once for the first change after a
 * quiet spell, then at most every `minIntervalMs`.
 */
export function followCommandState(
  opts: { minIntervalMs?: number; now?: () => number; setTimer?: (fn: () => void, ms: number) => unknown; clearTimer?: (h: unknown) => void } = {},
): SummaryScheduler {
  const minInterval = opts.minIntervalMs ?? SUMMARY_MIN_INTERVAL_MS;
  const now = opts.now ?? (() => performance.now());
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let derivedFrom: CommandState['alarms'] | null = null;
  let last = -Infinity;
  let timer: unknown = null;
  const derive = (): void => {
    timer = null;
    const alarms = commandStore.getState().state.alarms ?? {};
    if (alarms === derivedFrom) return;
    derivedFrom = alarms;
    last = now();
    alarmStore.setState({ summary: summarize(alarms) });
  };
  const schedule = (): void => {
    if (timer !== null) return;
    if ((commandStore.getState().state.alarms ?? {}) === derivedFrom) return;
    timer = setTimer(derive, Math.max(0, last + minInterval - now()));
  };
  const unsubscribe = commandStore.subscribe(schedule);
  schedule();
  return {
    flush: () => {
      if (timer !== null) clearTimer(timer);
      derive();
    },
    stop: () => {
      unsubscribe();
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
