/**
 * How a candidate's digits are handed to libphonenumber: as an international number (`+`, `00`,
 * the country's own exit code) or as a national one — and the trunk-prefix rule, which decides
 * whether a national-looking digit string can be a phone number at all.
 */
import { type CountryCode, Metadata } from './libphonenumber';

/**
 * Countries whose national numbers are always written with the trunk prefix `0` (DE `0221 …`,
 * FR `01 23 …`, GB `020 …`, NL `06 …`). There a digit string without `+`, `00` or `0` is not a
 * phone number as people write one: it is an id, an amount, a postal code. Countries without a
 * trunk prefix (ES, IT, PL, DK, PT, LU, NO), with an optional one (US `1`) or where it is often
 * left out in writing (IN mobiles, RU `8`) are not listed.
 */
export const TRUNK_PREFIX_COUNTRIES: ReadonlySet<CountryCode> = new Set<CountryCode>([
  'DE',
  'AT',
  'CH',
  'BE',
  'NL',
  'FR',
  'GB',
  'IE',
  'SE',
  'FI',
  'HR',
  'SI',
  'RS',
  'BA',
  'MK',
  'ME',
  'AL',
  'UA',
  'TR',
  'IL',
  'ZA',
  'AU',
  'NZ',
  'JP',
  'KR',
  'TW',
  'TH',
  'MY',
]);

/** The length of the country's international exit code (`00`, `011`, `0011`, …) at the start of `digits`, or -1. */
type ExitCodeMatcher = (digits: string) => number;

const exitCodes = new Map<CountryCode, ExitCodeMatcher>();

function exitCodeOf(country: CountryCode): ExitCodeMatcher {
  let matcher = exitCodes.get(country);
  if (!matcher) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    const pattern = metadata.numberingPlan?.IDDPrefix() ?? '00';
    if (/^\d+$/.test(pattern)) {
      matcher = (digits) => (digits.startsWith(pattern) ? pattern.length : -1);
    } else {
      const regex = new RegExp(`^(?:${pattern})`);
      matcher = (digits) => regex.exec(digits)?.[0].length ?? -1;
    }
    exitCodes.set(country, matcher);
  }
  return matcher;
}

/**
 * The text to parse for `digits` (all digits as written, a `(0)` after the country code already
 * dropped): `+` and digits for an international number, else the national digits; `undefined`
 * when the trunk-prefix rule rules it out.
 */
export function parseInputFor(digits: string, plus: boolean, country: CountryCode): string | undefined {
  if (plus) return `+${digits}`;
  // The country's own exit code, and `00`, the exit code nearly everywhere else: `0049 …` on a US
  // page is still a German number. Calling codes never start with 0, so `00 0…` is not one.
  const ownExitCode = exitCodeOf(country)(digits);
  const exitCode = ownExitCode >= 0 ? ownExitCode : digits.startsWith('00') ? 2 : -1;
  if (exitCode >= 0 && exitCode < digits.length && digits.charCodeAt(exitCode) !== 0x30) {
    return `+${digits.slice(exitCode)}`;
  }
  if (TRUNK_PREFIX_COUNTRIES.has(country) && !digits.startsWith('0') && !writtenWithoutTrunkPrefix(digits, country)) {
    return undefined;
  }
  return digits;
}

/** A format of the country's numbering plan, as libphonenumber chooses and applies it. */
interface PlanFormat {
  readonly leadingDigits: RegExp | undefined;
  readonly pattern: RegExp;
  /** National formatting writes no trunk prefix for these numbers, or may leave it out. */
  readonly withoutTrunkPrefix: boolean;
}

/**
 * The parts of libphonenumber's `NumberingPlan` and `Format` read here beyond its typings. Their
 * presence is checked at run time; without them no range is exempt (the rule as it was).
 */
interface PlanWithFormats {
  formats(): readonly {
    pattern(): string;
    leadingDigitsPatterns(): readonly string[];
    usesNationalPrefix(): boolean;
    nationalPrefixIsOptionalWhenFormattingInNationalFormat(): boolean;
  }[];
}

function hasFormats(plan: unknown): plan is PlanWithFormats {
  return typeof plan === 'object' && plan !== null && typeof Reflect.get(plan, 'formats') === 'function';
}

const planFormats = new Map<CountryCode, readonly PlanFormat[] | undefined>();

/**
 * The country's formats, when at least one of them writes numbers without the trunk prefix;
 * `undefined` for a plan that always writes it (DE, AT, FR, GB, …), so the rule costs nothing
 * more there.
 */
function formatsWithExemptRanges(country: CountryCode): readonly PlanFormat[] | undefined {
  if (planFormats.has(country)) return planFormats.get(country);
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  const plan: unknown = metadata.numberingPlan;
  let formats: PlanFormat[] | undefined;
  if (hasFormats(plan)) {
    formats = plan.formats().map((format) => {
      const leading = format.leadingDigitsPatterns();
      const last = leading[leading.length - 1];
      return {
        leadingDigits: last === undefined ? undefined : new RegExp(`^(?:${last})`),
        pattern: new RegExp(`^(?:${format.pattern()})$`),
        withoutTrunkPrefix:
          !format.usesNationalPrefix() || format.nationalPrefixIsOptionalWhenFormattingInNationalFormat(),
      };
    });
    if (!formats.some((format) => format.withoutTrunkPrefix)) formats = undefined;
  }
  planFormats.set(country, formats);
  return formats;
}

/**
 * Service numbers of trunk-prefix countries that are written without the prefix (Australia's
 * `1300`/`1800`/`13 xx xx`, Ireland's `1800`/`1850`, Israel's `1-800`, South Korea's
 * `1588-xxxx`): where libphonenumber's own national formatting of the number — the format it
 * chooses (the last leading-digits pattern, then the whole pattern) — writes no trunk prefix or
 * may leave it out, the number is written that way, and the trunk-prefix rule does not apply.
 * A number no format covers is written bare by libphonenumber too (Australia's `13 12 34`); that
 * counts only in plans that write some ranges without the prefix, so a plan that always writes it
 * keeps the rule whole. Whether the digits are a number at all is still validation's call.
 */
export function writtenWithoutTrunkPrefix(nationalDigits: string, country: CountryCode): boolean {
  const formats = formatsWithExemptRanges(country);
  if (!formats) return false;
  for (const format of formats) {
    if (format.leadingDigits && !format.leadingDigits.test(nationalDigits)) continue;
    if (format.pattern.test(nationalDigits)) return format.withoutTrunkPrefix;
  }
  return true;
}

/** Whether the country writes some of its numbers without the trunk prefix (see above). */
export function hasRangesWithoutTrunkPrefix(country: CountryCode): boolean {
  return formatsWithExemptRanges(country) !== undefined;
}

/**
 * Trunk prefixes a country's plan has withdrawn and people still write before the number.
 * libphonenumber's metadata describes today's plan and no longer knows them, so they are listed
 * here, each with when it went; only a country's own withdrawn prefix is read, in that country.
 */
const WITHDRAWN_TRUNK_PREFIXES: ReadonlyMap<CountryCode, RegExp> = new Map<CountryCode, RegExp>([
  // Mexico, 3 August 2019 (the ten-digit plan): `01` before long-distance numbers and `044` /
  // `045` before mobiles were withdrawn. libphonenumber's metadata read them until then (its
  // national_prefix was `01`, and national_prefix_for_parsing took `01`, `02`, `044`, `045`).
  ['MX', /^0(?:1|4[45])/],
]);

/** The national digits after a withdrawn trunk prefix of the country, or `undefined`. */
export function withoutWithdrawnTrunkPrefix(nationalDigits: string, country: CountryCode): string | undefined {
  const prefix = WITHDRAWN_TRUNK_PREFIXES.get(country)?.exec(nationalDigits)?.[0];
  return prefix === undefined ? undefined : nationalDigits.slice(prefix.length);
}

/** The length of the country's own exit code at the start of `digits`, or -1. */
export function exitCodeLength(digits: string, country: CountryCode): number {
  return exitCodeOf(country)(digits);
}

/** Whether `digits` as written dial out of the country (`00…`, `011…`). */
export function startsWithExitCode(digits: string, country: CountryCode): boolean {
  return digits.startsWith('00') || exitCodeOf(country)(digits) >= 0;
}

const trunkZeroDropped = new Map<string, boolean>();

/**
 * Whether numbers of this calling code drop a written `(0)` after it (`+49 (0)221 …` dials
 * `+49 221 …`): only where the country's trunk prefix is `0`. Italy and San Marino keep the `0`
 * as part of the number (`+39 (0)2 1234 5678` dials `+39 02 1234 5678`).
 */
export function dropsParenthesisedZero(callingCode: string): boolean {
  let drops = trunkZeroDropped.get(callingCode);
  if (drops === undefined) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(callingCode as CountryCode);
    // `nationalPrefix()` is not in libphonenumber's typings; absent, no `(0)` is dropped.
    const plan = metadata.numberingPlan as { nationalPrefix?: () => unknown } | undefined;
    drops = typeof plan?.nationalPrefix === 'function' && plan.nationalPrefix() === '0';
    trunkZeroDropped.set(callingCode, drops);
  }
  return drops;
}
