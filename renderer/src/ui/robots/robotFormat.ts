/** Clock time of an instant in the plant's language (hh:mm:ss, 24 h). */
export function formatTime(ms: number, lang: 'zh' | 'en'): string {
  return new Date(ms).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
}
