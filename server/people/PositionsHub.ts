import { encodePositions, PositionsFlags, type PositionSource } from '../../shared/people/positionsFrame';

/** Where positions frames go (socket.io in the server, a recorder in tests). */
export interface PositionsOut {
  /** Sends one buffer to every console in `ids` (encoded once). */
  send(ids: readonly string[], frame: ArrayBuffer): void;
  /** True while a console has not drained what was already sent to it. */
  congested(id: string): boolean;
}

export interface PositionsHubStats {
  framesSent: number;
  keyframesSent: number;
  /** Frames a congested console missed (it gets a keyframe once it drains). */
  framesSkipped: number;
}

/**
 * The positions lane. Each tick the people who changed become ONE delta frame, encoded once
 * and sent to every subscribed console that is draining; a console subscribing, or one that
 * missed a frame while congested, gets a keyframe of everyone on site instead. So a console
 * that applies every frame it receives always holds everyone's latest fix, and the occupancy
 * each frame carries is the count of exactly those positions.
 */
export class PositionsHub {
  private readonly clients = new Map<string, { needsKeyframe: boolean }>();
  private seq = 0;
  private scratch = new Int32Array(0);
  readonly stats: PositionsHubStats = { framesSent: 0, keyframesSent: 0, framesSkipped: 0 };

  constructor(
    private readonly src: PositionSource & { readonly count: number; takeDirty(out: Int32Array): number; onSite(p: number): boolean },
    private readonly out: PositionsOut,
    private readonly registryVersion: () => number,
  ) {}

  get subscribers(): number {
    return this.clients.size;
  }

  /** Socket ids of the consoles subscribed to positions (the robots lane goes to the same consoles). */
  subscriberIds(): IterableIterator<string> {
    return this.clients.keys();
  }

  /** Starts the lane for a console and sends it a keyframe at once. */
  subscribe(id: string, now: number): void {
    this.clients.set(id, { needsKeyframe: false });
    this.sendKeyframe([id], now);
  }

  unsubscribe(id: string): void {
    this.clients.delete(id);
  }

  /** Fans out the people who changed since the last call. Call once per tick, after the tick's events. */
  publish(now: number): void {
    if (this.scratch.length < this.src.count) this.scratch = new Int32Array(Math.max(this.src.count, 64));
    const n = this.src.takeDirty(this.scratch);
    this.seq = (this.seq + 1) >>> 0;
    if (this.clients.size === 0) return;
    const ready: string[] = [];
    const keyframes: string[] = [];
    for (const [id, c] of this.clients) {
      if (this.out.congested(id)) {
        if (n > 0) {
          c.needsKeyframe = true;
          this.stats.framesSkipped++;
        }
      } else if (c.needsKeyframe) {
        c.needsKeyframe = false;
        keyframes.push(id);
      } else if (n > 0) ready.push(id);
    }
    if (keyframes.length > 0) this.sendKeyframe(keyframes, now);
    if (ready.length > 0) {
      this.out.send(ready, encodePositions(this.src, this.scratch, n, this.seq, now, this.registryVersion()));
      this.stats.framesSent += ready.length;
    }
  }

  private sendKeyframe(ids: string[], now: number): void {
    const all: number[] = [];
    for (let p = 0; p < this.src.count; p++) if (this.src.onSite(p)) all.push(p);
    this.out.send(ids, encodePositions(this.src, all, all.length, this.seq, now, this.registryVersion(), PositionsFlags.Keyframe));
    this.stats.keyframesSent += ids.length;
    this.stats.framesSent += ids.length;
  }
}
