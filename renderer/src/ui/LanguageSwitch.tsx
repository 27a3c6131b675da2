import i18next from 'i18next';
import { languages, type Lang } from '../i18n/i18n';
import { uiStore, useUi } from '../stores/uiStore';

const names: Record<Lang, string> = { zh: '简体中文', en: 'English' };
export const LANG_KEY = 'vigil.lang';

/** Switches every label (resources and the plant's own {zh, en} names) at once; remembered per machine. */
export function setLanguage(lang: Lang): void {
  void i18next.changeLanguage(lang);
  uiStore.getState().setLang(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* storage may be unavailable; the choice then lasts for this page */
  }
}

export function LanguageSwitch(): React.JSX.Element {
  const current = useUi((s) => s.lang);
  return (
    <span className="lang-switch" role="group" aria-label="Language / 语言">
      {languages.map((l) => (
        <button key={l} className={l === current ? 'active' : ''} aria-pressed={l === current} onClick={() => setLanguage(l)} data-testid={`lang-${l}`} lang={l === 'zh' ? 'zh-CN' : 'en'}>
          {names[l]}
        </button>
      ))}
    </span>
  );
}
