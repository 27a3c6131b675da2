import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Marker } from './markers';
import type { PlayerMode } from './PlayerSource';
import type { ReplayStatus } from './ReplaySource';

/** Timeline spans the bar offers while live, ms. */
export const TIMELINE_WINDOWS = [15 * 60_000, 60 * 60_000, 6 * 3_600_000, 24 * 3_600_000] as const;

/**
 * What the timeline bar and the REPLAY frame draw: the mode, the replay's status, the span
 * shown and its markers. Structure only (React state); replay time itself is read from the
 * source each frame.
 */
export interface ReplayUiState {
  mode: PlayerMode;
  status: ReplayStatus | null;
  /** Span of the timeline, ms; `pinned` when set explicitly (a drill's replay), else it follows the live edge. */
  windowMs: number;
  pinned: { from: number; to: number } | null;
  markers: Marker[];
  markersError: string | null;
  set(p: Partial<Omit<ReplayUiState, 'set'>>): void;
}

export const replayStore = createStore<ReplayUiState>()((set) => ({
  mode: 'live',
  status: null,
  windowMs: TIMELINE_WINDOWS[1],
  pinned: null,
  markers: [],
  markersError: null,
  set: (p) => set(p),
}));

export function useReplay<T>(pick: (s: ReplayUiState) => T): T {
  return useStore(replayStore, pick);
}

/** The span the timeline shows at `liveNow`. */
export function timelineRange(s: Pick<ReplayUiState, 'windowMs' | 'pinned'>, liveNow: number): { from: number; to: number } {
  return s.pinned ?? { from: liveNow - s.windowMs, to: liveNow };
}
