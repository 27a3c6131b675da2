import type { EpochMs } from './ids';

/** Injected time source: the server's wall clock live, a virtual clock in tests and replay. */
export interface Clock {
  now(): EpochMs;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for deterministic tests and simulation. */
export class ManualClock implements Clock {
  constructor(private t: EpochMs) {}
  now(): EpochMs {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(t: EpochMs): void {
    this.t = t;
  }
}
