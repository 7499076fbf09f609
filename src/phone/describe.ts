/**
 * Turns a validated number into our `PhoneNumber`. Type and formatting are computed on first read:
 * they need libphonenumber's full parse, which costs more than finding the number did, and the
 * page scanner reads neither for most of the numbers it marks.
 *
 * They are own enumerable accessors, so spreading, `JSON.stringify` and structured cloning
 * (extension messages) see them like plain fields. The accessor functions are shared by all
 * numbers and keep their state under a non-enumerable symbol: a page can hold thousands of
 * numbers, and three closures each cost more than finding them.
 */
import type { ParsedNumber } from './libphonenumber';
import type { NumberType, PhoneMatch, PhoneNumber } from './types';

/** What a described number is computed from. */
export interface NumberSource {
  readonly e164: string;
  readonly country: PhoneNumber['country'];
  parsed(): ParsedNumber;
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

class LazyFields {
  type: NumberType | undefined;
  national: string | undefined;
  international: string | undefined;
  constructor(readonly source: NumberSource) {}
}

const LAZY = Symbol('ringback.phone.lazy');

interface WithLazyFields {
  readonly [LAZY]: LazyFields;
}

const TYPE: PropertyDescriptor = {
  enumerable: true,
  get(this: WithLazyFields): NumberType {
    const lazy = this[LAZY];
    lazy.type ??= NUMBER_TYPES[lazy.source.parsed().getType() ?? ''] ?? 'unknown';
    return lazy.type;
  },
};

const NATIONAL: PropertyDescriptor = {
  enumerable: true,
  get(this: WithLazyFields): string {
    const lazy = this[LAZY];
    lazy.national ??= lazy.source.parsed().formatNational();
    return lazy.national;
  },
};

const INTERNATIONAL: PropertyDescriptor = {
  enumerable: true,
  get(this: WithLazyFields): string {
    const lazy = this[LAZY];
    lazy.international ??= lazy.source.parsed().formatInternational();
    return lazy.international;
  },
};

function withLazyFields<T extends object>(fields: T, source: NumberSource): T {
  Object.defineProperty(fields, LAZY, { value: new LazyFields(source) });
  Object.defineProperty(fields, 'type', TYPE);
  Object.defineProperty(fields, 'national', NATIONAL);
  Object.defineProperty(fields, 'international', INTERNATIONAL);
  return fields;
}

export function describeMatch(source: NumberSource, start: number, end: number): PhoneMatch {
  return withLazyFields({ start, end, e164: source.e164, country: source.country }, source) as PhoneMatch;
}

export function describeNumber(parsed: ParsedNumber): PhoneNumber {
  const source: NumberSource = { e164: parsed.number, country: parsed.country, parsed: () => parsed };
  return withLazyFields({ e164: source.e164, country: source.country }, source) as PhoneNumber;
}
