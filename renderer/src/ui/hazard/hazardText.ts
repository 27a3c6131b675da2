import { formatClock } from '../format';

/** Date and time to the minute in the plant's time zone (deadlines, history). */
export function shortTime(t: number, lang: 'zh' | 'en', timeZone: string | undefined): string {
  return formatClock(t, lang, timeZone).replace(/:\d\d$/, '');
}

/** Epoch ms as the value of an `<input type="datetime-local">` (the machine's local time). */
export function toLocalInput(t: number): string {
  const d = new Date(t);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The value of an `<input type="datetime-local">` as epoch ms, or null when empty or invalid. */
export function fromLocalInput(v: string): number | null {
  if (!v) return null;
  const t = new Date(v).getTime();
  return Number.isFinite(t) ? t : null;
}
