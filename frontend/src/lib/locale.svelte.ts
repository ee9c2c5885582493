// The current language as reactive state: templates that call t() re-render
// when it changes. Stored in localStorage; Vietnamese by default.
import { localeTag, parseLang, translate, type Lang, type MessageKey, type Params } from './i18n';

const STORAGE_KEY = 'hoithi.lang';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export const locale = $state<{ lang: Lang }>({ lang: parseLang(stored()) });

export function t(key: MessageKey, params?: Params): string {
  return translate(locale.lang, key, params);
}

export function currentLocaleTag(): string {
  return localeTag(locale.lang);
}

export function setLang(lang: Lang): void {
  locale.lang = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* the choice then lasts for this page only */
  }
}

export function applyLangToDocument(): void {
  document.documentElement.lang = locale.lang;
}
