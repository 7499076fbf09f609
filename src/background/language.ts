/**
 * The background speaks the language chosen in the options: notifications, the badge's tooltip and
 * the context menu. `browser.i18n` only knows the browser's language, so the chosen locale's
 * messages are loaded (once per language; `loadLanguage` caches) before text is made.
 */
import { loadLanguage } from '../i18n';
import type { Locale } from '../settings';
import { loadSettings } from './managed';

export async function useChosenLanguage(): Promise<'' | Locale> {
  const { language } = await loadSettings();
  await loadLanguage(language);
  return language;
}
