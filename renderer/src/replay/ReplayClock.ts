/** Replay speeds the timeline offers (×), slowest to fastest; any speed in [MIN_SPEED, MAX_SPEED] is accepted. */
export const REPLAY_SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] as const;
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 60;

export function clampSpeed(s: number): number {
  if (!Number.isFinite(s)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, s));
}

/**
 * The replay's time: an anchor (replay time at a wall instant) and a speed. While playing,
 * replay time = anchorT + (wall − anchorWall) × speed; paused, it stays at anchorT. Every
 * change re-anchors at the current instant, so a speed change never jumps the time. `end`
 * (the live edge) caps it: replay never runs past what has been recorded.
 */
export class ReplayClock {
  private anchorT = 0;
  private anchorWall = 0;
  private playingNow = false;
  private speedNow = 1;

  constructor(
    private readonly wall: () => number,
    private readonly end: () => number = () => Number.POSITIVE_INFINITY,
  ) {}

  get playing(): boolean {
    return this.playingNow;
  }

  get speed(): number {
    return this.speedNow;
  }

  now(): number {
    const t = this.playingNow ? this.anchorT + (this.wall() - this.anchorWall) * this.speedNow : this.anchorT;
    return Math.min(t, this.end());
  }

  /** True when playing has reached the live edge. */
  atEnd(): boolean {
    return this.now() >= this.end();
  }

  seek(t: number): void {
    this.anchorT = Math.min(t, this.end());
    this.anchorWall = this.wall();
  }

  play(): void {
    if (this.playingNow) return;
    this.anchorWall = this.wall();
    this.playingNow = true;
  }

  pause(): void {
    if (!this.playingNow) return;
    this.anchorT = this.now();
    this.anchorWall = this.wall();
    this.playingNow = false;
  }

  setSpeed(s: number): void {
    this.anchorT = this.now();
    this.anchorWall = this.wall();
    this.speedNow = clampSpeed(s);
  }
}
