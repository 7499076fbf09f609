/** The country assumed for numbers written without a country code, for the current settings. */
import { browser } from 'wxt/browser';
import { type CountryCode, resolveDefaultCountry } from '../phone';
import { activeAccount, type Settings } from '../settings';

export function defaultCountryOf(settings: Settings): CountryCode {
  return resolveDefaultCountry({
    setting: settings.defaultCountry,
    providerId: activeAccount(settings)?.provider,
    uiLanguage: browser.i18n.getUILanguage(),
  });
}
