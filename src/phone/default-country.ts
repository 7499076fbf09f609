/**
 * The country assumed for numbers written without a country code: the user's setting, else the
 * active provider's market, else the region of the browser's UI language.
 */
import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/max';

const PROVIDER_MARKETS: Record<string, CountryCode> = { fonial: 'DE', sipgate: 'DE', voipcenter: 'BE', fonema: 'ES' };
/** A language without a region: the market where most of its speakers among our users are. */
const LANGUAGE_MARKETS: Record<string, CountryCode> = { de: 'DE', nl: 'NL', fr: 'FR', es: 'ES', en: 'GB' };
const FALLBACK: CountryCode = 'DE';

export interface DefaultCountryInput {
  readonly setting?: string;
  readonly providerId?: string;
  readonly uiLanguage?: string;
}

export function resolveDefaultCountry(input: DefaultCountryInput): CountryCode {
  const setting = input.setting?.toUpperCase();
  if (setting && isSupportedCountry(setting)) return setting;
  const market = input.providerId ? PROVIDER_MARKETS[input.providerId] : undefined;
  if (market) return market;
  const [language = '', region = ''] = (input.uiLanguage ?? '').split(/[-_]/);
  const upper = region.toUpperCase();
  if (isSupportedCountry(upper)) return upper;
  return LANGUAGE_MARKETS[language.toLowerCase()] ?? FALLBACK;
}
