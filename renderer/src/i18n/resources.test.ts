import { describe, expect, it } from 'vitest';
import zh from './zh.json';
import en from './en.json';
import { pickLanguage } from './i18n';

function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(obj: unknown): string[] {
  if (typeof obj === 'string') return [obj];
  if (obj === null || typeof obj !== 'object') return [];
  return Object.values(obj as Record<string, unknown>).flatMap(leaves);
}

describe('i18n resources', () => {
  it('zh and en define exactly the same keys', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('every string is non-empty and interpolations match between languages', () => {
    const zhKeys = keys(zh);
    for (const k of zhKeys) {
      const get = (o: unknown): string => k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o) as string;
      const z = get(zh);
      const e = get(en);
      expect(z.length, k).toBeGreaterThan(0);
      expect(e.length, k).toBeGreaterThan(0);
      const vars = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
      expect(vars(z), k).toEqual(vars(e));
    }
  });

  it('Chinese resources are actually Chinese', () => {
    const han = leaves(zh).filter((s) => /[\u4e00-\u9fff]/.test(s));
    expect(han.length / leaves(zh).length).toBeGreaterThan(0.9);
  });

  it('picks Chinese for zh locales and English otherwise', () => {
    expect(pickLanguage('zh-CN')).toBe('zh');
    expect(pickLanguage('zh-Hans-CN')).toBe('zh');
    expect(pickLanguage('en-US')).toBe('en');
    expect(pickLanguage('de')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });
});
