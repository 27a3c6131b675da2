import type { Team } from '../../shared/people/registry';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MIN = 60_000;

/** Local start and end of each schedule's working day, ms after local midnight (night ends the next morning). */
export const scheduleWindows: Readonly<Record<Exclude<Team['schedule'], 'always'>, [number, number]>> = {
  day: [8 * HOUR, 20 * HOUR],
  night: [20 * HOUR, 32 * HOUR],
  office: [8 * HOUR, 17 * HOUR],
  visit: [9.5 * HOUR, 15.5 * HOUR],
};

/** People arrive 5–30 min before their shift and leave 5–30 min after it (handover, changing). */
const EARLY_MIN = 5;
const EARLY_MAX = 30;

/** A stable pseudo-random fraction in [0, 1) for (seed, person, day, salt). */
export function hashUnit(seed: number, person: number, day: number, salt: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const v of [person, day, salt]) {
    h = Math.imul(h ^ (v >>> 0), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return h / 4294967296;
}

/**
 * When person `p` of a team with `schedule` is on site around instant `t`: the stay
 * [arrive, leave) that contains `t`, or null when they are off site. `tzOffsetMs` is the
 * plant's offset from UTC. Deterministic for a seed.
 */
export function stayAt(schedule: Team['schedule'], p: number, t: number, tzOffsetMs: number, seed: number): { arrive: number; leave: number } | null {
  if (schedule === 'always') return { arrive: -Infinity, leave: Infinity };
  const [start, end] = scheduleWindows[schedule];
  const today = Math.floor((t + tzOffsetMs) / DAY);
  for (const day of [today - 1, today]) {
    const midnight = day * DAY - tzOffsetMs;
    const arrive = midnight + start - (EARLY_MIN + (EARLY_MAX - EARLY_MIN) * hashUnit(seed, p, day, 1)) * MIN;
    const leave = midnight + end + (EARLY_MIN + (EARLY_MAX - EARLY_MIN) * hashUnit(seed, p, day, 2)) * MIN;
    if (t >= arrive && t < leave) return { arrive, leave };
  }
  return null;
}
