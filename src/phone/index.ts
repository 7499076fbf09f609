/**
 * What counts as a phone number, and how to write it. Pure: no browser APIs, so the content
 * script, the popup's dial box and the background all share it and Node tests cover it.
 */
import { type CountryCode, findNumbers, parsePhoneNumberWithError } from 'libphonenumber-js/max';

export { resolveDefaultCountry } from './default-country';
export type { CountryCode };

export type NumberType =
  | 'mobile'
  | 'fixed-line'
  | 'fixed-line-or-mobile'
  | 'toll-free'
  | 'premium-rate'
  | 'shared-cost'
  | 'voip'
  | 'personal'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

export interface PhoneNumber {
  /** `+` and digits. */
  readonly e164: string;
  readonly national: string;
  readonly international: string;
  readonly country: CountryCode | undefined;
  readonly type: NumberType;
}

export interface PhoneMatch extends PhoneNumber {
  /** Offsets into the searched text: `text.slice(start, end)` is the number as written. */
  readonly start: number;
  readonly end: number;
}

export interface FindOptions {
  readonly defaultCountry: CountryCode;
}

/** Every phone number written in `text`. */
export function findPhoneNumbers(text: string, options: FindOptions): PhoneMatch[] {
  return findNumbers(text, { defaultCountry: options.defaultCountry, v2: true }).map((found) => ({
    ...describe(found.number),
    start: found.startsAt,
    end: found.endsAt,
  }));
}

export type DialInputError = 'empty' | 'not-a-number' | 'too-short' | 'too-long' | 'invalid';

export type DialInput =
  | { readonly ok: true; readonly number: PhoneNumber }
  | { readonly ok: false; readonly error: DialInputError };

/** Normalises a typed or pasted number (dial box, tel: link, selection) to something dialable. */
export function parseDialInput(input: string, options: FindOptions): DialInput {
  const text = input.trim().replace(/^(tel|callto|sip):/i, '');
  if (text === '') return { ok: false, error: 'empty' };
  try {
    const parsed = parsePhoneNumberWithError(text.replace(/^00/, '+'), options.defaultCountry);
    if (!parsed.isValid()) return { ok: false, error: 'invalid' };
    return { ok: true, number: describe(parsed) };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message === 'TOO_SHORT') return { ok: false, error: 'too-short' };
    if (message === 'TOO_LONG') return { ok: false, error: 'too-long' };
    if (message === 'NOT_A_NUMBER') return { ok: false, error: 'not-a-number' };
    return { ok: false, error: 'invalid' };
  }
}

type Parsed = ReturnType<typeof parsePhoneNumberWithError>;

const TYPES: Record<string, NumberType> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

function describe(parsed: Parsed): PhoneNumber {
  return {
    e164: parsed.number,
    national: parsed.formatNational(),
    international: parsed.formatInternational(),
    country: parsed.country,
    type: TYPES[parsed.getType() ?? ''] ?? 'unknown',
  };
}
