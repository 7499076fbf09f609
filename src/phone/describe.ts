/**
 * Turns a validated number into our `PhoneNumber`. Type and formatting are computed on first read:
 * they need libphonenumber's full parse, which costs more than finding the number did, and the
 * page scanner reads neither for most of the numbers it marks.
 *
 * They are own enumerable accessors, so spreading, `JSON.stringify` and structured cloning
 * (extension messages) see them like plain fields. The accessor functions are shared by all
 * numbers and keep their state under a non-enumerable symbol: a page can hold thousands of
 * numbers, and three closures each would cost more than finding them.
 */
import { type CountryCode, type ParsedNumber, parseNumber } from './libphonenumber';
import type { NumberType, PhoneMatch, PhoneNumber } from './types';

/**
 * A valid number and what is computed from it on demand. One object per number found: pages hold
 * thousands, so it is a class with fields rather than closures.
 */
export class LazyNumber {
  #parsed: ParsedNumber | undefined;
  type: NumberType | undefined;
  national: string | undefined;
  international: string | undefined;

  constructor(
    readonly e164: string,
    readonly country: CountryCode | undefined,
    parsed?: ParsedNumber,
  ) {
    this.#parsed = parsed;
  }

  /** libphonenumber's parse, made on first need: the finder validates without it. */
  parsed(): ParsedNumber {
    this.#parsed ??= parseNumber(this.e164);
    if (!this.#parsed) throw new Error(`libphonenumber rejects ${this.e164}, which its own patterns accept`);
    return this.#parsed;
  }
}

const NUMBER_TYPES: Readonly<Record<string, NumberType>> = {
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

const LAZY = Symbol('ringback.phone.lazy');

interface WithLazyFields {
  readonly [LAZY]: LazyNumber;
}

const TYPE: PropertyDescriptor = {
  enumerable: true,
  get(this: WithLazyFields): NumberType {
    const lazy = this[LAZY];
    lazy.type ??= NUMBER_TYPES[lazy.parsed().getType() ?? ''] ?? 'unknown';
    return lazy.type;
  },
};

const NATIONAL: PropertyDescriptor = {
  enumerable: true,
  get(this: WithLazyFields): string {
    const lazy = this[LAZY];
    lazy.national ??= lazy.parsed().formatNational();
    return lazy.national;
  },
};

const INTERNATIONAL: PropertyDescriptor = {
  enumerable: true,
  get(this: WithLazyFields): string {
    const lazy = this[LAZY];
    lazy.international ??= lazy.parsed().formatInternational();
    return lazy.international;
  },
};

function withLazyFields<T extends object>(fields: T, lazy: LazyNumber): T {
  Object.defineProperty(fields, LAZY, { value: lazy });
  Object.defineProperty(fields, 'type', TYPE);
  Object.defineProperty(fields, 'national', NATIONAL);
  Object.defineProperty(fields, 'international', INTERNATIONAL);
  return fields;
}

export function describeMatch(number: LazyNumber, start: number, end: number, extension?: string): PhoneMatch {
  const fields =
    extension === undefined
      ? { start, end, e164: number.e164, country: number.country }
      : { start, end, e164: number.e164, country: number.country, extension };
  return withLazyFields(fields, number) as PhoneMatch;
}

export function describeNumber(parsed: ParsedNumber): PhoneNumber {
  const number = new LazyNumber(parsed.number, parsed.country, parsed);
  return withLazyFields({ e164: number.e164, country: number.country }, number) as PhoneNumber;
}
