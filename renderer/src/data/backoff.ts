/**
 * Delay before retry number `attempt` (0-based): exponential from `baseMs`, capped at `maxMs`,
 * with ±25 % jitter from `random` (injected, so tests are exact) so that fifty consoles that lost
 * the same server do not knock on it in step.
 */
export function backoffDelay(attempt: number, random: () => number, baseMs = 500, maxMs = 4000): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(raw * (0.75 + 0.5 * random()));
}

/** Timers, injected so that sources can be driven by a virtual clock in tests. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
