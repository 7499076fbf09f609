/**
 * The UI language of extension pages. The chosen language is remembered in this extension's
 * localStorage too, so the next popup loads it before its first render instead of flashing the
 * browser's language and then switching.
 */
import { useEffect, useState } from 'preact/hooks';
import { isLocale, loadLanguage, uiLanguage } from '../i18n';
import type { Locale } from '../settings';

const REMEMBERED = 'ringback.language';

export function rememberedLanguage(): '' | Locale {
  try {
    const value = localStorage.getItem(REMEMBERED);
    return isLocale(value) ? value : '';
  } catch {
    return '';
  }
}

let applied: '' | Locale | undefined;

export async function applyLanguage(language: '' | Locale): Promise<void> {
  try {
    localStorage.setItem(REMEMBERED, language);
  } catch {
    // Storage unavailable: the language still applies to this page.
  }
  await loadLanguage(language);
  applied = language;
  document.documentElement.lang = uiLanguage();
}

/** Applies the settings' language once known, re-rendering the calling component when it changes. */
export function useSettingsLanguage(language: '' | Locale | undefined): void {
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (language === undefined || language === applied) return;
    void applyLanguage(language).then(() => setVersion((v) => v + 1));
  }, [language]);
}
