/**
 * Times on the commander's screen: how long an incident has run, how long is left before a plan
 * step or the first report falls due (and how late it is after). Pure; `now` is the data
 * source's clock, never Date.now(), so replay and tests read the same.
 */

/** `m:ss` under an hour, `h:mm:ss` from an hour; negative spans count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export interface Countdown {
  /** Milliseconds until due (negative once past). */
  remainingMs: number;
  late: boolean;
  /** `4:59` before the due time, `+0:12` after it. */
  text: string;
}

/** Time left until `dueAt`, or how late past it. Due at exactly `now` is not late yet. */
export function countdown(dueAt: number, now: number): Countdown {
  const remainingMs = dueAt - now;
  const late = remainingMs < 0;
  return { remainingMs, late, text: late ? `+${formatDuration(-remainingMs)}` : formatDuration(remainingMs) };
}

/** Minutes from an origin as `T+12` (plan step targets, muster t90/t100 in the report style). */
export function minutesFrom(origin: number, at: number): string {
  return `T+${Math.max(0, Math.round((at - origin) / 60_000))}`;
}

/** Clock time hh:mm:ss (24 h) of an instant, in the plant's language. */
export function clockTime(ms: number, lang: 'zh' | 'en'): string {
  return new Date(ms).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
}
