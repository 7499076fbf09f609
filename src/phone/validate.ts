/**
 * Is a digit string a valid phone number, and which one — libphonenumber's answer, computed faster.
 *
 * libphonenumber's `parse()` + `isValid()` costs about 12 µs per candidate, mostly because it turns
 * its multi-kilobyte per-country patterns into regular expressions again on every call; on a
 * digit-dense CRM page that alone costs more than all of our other work. Here each country's
 * patterns are compiled once and applied in libphonenumber's order: national prefix stripping,
 * country selection among countries sharing a calling code, then `isValid()` (national pattern and
 * any number type with its possible lengths). Where that order has a branch this copy does not
 * follow — national prefixes with capture groups (AR, BR, AU, JP, the Caribbean `+1` islands),
 * non-geographic numbers, a prefix libphonenumber might keep — the answer is libphonenumber's own.
 * `validate.test.ts` checks that both agree.
 */
import { LazyNumber } from './describe';
import { exitCodeLength } from './dial-form';
import { type CountryCode, Metadata, metadataJson, parseNumber } from './libphonenumber';

/** A valid number; libphonenumber's parse of it (for type and formatting) is made on first need. */
export type ValidNumber = LazyNumber;

/**
 * The valid number `input` denotes, or `undefined`. `input` is `+` and digits, or national digits
 * read with `defaultCountry`.
 */
export function validNumber(input: string, defaultCountry: CountryCode): ValidNumber | undefined {
  const fast = fastPathEnabled ? validateFast(input, defaultCountry) : SLOW;
  if (fast !== SLOW) return fast;
  const parsed = parseNumber(input, defaultCountry);
  if (!parsed?.isValid()) return undefined;
  return new LazyNumber(parsed.number, parsed.country, parsed);
}

/** For tests: compare the fast path with libphonenumber. */
export function setFastPathEnabled(enabled: boolean): void {
  fastPathEnabled = enabled;
}

let fastPathEnabled = true;

const SLOW = Symbol('ask libphonenumber');
type FastAnswer = ValidNumber | undefined | typeof SLOW;

function validateFast(input: string, defaultCountry: CountryCode): FastAnswer {
  let callingCode: string;
  let number: string;
  let country: CountryCode | undefined;
  if (input.startsWith('+')) {
    const digits = input.slice(1);
    const code = callingCodeOf(digits);
    // Not a country's calling code: non-geographic (`+800`, `+881`) or none at all.
    if (code === undefined) return SLOW;
    callingCode = code;
    number = digits.slice(code.length);
  } else {
    const plan = compiledPlan(defaultCountry);
    // libphonenumber also reads national digits as international after the country's exit code,
    // or after its calling code without `+` (`34912345678` in Spain): its call.
    if (!plan || exitCodeLength(input, defaultCountry) >= 0 || input.startsWith(plan.callingCode)) return SLOW;
    callingCode = plan.callingCode;
    number = input;
    country = defaultCountry;
  }
  const sharing = countriesSharing(callingCode);
  const main = sharing?.[0];
  // International numbers are read with the calling code's main country's plan, national ones
  // with the default country's.
  const readingPlan = compiledPlan(country ?? main);
  if (!sharing || !readingPlan?.nationalPrefix) return SLOW;

  let nationalNumber = number;
  const prefixLength = readingPlan.nationalPrefix(number);
  if (prefixLength > 0) {
    nationalNumber = number.slice(prefixLength);
    // libphonenumber keeps the prefix when only the unstripped number fits the pattern, or when
    // the rest has no possible length: rare, and then its call.
    if (!readingPlan.nationalPattern.test(nationalNumber)) {
      // Another country sharing the calling code may claim the rest: libphonenumber's call.
      return sharing.length > 1 || readingPlan.nationalPattern.test(number) ? SLOW : undefined;
    }
    if (!readingPlan.possibleLengths.has(nationalNumber.length)) return SLOW;
  }

  const exactCountry = sharing.length === 1 ? main : countryOf(nationalNumber, sharing);
  if (exactCountry === SLOW) return SLOW;
  const numberCountry = exactCountry ?? country;
  const validityPlan = compiledPlan(numberCountry ?? main);
  if (!validityPlan) return SLOW;
  if (nationalNumber !== number && !validityPlan.possibleLengths.has(nationalNumber.length)) return SLOW;
  return validityPlan.isValidNational(nationalNumber) ? valid(callingCode, nationalNumber, numberCountry) : undefined;
}

/** libphonenumber's `getCountryByNationalNumber`: leading digits, else the first country it is valid in. */
function countryOf(nationalNumber: string, countries: readonly CountryCode[]): CountryCode | undefined | typeof SLOW {
  for (const candidate of countries) {
    const plan = compiledPlan(candidate);
    if (!plan) return SLOW;
    if (plan.leadingDigits) {
      if (plan.leadingDigits.test(nationalNumber)) return candidate;
    } else if (plan.isValidNational(nationalNumber)) {
      return candidate;
    }
  }
  return undefined;
}

function valid(callingCode: string, nationalNumber: string, country: CountryCode | undefined): ValidNumber {
  return new LazyNumber(`+${callingCode}${nationalNumber}`, country);
}

interface CompiledPlan {
  readonly callingCode: string;
  /**
   * The length of the national prefix at the start of a number (`national_prefix_for_parsing`),
   * 0 if none; `undefined` when the prefix has capture groups or a transform rule (this copy does
   * not follow those; libphonenumber does).
   */
  readonly nationalPrefix: ((number: string) => number) | undefined;
  readonly nationalPattern: RegExp;
  readonly possibleLengths: ReadonlySet<number>;
  readonly leadingDigits: RegExp | undefined;
  readonly isValidNational: (nationalNumber: string) => boolean;
}

/** The number types `isValid()` tries, as libphonenumber names them in its metadata. */
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/**
 * The parts of libphonenumber's `NumberingPlan` used here beyond its typings (which list only
 * `leadingDigits`, `possibleLengths` and the IDD prefixes). Their presence is checked at run time;
 * without them every number takes the slow path, which is still correct.
 */
interface NumberingPlanPatterns {
  callingCode(): string;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  hasTypes(): boolean;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

const PATTERN_METHODS = [
  'callingCode',
  'nationalNumberPattern',
  'nationalPrefixForParsing',
  'nationalPrefixTransformRule',
  'hasTypes',
  'type',
];

function hasPatterns(plan: unknown): plan is NumberingPlanPatterns {
  if (typeof plan !== 'object' || plan === null) return false;
  return PATTERN_METHODS.every((name) => typeof Reflect.get(plan, name) === 'function');
}

const compiledPlans = new Map<CountryCode, CompiledPlan | undefined>();

function compiledPlan(country: CountryCode | undefined): CompiledPlan | undefined {
  if (country === undefined) return undefined;
  if (!compiledPlans.has(country)) compiledPlans.set(country, compilePlan(country));
  return compiledPlans.get(country);
}

function compilePlan(country: CountryCode): CompiledPlan | undefined {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan;
  if (!plan || !hasPatterns(plan)) return undefined;
  const nationalPattern = whole(plan.nationalNumberPattern());
  const types = plan.hasTypes()
    ? NUMBER_TYPES.flatMap((name) => {
        const type = plan.type(name);
        const pattern = type?.pattern();
        if (!type || !pattern) return [];
        return [{ pattern: whole(pattern), lengths: type.possibleLengths() }];
      })
    : undefined;
  const leadingDigits = plan.leadingDigits();
  return {
    callingCode: plan.callingCode(),
    nationalPrefix: nationalPrefixOf(plan),
    nationalPattern,
    possibleLengths: new Set(plan.possibleLengths()),
    leadingDigits: leadingDigits ? new RegExp(`^(?:${leadingDigits})`) : undefined,
    // `isValid()`: the national pattern, then any type whose lengths and pattern fit.
    isValidNational: (nationalNumber) => {
      if (!nationalPattern.test(nationalNumber)) return false;
      if (types === undefined) return true;
      for (const { pattern, lengths } of types) {
        if ((lengths === undefined || lengths.includes(nationalNumber.length)) && pattern.test(nationalNumber)) {
          return true;
        }
      }
      return false;
    },
  };
}

function nationalPrefixOf(plan: NumberingPlanPatterns): ((number: string) => number) | undefined {
  const prefix = plan.nationalPrefixForParsing();
  if (!prefix) return () => 0;
  if (plan.nationalPrefixTransformRule() || /\((?!\?)/.test(prefix)) return undefined;
  // Most prefixes are a plain digit string (`0`, `1`, `8`, `06`): no regular expression needed.
  if (/^\d+$/.test(prefix)) return (number) => (number.startsWith(prefix) ? prefix.length : 0);
  const pattern = new RegExp(`^(?:${prefix})`);
  return (number) => pattern.exec(number)?.[0].length ?? 0;
}

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** The calling code `digits` start with (codes are prefix-free: at most one fits). */
/** The calling code `digits` (without `+`) start with, if any. */
export function callingCodeOf(digits: string): string | undefined {
  for (let length = 1; length <= 3; length++) {
    const code = digits.slice(0, length);
    if (countriesSharing(code)) return code;
  }
  return undefined;
}

function countriesSharing(callingCode: string): readonly CountryCode[] | undefined {
  return metadataJson.country_calling_codes[callingCode];
}
