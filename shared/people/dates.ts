import { z } from 'zod';

/**
 * Calendar dates as the training system writes them, `YYYY-MM-DD`, and day arithmetic on them.
 * A date is a day in the plant's local calendar; `dayNumber` counts days since 1970-01-01.
 */

const DAY_MS = 86_400_000;
const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day (2025-02-30 is refused). */
export const isoDate = z.string().refine((s) => dayNumber(s) !== null, { message: 'dates are YYYY-MM-DD (a real day)' });

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or null when it is not a real date. */
export function dayNumber(date: string): number | null {
  const m = pattern.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` shifted by `days` whole days. Throws on an invalid date (callers validate first). */
export function addDays(date: string, days: number): string {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a date: ${date}`);
  return dateOfDay(n + days);
}

/** The local day number of an instant, given the plant's offset from UTC at that instant. */
export function localDay(epochMs: number, tzOffsetMs: number): number {
  return Math.floor((epochMs + tzOffsetMs) / DAY_MS);
}

/** Milliseconds since local midnight of an instant. */
export function localTimeOfDayMs(epochMs: number, tzOffsetMs: number): number {
  const t = (epochMs + tzOffsetMs) % DAY_MS;
  return t < 0 ? t + DAY_MS : t;
}
