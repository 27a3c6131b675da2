import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { kpiInstantLabel } from './KpiPanel';

describe('KPI panel: the instant a replayed report is for', () => {
  const at = Date.UTC(2026, 10, 27, 22, 54, 21); // 2026-11-28 06:54:21 in Asia/Shanghai

  it('names the replayed instant in the plant time zone, in Chinese and in English', async () => {
    const i18n = await initI18n('zh');
    const t = (k: string, v: Record<string, string>): string => i18n.t(k, v);
    expect(kpiInstantLabel({ at }, t, 'zh', 'Asia/Shanghai')).toBe('回放 REPLAY · 2026/11/28 06:54:21 时的报警绩效');
    await i18n.changeLanguage('en');
    expect(kpiInstantLabel({ at }, t, 'en', 'Asia/Shanghai')).toBe('REPLAY · alarm KPIs as of 28/11/2026, 06:54:21');
  });

  it('says nothing on a live report', async () => {
    const i18n = await initI18n('en');
    expect(kpiInstantLabel({}, (k, v) => i18n.t(k, v), 'en', 'Asia/Shanghai')).toBeNull();
  });
});
