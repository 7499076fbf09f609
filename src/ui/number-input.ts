/** What a typed or pasted number will dial, as the dial box and SMS composer show it live. */
import type { CountryCode, DialInputError, NumberType, PhoneNumber } from '../phone';
import type { PhoneModule } from './phone';

export type NumberReading =
  | { readonly kind: 'empty' }
  /** The phone module is still loading: no verdict yet, the background will check. */
  | { readonly kind: 'pending' }
  | { readonly kind: 'ok'; readonly number: PhoneNumber }
  | { readonly kind: 'error'; readonly error: DialInputError };

/**
 * Reads a dial input. Text that is not a number as a whole but contains one ("Tel.: 0221 669669-66
 * (office)", a pasted signature) yields the first number in it.
 */
export function readNumber(text: string, defaultCountry: string, phone: PhoneModule | undefined): NumberReading {
  if (text.trim() === '') return { kind: 'empty' };
  if (!phone) return { kind: 'pending' };
  const country = (defaultCountry || undefined) as CountryCode;
  const parsed = phone.parseDialInput(text, { defaultCountry: country });
  if (parsed.ok) return { kind: 'ok', number: parsed.number };
  if (parsed.error !== 'empty' && text.length > 7) {
    const [found] = phone.findPhoneNumbers(text, { defaultCountry: country });
    if (found) {
      const { start: _start, end: _end, ...number } = found;
      return { kind: 'ok', number };
    }
  }
  return { kind: 'error', error: parsed.error };
}

/** The kinds of number worth naming next to the preview; the rest say nothing. */
export const NUMBER_TYPE_KEYS: Partial<Readonly<Record<NumberType, string>>> = {
  mobile: 'numberTypeMobile',
  'fixed-line': 'numberTypeFixedLine',
  'toll-free': 'numberTypeTollFree',
  'premium-rate': 'numberTypePremiumRate',
  'shared-cost': 'numberTypeSharedCost',
  voip: 'numberTypeVoip',
};

/** A country's name in the UI language ("Germany", "Deutschland"). */
export function countryName(country: string | undefined, language: string): string {
  if (!country) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}
