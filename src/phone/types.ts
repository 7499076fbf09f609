/** The shapes every user of `src/phone` codes against. */
import type { CountryCode } from './libphonenumber';

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
  /** As dialled inside its country, e.g. `0221 66966966`. */
  readonly national: string;
  /** With the country code, e.g. `+49 221 66966966`. */
  readonly international: string;
  /** `undefined` for non-geographic numbers (`+800`, `+881`, …). */
  readonly country: CountryCode | undefined;
  readonly type: NumberType;
}

export interface PhoneMatch extends PhoneNumber {
  /**
   * Offsets into the searched text (UTF-16, the text as given: full-width or Arabic-Indic digits,
   * invisible characters inside the number are counted where they are). `text.slice(start, end)`
   * is the main number as written, from its first character (`+`, `(` or digit) to its last digit.
   * The range never covers a written extension (`ext. 45`): marking it would suggest the extension
   * is dialled.
   */
  readonly start: number;
  readonly end: number;
  /**
   * The extension's digits when one was written after the number (`ext. 45`, `x3456`, `/x12`,
   * `poste 12`, `Durchwahl -23` → `'45'`, …). `e164` is the main number, which is what is called;
   * the extension is for the person calling to ask for. Where the numbering plan dials the
   * extension directly (`0221 669669-23` in Germany) there is no extension: it is part of `e164`.
   */
  readonly extension?: string;
}

export type TextDirection = 'ltr' | 'rtl';

export interface FindOptions {
  /** The country assumed for numbers written without a country code. */
  readonly defaultCountry: CountryCode;
  /**
   * Countries the page's context points to (its language region, country-code domain, an address
   * or country name, other numbers written with that country's `+` code), nearest evidence first.
   * A national number is read in the first hint that validates it, else in `defaultCountry`; a
   * national number several could validate is read in the first hint that does. The match's
   * `country` always says which country it will call.
   */
  readonly countryHints?: readonly CountryCode[];
  /**
   * Base direction of the paragraph the text comes from (default `'ltr'`). In right-to-left text,
   * digit groups separated by spaces are displayed in reverse of their order in the text; the
   * engine reads them as displayed, or leaves them unmarked where it cannot tell.
   */
  readonly direction?: TextDirection;
}
