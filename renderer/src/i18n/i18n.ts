import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LocalText } from '../../../shared/plant/schema';
import zh from './zh.json';
import en from './en.json';

/** The console's two languages. Plant labels carry both in the model's `{zh, en}` fields. */
export type Lang = 'zh' | 'en';
export const languages: readonly Lang[] = ['zh', 'en'];

export const resources = { zh: { translation: zh }, en: { translation: en } } as const;

/** Chinese for any zh-* locale, English otherwise. */
export function pickLanguage(locale: string | undefined | null): Lang {
  return locale && locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function localText(text: LocalText, lang: Lang): string {
  return text[lang];
}

/** Initialises the shared i18next instance once; later calls only change the language. */
export async function initI18n(lang: Lang): Promise<i18n> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources,
      lng: lang,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else if (i18next.language !== lang) {
    await i18next.changeLanguage(lang);
  }
  return i18next;
}
