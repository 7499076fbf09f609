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
  /** Offsets into the searched text: `text.slice(start, end)` is the number as written. */
  readonly start: number;
  readonly end: number;
}

export interface FindOptions {
  /** The country assumed for numbers written without a country code. */
  readonly defaultCountry: CountryCode;
}
