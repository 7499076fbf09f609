/**
 * Where a number is and what time it is there: the region when the numbering plan tells it ("Köln",
 * "New York"), the country, and the callee's local time with whether it is a quiet hour. Data from
 * libphonenumber (see calling-code-data.ts), loaded per calling code on first need. A number whose
 * prefix maps to several zones that disagree on the time right now gets no time: never a guess.
 */
import { parseNumber } from '../phone/libphonenumber';
import { regionOf, zonesOf } from './calling-code-data';
import { loadCallingCode } from './load';

/** The working day Ringback does not warn about: 08:00 up to 20:00, local time. */
const DAY_STARTS = 8;
const DAY_ENDS = 20;

/**
 * Countries whose mobile numbers are assigned by area (libphonenumber's GEO_MOBILE_COUNTRIES):
 * Mexico, Argentina, Brazil, Indonesia, China.
 */
const GEO_MOBILE_CODES: ReadonlySet<string> = new Set(['52', '54', '55', '62', '86']);
/** Argentina's mobiles carry a 9 before the area code, which libphonenumber drops to geocode. */
const MOBILE_TOKENS: Readonly<Record<string, string>> = { '54': '9' };

export interface WhereWhenFacts {
  /** ISO 3166 country of the number, when it belongs to one. */
  readonly country?: string;
  /** The region in the asked language (else English), when the numbering plan tells it. */
  readonly region?: string;
  /** A mobile number (its area, if any, says nothing about where the person is). */
  readonly mobile: boolean;
  /** The callee's local time, "14:32", when the number's zone is certain. */
  readonly time?: string;
  /** The local time is outside 08:00–20:00, or a weekend day there. */
  readonly quiet?: 'night' | 'weekend';
}

export interface WhereWhenOptions {
  /** BCP 47 tag of the UI language: region names and the time are written in it. */
  readonly language: string;
  /** Unix ms: the moment to tell the local time of. */
  readonly now: number;
}

/** What Ringback can tell about where and when an E.164 number is; undefined for a non-number. */
export async function whereWhen(e164: string, options: WhereWhenOptions): Promise<WhereWhenFacts | undefined> {
  const parsed = parseNumber(e164);
  if (!parsed) return undefined;
  const code = parsed.countryCallingCode;
  const type = parsed.getType();
  const mobile = type === 'MOBILE';
  const geographic = type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' || (mobile && GEO_MOBILE_CODES.has(code));
  const data = await loadCallingCode(code);
  const country = parsed.country;
  const facts: { -readonly [K in keyof WhereWhenFacts]: WhereWhenFacts[K] } = {
    mobile,
    ...(country ? { country } : {}),
  };
  // A number of no known type has no zone either (libphonenumber's rule).
  if (!data || type === undefined) return facts;
  const language = options.language.split(/[-_]/)[0]?.toLowerCase() ?? 'en';
  const region = geographic ? regionOf(data, geocodedNumber(code, parsed.nationalNumber), language) : undefined;
  if (region) facts.region = region;
  const clock = localClock(zonesOf(data, parsed.nationalNumber, geographic), options);
  if (clock) {
    facts.time = clock.time;
    const quiet = quietHour(clock, country);
    if (quiet) facts.quiet = quiet;
  }
  return facts;
}

function geocodedNumber(code: string, nationalNumber: string): string {
  const token = MOBILE_TOKENS[code];
  return token && nationalNumber.startsWith(token) ? nationalNumber.slice(token.length) : nationalNumber;
}

interface Clock {
  readonly time: string;
  readonly hour: number;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The time in `zones` at `now`, when they all agree on it; else undefined. */
function localClock(zones: readonly string[], { language, now }: WhereWhenOptions): Clock | undefined {
  if (zones.length === 0) return undefined;
  const clocks = zones.map((zone) => clockIn(zone, language, now));
  const [first] = clocks;
  if (!first || clocks.some((c) => !c || c.time !== first.time || c.weekday !== first.weekday)) return undefined;
  return first;
}

function clockIn(timeZone: string, language: string, now: number): Clock | undefined {
  try {
    const time = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      hour: 'numeric',
      weekday: 'short',
    }).formatToParts(now);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return { time, hour: Number(part('hour')), weekday: WEEKDAYS.indexOf(part('weekday')) + 1 };
  } catch {
    return undefined;
  }
}

function quietHour(clock: Clock, country: string | undefined): WhereWhenFacts['quiet'] {
  if (weekendDays(country).includes(clock.weekday)) return 'weekend';
  if (clock.hour < DAY_STARTS || clock.hour >= DAY_ENDS) return 'night';
  return undefined;
}

/** The weekend where the number is (Friday–Saturday in much of the Middle East), from CLDR when the browser knows it. */
function weekendDays(country: string | undefined): readonly number[] {
  if (country) {
    try {
      const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
        getWeekInfo?: () => { weekend: number[] };
        weekInfo?: { weekend: number[] };
      };
      const weekend = locale.getWeekInfo?.().weekend ?? locale.weekInfo?.weekend;
      if (weekend && weekend.length > 0) return weekend;
    } catch {
      // No week data in this browser: the common Saturday and Sunday.
    }
  }
  return [6, 7];
}
