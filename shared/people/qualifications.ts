import { dayNumber } from './dates';
import type { Qualification } from './registry';

/**
 * Status of one qualification record on a given local day:
 * - `failed`: the exam was not passed (the course is not held);
 * - `expired`: passed, but its last valid day is before today;
 * - `expiring`: passed and valid, expiring within the reminder window;
 * - `valid`: passed and valid beyond the window (or never expiring).
 */
export type QualificationStatus = 'valid' | 'expiring' | 'expired' | 'failed';

/** Days from `today` to the last valid day (0 = expires today); null = never expires. */
export function daysLeft(q: Pick<Qualification, 'expires'>, today: number): number | null {
  if (q.expires === null) return null;
  const d = dayNumber(q.expires);
  return d === null ? -Infinity : d - today;
}

export function qualificationStatus(q: Pick<Qualification, 'expires' | 'passed'>, today: number, windowDays: number): QualificationStatus {
  if (!q.passed) return 'failed';
  const left = daysLeft(q, today);
  if (left === null) return 'valid';
  if (left < 0) return 'expired';
  return left <= windowDays ? 'expiring' : 'valid';
}

/** True when one of `records` of `type` passed and is valid on `today` (expiring still counts as valid). */
export function holdsValid(records: readonly Qualification[], type: string, today: number): boolean {
  for (const q of records) {
    if (q.type !== type || !q.passed) continue;
    const left = daysLeft(q, today);
    if (left === null || left >= 0) return true;
  }
  return false;
}

/** Identity of a record for merging imports: person, type and issue date. */
export function qualificationKey(q: Pick<Qualification, 'person' | 'type' | 'issued'>): string {
  return `${q.person}\u0000${q.type}\u0000${q.issued}`;
}
