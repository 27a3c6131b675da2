import type { ReplayApi } from './replayApi';
import { buildMarkers, nextMarker, previousMarker } from './markers';
import type { PlayerSource } from './PlayerSource';
import { replayStore, timelineRange } from './replayStore';

/**
 * What the timeline bar (and other entry points: a drill's review, traceability) do with
 * replay: DVR scrub-back from live, play/pause/speed/step, jump between markers, back to live.
 * One per console; `replayControl()` finds it.
 */
export class ReplayControl {
  constructor(
    readonly player: PlayerSource,
    readonly api: ReplayApi,
  ) {}

  get mode(): 'live' | 'replay' {
    return this.player.mode;
  }

  liveNow(): number {
    return this.player.liveNow();
  }

  /** Enters replay at `t` (from live: the DVR scrub-back), or seeks there. */
  async seek(t: number): Promise<void> {
    await this.player.enterReplay(Math.min(t, this.liveNow()));
  }

  /** Replays [from, to] pinned on the timeline, starting at `from` (e.g. a drill from its start). */
  async replayRange(from: number, to: number): Promise<void> {
    replayStore.getState().set({ pinned: { from, to: Math.min(to, this.liveNow()) } });
    await this.seek(from);
    await this.loadMarkers();
  }

  backToLive(): void {
    this.player.backToLive();
    replayStore.getState().set({ pinned: null });
    void this.loadMarkers();
  }

  play(): void {
    this.player.replaySource?.play();
  }

  pause(): void {
    this.player.replaySource?.pause();
  }

  setSpeed(x: number): void {
    this.player.replaySource?.setSpeed(x);
  }

  async step(): Promise<void> {
    await this.player.replaySource?.step();
  }

  /** Seeks to the marker before (-1) or after (+1) the current time; from live, -1 scrubs back to the newest. */
  async jump(dir: -1 | 1): Promise<boolean> {
    const t = this.player.now();
    const markers = replayStore.getState().markers;
    const m = dir < 0 ? previousMarker(markers, t) : nextMarker(markers, t);
    if (!m) return false;
    await this.seek(m.time);
    return true;
  }

  setWindow(ms: number): void {
    replayStore.getState().set({ windowMs: ms });
    void this.loadMarkers();
  }

  /** Reads the markers of the span shown. */
  async loadMarkers(): Promise<void> {
    const { from, to } = timelineRange(replayStore.getState(), this.liveNow());
    try {
      const events = await this.api.eventsBetween(from, to);
      replayStore.getState().set({ markers: buildMarkers(events), markersError: null });
    } catch (err) {
      replayStore.getState().set({ markersError: err instanceof Error ? err.message : String(err) });
    }
  }
}

let current: ReplayControl | null = null;

export function setReplayControl(c: ReplayControl | null): void {
  current = c;
}

/** The console's replay control, or null where the source cannot replay (fake data). */
export function replayControl(): ReplayControl | null {
  return current;
}
