/**
 * The country assumed for numbers written without a country code: the user's setting, else the
 * active provider's market, else the region of the browser's UI language.
 */
import { type CountryCode, isSupportedCountry } from './libphonenumber';

/** A language without a region: the market where most of its speakers among our users are. */
const LANGUAGE_MARKETS: Readonly<Record<string, CountryCode>> = {
  de: 'DE',
  nl: 'NL',
  fr: 'FR',
  es: 'ES',
  en: 'GB',
  it: 'IT',
  pl: 'PL',
  pt: 'PT',
  da: 'DK',
  sv: 'SE',
};

/** Both providers of the largest market are German. */
const FALLBACK: CountryCode = 'DE';

export interface DefaultCountryInput {
  /** The user's (or administrator's) setting: ISO 3166 alpha-2, any case; empty or invalid is ignored. */
  readonly setting?: string;
  /** The active provider's market (providers/catalog.ts PROVIDER_MARKET). */
  readonly providerMarket?: string;
  /** A BCP 47 tag as `browser.i18n.getUILanguage()` returns it: `nl-NL`, `de`, `en-GB`, `es-419`. */
  readonly uiLanguage?: string;
}

export function resolveDefaultCountry(input: DefaultCountryInput): CountryCode {
  const setting = asCountry(input.setting);
  if (setting) return setting;
  const market = asCountry(input.providerMarket);
  if (market) return market;
  return countryOfLanguage(input.uiLanguage ?? '') ?? FALLBACK;
}

function countryOfLanguage(tag: string): CountryCode | undefined {
  const [language = '', ...subtags] = tag.split(/[-_]/);
  // The region is the first two-letter subtag after the language (`zh-Hant-TW`); `es-419` has none.
  const region = subtags.find((subtag) => /^[A-Za-z]{2}$/.test(subtag));
  return asCountry(region) ?? LANGUAGE_MARKETS[language.toLowerCase()];
}

function asCountry(code: string | undefined): CountryCode | undefined {
  const upper = code?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(upper) && isSupportedCountry(upper) ? upper : undefined;
}
