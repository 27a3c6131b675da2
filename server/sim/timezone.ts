/**
 * Offset of a time zone from UTC at instant `at`, ms (e.g. +8 h for Asia/Shanghai), read once
 * from the ICU data through Intl: deterministic, and no clock involved. Unknown zones give 0.
 */
export function tzOffsetMs(timeZone: string, at: number): number {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(at));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    const off = local - Math.floor(at / 1000) * 1000;
    return Number.isFinite(off) ? off : 0;
  } catch {
    return 0;
  }
}
