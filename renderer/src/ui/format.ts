import type { Tag } from '../../../shared/plant/schema';

/** Decimals that suit a tag's span: enough to see movement, not noise. */
export function decimalsFor(tag: Pick<Tag, 'range'>): number {
  const span = tag.range.hi - tag.range.lo;
  return span >= 1000 ? 0 : span >= 100 ? 1 : span >= 1 ? 2 : 3;
}

export function formatValue(value: number, tag: Pick<Tag, 'range'>): string {
  return Number.isFinite(value) ? value.toFixed(decimalsFor(tag)) : '—';
}

/** An age as an i18n key of `age.*` and its number (e.g. {key: 's', n: 4}); tenths of a second under 10 s. */
export function ageParts(ms: number): { key: 's' | 'min' | 'h'; n: number } {
  const a = Math.max(0, ms);
  if (a < 10_000) return { key: 's', n: Math.floor(a / 100) / 10 };
  if (a < 60_000) return { key: 's', n: Math.floor(a / 1000) };
  if (a < 3_600_000) return { key: 'min', n: Math.floor(a / 60_000) };
  return { key: 'h', n: Math.floor(a / 3_600_000) };
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock time in the plant's time zone (falls back to the machine's when the zone is unknown). */
export function formatClock(t: number, lang: 'zh' | 'en', timeZone: string | undefined, withDate = true): string {
  const key = `${lang}|${timeZone ?? ''}|${withDate}`;
  let f = clockFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}) };
    try {
      f = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', options);
    }
    clockFormats.set(key, f);
  }
  return f.format(t);
}
