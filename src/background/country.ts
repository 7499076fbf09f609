/** The country assumed for numbers written without a country code, for the current settings. */
import { browser } from 'wxt/browser';
import { type CountryCode, resolveDefaultCountry } from '../phone';
import { PROVIDER_MARKET } from '../providers/catalog';
import { activeAccount, type Settings } from '../settings';

export function defaultCountryOf(settings: Settings): CountryCode {
  const provider = activeAccount(settings)?.provider;
  return resolveDefaultCountry({
    setting: settings.defaultCountry,
    ...(provider ? { providerMarket: PROVIDER_MARKET[provider] } : {}),
    uiLanguage: browser.i18n.getUILanguage(),
  });
}
