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
import type { NumberSource } from './describe';
import { exitCodeLength } from './dial-form';
import { type CountryCode, Metadata, metadataJson, type ParsedNumber, parseNumber } from './libphonenumber';

/** A valid number; libphonenumber's parse of it (for type and formatting) is made on first call. */
export type ValidNumber = NumberSource;

/**
 * The valid number `input` denotes, or `undefined`. `input` is `+` and digits, or national digits
 * read with `defaultCountry`.
 */
export function validNumber(input: string, defaultCountry: CountryCode): ValidNumber | undefined {
  const fast = fastPathEnabled ? validateFast(input, defaultCountry) : SLOW;
  if (fast !== SLOW) return fast;
  const parsed = parseNumber(input, defaultCountry);
  if (!parsed?.isValid()) return undefined;
  return { e164: parsed.number, country: parsed.country, parsed: () => parsed };
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
    const code = [1, 2, 3].map((length) => digits.slice(0, length)).find((prefix) => countriesSharing(prefix));
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
  const prefix = readingPlan.nationalPrefix.exec(number);
  if (prefix && prefix[0] !== '') {
    nationalNumber = number.slice(prefix[0].length);
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
  return new FastValidNumber(`+${callingCode}${nationalNumber}`, country);
}

/** A class rather than a closure: pages hold thousands of these. */
class FastValidNumber implements NumberSource {
  #parsed: ParsedNumber | undefined;
  constructor(
    readonly e164: string,
    readonly country: CountryCode | undefined,
  ) {}
  parsed(): ParsedNumber {
    this.#parsed ??= parseNumber(this.e164);
    if (!this.#parsed) throw new Error(`libphonenumber rejects ${this.e164}, which its own patterns accept`);
    return this.#parsed;
  }
}

interface CompiledPlan {
  readonly callingCode: string;
  /**
   * `^(?:national_prefix_for_parsing)`, or a pattern matching nothing when the country has none;
   * `undefined` when the prefix has capture groups or a transform rule (this copy does not follow
   * those; libphonenumber does).
   */
  readonly nationalPrefix: RegExp | undefined;
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
    isValidNational: (nationalNumber) =>
      nationalPattern.test(nationalNumber) &&
      (types === undefined ||
        types.some(
          ({ pattern, lengths }) =>
            (lengths === undefined || lengths.includes(nationalNumber.length)) && pattern.test(nationalNumber),
        )),
  };
}

function nationalPrefixOf(plan: NumberingPlanPatterns): RegExp | undefined {
  const prefix = plan.nationalPrefixForParsing();
  if (!prefix) return /^(?!)/;
  if (plan.nationalPrefixTransformRule() || /\((?!\?)/.test(prefix)) return undefined;
  return new RegExp(`^(?:${prefix})`);
}

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function countriesSharing(callingCode: string): readonly CountryCode[] | undefined {
  return metadataJson.country_calling_codes[callingCode];
}
