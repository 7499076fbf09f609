/**
 * The background speaks the language chosen in the options: notifications, the badge's tooltip and
 * the context menu. `browser.i18n` only knows the browser's language, so the chosen locale's
 * messages are loaded before text is made — once per worker life, and again only after the
 * settings changed (the badge and notifications ask on every call phase).
 */
import { loadLanguage } from '../i18n';
import type { Locale } from '../settings';
import { loadSettings } from './managed';

let chosen: Promise<'' | Locale> | undefined;

export function useChosenLanguage(): Promise<'' | Locale> {
  chosen ??= loadSettings().then(async ({ language }) => {
    await loadLanguage(language);
    return language;
  });
  // A failed read is tried again next time rather than remembered.
  chosen.catch(() => {
    chosen = undefined;
  });
  return chosen;
}

/** Settings changed: the next text is made in whatever language they now say. */
export function forgetChosenLanguage(): void {
  chosen = undefined;
}
