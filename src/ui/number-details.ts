/**
 * The short line next to a number on the card and in the popup's page list: the country it calls
 * when that is not the user's own (so a number read in the page's country is never called there
 * silently), and an extension to ask for once the call is through.
 */
import { t, uiLanguage } from '../i18n';
import { countryName } from './number-input';

export function numberDetails(
  number: { readonly country?: string | undefined; readonly extension?: string | undefined },
  homeCountry: string | undefined,
): string {
  const parts: string[] = [];
  if (number.country && number.country !== homeCountry) parts.push(countryName(number.country, uiLanguage()));
  if (number.extension) parts.push(t('cardExtension', [number.extension]));
  return parts.join(' · ');
}
