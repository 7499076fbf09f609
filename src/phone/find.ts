/**
 * Finding phone numbers in text: the pre-filter's digit runs are judged cheapest test first —
 * length and the trunk-prefix rule, then what touches them and their shape, then validity against
 * libphonenumber's metadata, then the cue words before them. A run may hold two numbers, or a
 * date and a number (`Tel. 0221 12345-0 / 0171 2345678`, `01.05.2024 0221 669669`): it is split
 * once — first where people separate two numbers (` / `), else where the whole fails.
 *
 * All or nothing: a number is marked only where every digit written with it is accounted for. A
 * split that leaves digits over (`+39 0474 492 | 390F.`) is taken only when what is left is
 * clearly something else: a second number, a date, a remark in parentheses, digits after a
 * separator people put between two numbers.
 */

import { AS_WRITTEN, RightToLeftText } from './bidi';
import { type Cue, cueBefore } from './cues';
import { describeMatch } from './describe';
import {
  dropsParenthesisedZero,
  hasRangesWithoutTrunkPrefix,
  parseInputFor,
  startsWithExitCode,
  TRUNK_PREFIX_COUNTRIES,
  withoutWithdrawnTrunkPrefix,
} from './dial-form';
import { type DigitRun, forEachDigitRun, MAX_RUN_GROUPS } from './digit-runs';
import {
  AS_GROUPED,
  AS_ID,
  AS_TRUNK_BLOCK,
  currencyAfter,
  currencyBefore,
  gluedAfter,
  gluedBefore,
  type Written,
} from './edges';
import { directDialled, extensionAfter } from './extension';
import type { CountryCode } from './libphonenumber';
import { scanView } from './scan-view';
import {
  continuesIban,
  hasDateAtEdge,
  hasFourDigitBlocks,
  isBelgianEnterpriseNumber,
  isCardNumber,
  isCompactDate,
  isCountingSequence,
  isDate,
  isDateWithMoreDigits,
  isIpAddress,
  isProductCode,
  isRate,
  isThousands,
  isTimeRange,
  isUnixTimestamp,
} from './shapes';
import type { FindOptions, PhoneMatch } from './types';
import { callingCodeOf, type ValidNumber, validNumber } from './validate';

/** Shortest and longest digit strings worth validating (trunk prefix or exit code included). */
const MIN_DIGITS = 6;
const MAX_DIGITS = 19;
/** Validations allowed per run and reading country: a real run needs at most a handful. */
const MAX_VALIDATIONS_PER_RUN = 24;

/** Every phone number written in `text`, in order. */
export function findPhoneNumbers(text: string, options: FindOptions): PhoneMatch[] {
  const matches: PhoneMatch[] = [];
  const view = scanView(text);
  const countries = readingCountries(options);
  const rtl = options.direction === 'rtl' ? new RightToLeftText(text) : undefined;
  const trunkPrefixOnly = countries.every(
    (country) => TRUNK_PREFIX_COUNTRIES.has(country) && !hasRangesWithoutTrunkPrefix(country),
  );
  forEachDigitRun(view, (run) => judgeRun(view, run, countries, trunkPrefixOnly, rtl, matches));
  return matches;
}

function nextRunStamp(): number {
  runStamp = runStamp === 0x7fffffff ? 1 : runStamp + 1;
  return runStamp;
}

/** At most this many hints are tried: the nearest evidence matters, the rest is noise. */
const MAX_COUNTRY_HINTS = 3;

/** The countries a national number is read in, in order: the page's hints, then the default. */
function readingCountries(options: FindOptions): readonly CountryCode[] {
  const hints = options.countryHints;
  if (!hints || hints.length === 0) return [options.defaultCountry];
  const countries: CountryCode[] = [];
  for (const hint of hints) {
    if (countries.length === MAX_COUNTRY_HINTS) break;
    if (hint !== options.defaultCountry && !countries.includes(hint)) countries.push(hint);
  }
  countries.push(options.defaultCountry);
  return countries;
}

const NOT_LOOKED_UP = Symbol('cue not looked up yet');

interface RunContext {
  readonly text: string;
  readonly run: DigitRun;
  /** Where a national number is read, first that validates wins; the last is the default country. */
  readonly countries: readonly CountryCode[];
  /** Looked up on first need: most runs are ruled out before their cue matters. */
  cue: Cue | undefined | typeof NOT_LOOKED_UP;
  validationsLeft: number;
  partsLeft: number;
  /** Every reading country writes national numbers with the trunk `0` (see `anyGroupCanStart`). */
  readonly trunkPrefixOnly: boolean;
  /** Identifies this run in the cache of judged parts. */
  readonly stamp: number;
  /** Bits of the groups a number can start at; computed when a run is first split. */
  startable: number;
  /** Where the run may be split, in the order tried; computed when it is first split. */
  splitOrder: readonly number[] | undefined;
}

/** A part's verdict: a match, or whether splitting the run could still find one. */
type Verdict = Candidate | typeof REJECT | typeof TRY_SPLIT;

/** A number found in a part; made a `PhoneMatch` only if the run's final reading keeps it. */
interface Candidate {
  readonly number: ValidNumber;
  readonly start: number;
  readonly end: number;
  readonly extension: string | undefined;
}

function toMatch(candidate: Candidate): PhoneMatch {
  return describeMatch(candidate.number, candidate.start, candidate.end, candidate.extension);
}
const REJECT = 0;
const TRY_SPLIT = 1;

function judgeRun(
  text: string,
  run: DigitRun,
  countries: readonly CountryCode[],
  trunkPrefixOnly: boolean,
  rtl: RightToLeftText | undefined,
  matches: PhoneMatch[],
): void {
  const context: RunContext = {
    text,
    run,
    countries,
    cue: NOT_LOOKED_UP,
    validationsLeft: MAX_VALIDATIONS_PER_RUN * countries.length,
    partsLeft: MAX_PARTS_PER_RUN,
    trunkPrefixOnly,
    stamp: nextRunStamp(),
    startable: NOT_COMPUTED,
    splitOrder: undefined,
  };
  const last = run.groupStarts.length - 1;
  if (rtl) {
    const displayed = rtl.displayedDigits(text, run);
    if (displayed !== AS_WRITTEN) {
      if (displayed !== undefined) judgeDisplayed(context, displayed, matches);
      return;
    }
  }
  // `0221 123 / 0171 456` is two numbers even when the digits together would make a valid one.
  for (let split = 0; split < last; split++) {
    if (!isStrongSeparator(text, run, split)) continue;
    const left = judgePart(context, 0, split);
    const right = typeof left === 'object' ? judgePart(context, split + 1, last) : REJECT;
    if (typeof left === 'object' && typeof right === 'object') {
      matches.push(toMatch(left), toMatch(right));
      return;
    }
  }
  const found = judgeSpan(context, 0, last, MAX_SPLIT_DEPTH);
  if (found !== REJECT) for (const match of found.matches) matches.push(toMatch(match));
}

/**
 * Cheap pruning before any splitting: where every reading country writes national numbers with
 * the trunk `0`, a number can only start at the run's `+` or at a group starting with `0`. Most
 * id-like runs on a German page have neither and cost nothing more.
 */
function anyGroupCanStart(context: RunContext, first: number, last: number): boolean {
  if (context.startable === NOT_COMPUTED) context.startable = startableGroups(context);
  // Groups `first`–`last` as bits (at most MAX_RUN_GROUPS = 16 of them).
  const span = ((1 << (last + 1)) - 1) & ~((1 << first) - 1);
  return (context.startable & span) !== 0;
}

const NOT_COMPUTED = -1;
const ALL_GROUPS = (1 << MAX_RUN_GROUPS) - 1;

/** A bit for each group a number can start at. */
function startableGroups(context: RunContext): number {
  const { text, run } = context;
  if (!context.trunkPrefixOnly) return ALL_GROUPS;
  let startable = run.plus ? 1 : 0;
  for (let group = 0; group < run.groupStarts.length; group++) {
    if (text.charCodeAt(run.groupStarts[group] ?? 0) === 0x30) startable |= 1 << group;
  }
  return startable;
}

/** How often a failing span is split again: enough for a list of three or four numbers. */
const MAX_SPLIT_DEPTH = 2;
/** Spans judged per run at most, whatever its shape: keeps every run's cost bounded. */
const MAX_PARTS_PER_RUN = 96;

interface SpanResult {
  readonly matches: readonly Candidate[];
  /** Every digit of the span belongs to a match or is clearly something else. */
  readonly accounted: boolean;
}

const NOTHING: SpanResult = { matches: [], accounted: false };

/**
 * The numbers in groups `first`–`last`: the whole span if it is one, else the best split into
 * parts that are each a number, or left-overs that are clearly no part of one (all or nothing).
 */
function judgeSpan(context: RunContext, first: number, last: number, depth: number): SpanResult | typeof REJECT {
  if (context.partsLeft <= 0) return REJECT;
  context.partsLeft--;
  const whole = judgePart(context, first, last);
  if (typeof whole === 'object') return { matches: [whole], accounted: true };
  if (whole === REJECT) return REJECT;
  if (depth === 0 || first === last || !anyGroupCanStart(context, first, last)) return NOTHING;
  let best = NOTHING;
  context.splitOrder ??= splitPoints(context.text, context.run);
  for (const split of context.splitOrder) {
    if (split < first || split >= last) continue;
    const leftCanStart = anyGroupCanStart(context, first, split);
    const rightCanStart = anyGroupCanStart(context, split + 1, last);
    // A side that cannot hold a number must be clearly something else, or nothing found beside
    // it may be kept: checked before anything is validated.
    if (!leftCanStart && (!rightCanStart || !isOtherThanNumber(context, first, split, split, true))) continue;
    if (!rightCanStart && !isOtherThanNumber(context, split + 1, last, split, true)) continue;
    const left = leftCanStart ? judgeSpan(context, first, split, depth - 1) : NOTHING;
    const right = rightCanStart ? judgeSpan(context, split + 1, last, depth - 1) : NOTHING;
    const leftMatches = left === REJECT ? [] : left.matches;
    const rightMatches = right === REJECT ? [] : right.matches;
    if (leftMatches.length + rightMatches.length <= best.matches.length) continue;
    const leftAccounted =
      (left !== REJECT && left.accounted) || isOtherThanNumber(context, first, split, split, rightMatches.length > 0);
    const rightAccounted =
      (right !== REJECT && right.accounted) ||
      isOtherThanNumber(context, split + 1, last, split, leftMatches.length > 0);
    if (!leftAccounted || !rightAccounted) continue;
    best = {
      matches:
        rightMatches.length === 0
          ? leftMatches
          : leftMatches.length === 0
            ? rightMatches
            : [...leftMatches, ...rightMatches],
      accounted: true,
    };
  }
  return best;
}

/**
 * Whether the groups `first`–`last` left over by a split are clearly not the rest of the number
 * beside them: a date or time, a remark or price in parentheses (`(20 ct/Anruf)`), digits after a
 * separator people put between two numbers, or digits glued to a decimal or currency. Anything
 * else may be the number's own digits, and marking the rest would call a different number.
 */
function isOtherThanNumber(
  context: RunContext,
  first: number,
  last: number,
  split: number,
  numberBeside: boolean,
): boolean {
  const { text, run } = context;
  // Nothing beside it was found: nothing is cut short by leaving these digits alone.
  if (!numberBeside) return true;
  if (isStrongSeparator(text, run, split) || isNumberListSeparator(text, run, split)) return true;
  if (isSentenceEnd(text, run, split) || isLineBreakBefore(text, run, split + 1)) return true;
  const start = run.groupStarts[first] ?? 0;
  const end = run.groupEnds[last] ?? 0;
  const written = text.slice(first === 0 ? run.start : start, end);
  if (isDate(written) || isTimeRange(written) || hasDateAtEdge(written)) return true;
  const after = first > split;
  // A remark or price in parentheses after the number.
  if (after && text[start - 1] === '(') return true;
  const nextStart = run.groupStarts[split + 1] ?? 0;
  // An extension written after the number with a separator the pre-filter kept (`524 ~1234`).
  if (after && (extensionAfter(text, run.groupEnds[split] ?? 0)?.end ?? 0) >= end) return true;
  // An amount before the number (`$20 415-666-7777`), not thousands of the same amount.
  if (
    !after &&
    first === last &&
    first === 0 &&
    currencyBefore(text, run.start) &&
    !continuesGrouping(text, run, split)
  ) {
    return true;
  }
  // Digits enough for a number of their own, after a space: another token, not this number's tail.
  if (digitCount(run, first, last) >= MIN_DIGITS + 1 && SPACE.test(text.slice(run.groupEnds[split], nextStart)))
    return true;
  return (
    after &&
    last === run.groupStarts.length - 1 &&
    (currencyAfter(text, end) || /^[,.]\d/.test(text.slice(end, end + 2)))
  );
}

/** Whether the groups after `split` are written like thousands of the group before (`20 415 666`). */
function continuesGrouping(text: string, run: DigitRun, split: number): boolean {
  const separator = text.slice(run.groupEnds[split], run.groupStarts[split + 1]);
  for (let group = split + 1; group < run.groupStarts.length; group++) {
    if ((run.groupEnds[group] ?? 0) - (run.groupStarts[group] ?? 0) !== 3) return false;
    const next = run.groupStarts[group + 1];
    if (next !== undefined && text.slice(run.groupEnds[group], next) !== separator) return false;
  }
  return true;
}

function digitCount(run: DigitRun, first: number, last: number): number {
  let count = 0;
  for (let group = first; group <= last; group++) count += (run.groupEnds[group] ?? 0) - (run.groupStarts[group] ?? 0);
  return count;
}

/** Where a run may be split: after a group followed by a space, strong separators first, then `/` and `-` joins. */
function splitPoints(text: string, run: DigitRun): number[] {
  const strong: number[] = [];
  const weak: number[] = [];
  const joins: number[] = [];
  let digitsBefore = 0;
  for (let group = 0; group < run.groupStarts.length - 1; group++) {
    digitsBefore += (run.groupEnds[group] ?? 0) - (run.groupStarts[group] ?? 0);
    const from = run.groupEnds[group] ?? 0;
    const to = run.groupStarts[group + 1] ?? 0;
    if (isStrongSeparator(text, run, group)) strong.push(group);
    else if (SPACE.test(text.slice(from, to))) weak.push(group);
    // A bare `/` or dash splits only two whole numbers (`0221 66966966/0171 1234567`): never a
    // date, a range or an id into pieces.
    else if (to - from === 1 && digitsBefore >= MIN_DIGITS && run.digitCount - digitsBefore >= MIN_DIGITS) {
      if (text.charCodeAt(from) === 0x2f || DASH.test(text[from] ?? '')) joins.push(group);
    }
  }
  return [...strong, ...outsideIn(weak), ...joins];
}

const SPACE = /[\s\u00a0\u2007\u2009\u202f]/u;
const STRONG_SEPARATOR = /^(?:\s[/\-\u2013|]\s|\s\s+|--|\u2013|\s?\|\s?)$/u;
/**
 * Split points from the run's edges inwards: what is glued to a number is usually at its start (a date,
 * an amount) or its end (a remark, an extension), so those splits are tried first.
 */
function outsideIn(points: readonly number[]): number[] {
  const ordered: number[] = [];
  for (let low = 0, high = points.length - 1; low <= high; low++, high--) {
    ordered.push(points[high] ?? 0);
    if (low !== high) ordered.push(points[low] ?? 0);
  }
  return ordered;
}

const DASH = /^[-\u2010-\u2013]$/u;

/** The separators people put between two numbers: ` / `, ` - `, ` – `, `--`, two spaces. */
function isStrongSeparator(text: string, run: DigitRun, afterGroup: number): boolean {
  const from = run.groupEnds[afterGroup] ?? 0;
  const to = run.groupStarts[afterGroup + 1] ?? 0;
  // Single characters other than the en dash are never strong; checking the length first keeps
  // this off the hot path.
  return (to - from > 1 || text.charCodeAt(from) === 0x2013) && STRONG_SEPARATOR.test(text.slice(from, to));
}

/**
 * A bare `/` between a number and more digits: `0221 66966966/0171 1234567`. (A dash is not:
 * `0800-000-00-00` and `61302222-8866` continue the number, so what follows a dash is never
 * left over as something else.)
 */
function isNumberListSeparator(text: string, run: DigitRun, afterGroup: number): boolean {
  return text.slice(run.groupEnds[afterGroup], run.groupStarts[afterGroup + 1]) === '/';
}

function isLineBreakBefore(text: string, run: DigitRun, group: number): boolean {
  const from = run.groupEnds[group - 1] ?? 0;
  const to = run.groupStarts[group] ?? 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a) return true;
  return false;
}

/**
 * A run of right-to-left text whose groups are displayed in another order than written (see
 * `bidi.ts`): read as displayed, as a whole; a reading that does not validate leaves it unmarked
 * rather than guessed.
 */
function judgeDisplayed(context: RunContext, displayedDigits: string, matches: PhoneMatch[]): void {
  const verdict = judgeDigits(context, 0, context.run.groupStarts.length - 1, displayedDigits, false);
  if (typeof verdict === 'object') matches.push(toMatch(verdict));
}

/**
 * Parts already judged in the current run, by `first * MAX_RUN_GROUPS + last`: splitting judges
 * the same part from several splits. Module-level and stamped per run, so nothing is allocated.
 */
const partVerdicts: Verdict[] = [];
const partStamps = new Int32Array(MAX_RUN_GROUPS * MAX_RUN_GROUPS);
let runStamp = 0;

function judgePart(context: RunContext, first: number, last: number): Verdict {
  const key = first * MAX_RUN_GROUPS + last;
  if (partStamps[key] === context.stamp) return partVerdicts[key] ?? REJECT;
  const verdict = judgePartUncached(context, first, last);
  partStamps[key] = context.stamp;
  partVerdicts[key] = verdict;
  return verdict;
}

function judgePartUncached(context: RunContext, first: number, last: number): Verdict {
  const { text, run, countries } = context;
  const plus = first === 0 && run.plus;
  const defaultCountry = countries[countries.length - 1] ?? 'DE';
  const verdict = judgeDigits(context, first, last, partDigits(text, run, first, last, plus, defaultCountry), plus);
  if (verdict !== TRY_SPLIT || !hasParenthesisedZero(text, run, first, last)) return verdict;
  // `+47 (0)22 …`: Norway has no trunk prefix, but people write one anyway. Where the rule's
  // reading is no number, the other one is tried: only one of them can be a number of that plan.
  const other = judgeDigits(context, first, last, partDigits(text, run, first, last, plus, defaultCountry, true), plus);
  return typeof other === 'object' ? other : verdict;
}

function judgeDigits(context: RunContext, first: number, last: number, digits: string, plus: boolean): Verdict {
  const { text, run, countries } = context;
  const isRunStart = first === 0;
  const isRunEnd = last === run.groupStarts.length - 1;
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return TRY_SPLIT;
  if (!anyCountryReads(countries, digits, plus)) return TRY_SPLIT;

  const start = partStart(text, run, first);
  const end = run.groupEnds[last] ?? run.end;
  // An amount or an IBAN taints the whole run; a glued edge only the parts that touch it
  // (`Hotline 0900 1 234567 (1,99 €/Min.)` is one run whose tail is glued to a decimal).
  if ((isRunStart && currencyBefore(text, start)) || (isRunEnd && currencyAfter(text, end))) {
    // `$20 415-666-7777`: the amount is the run's first group, the number the rest.
    return first === last ? REJECT : TRY_SPLIT;
  }
  if (isRunStart && continuesIban(text, start)) return REJECT;
  if (hasUnclosedParenthesis(text, run, first, last) || hasSentenceEnd(text, run, first, last)) return TRY_SPLIT;
  // An extension may be written with a separator the pre-filter keeps in the run (`524 ~1234`):
  // then it takes the rest of the run.
  const extension = extensionReachingRunEnd(text, run, end, isRunEnd);
  const written: Written =
    plus || first < last || text.charCodeAt(start) === 0x28
      ? AS_GROUPED
      : digits.charCodeAt(0) === 0x30
        ? AS_TRUNK_BLOCK
        : AS_ID;
  if ((isRunStart && gluedBefore(text, start, written)) || (isRunEnd && !extension && gluedAfter(text, end, written))) {
    return TRY_SPLIT;
  }

  let soft = false;
  if (!plus) {
    const writtenText = text.slice(start, end);
    if (isDate(writtenText) || isTimeRange(writtenText) || isIpAddress(writtenText)) return REJECT;
    if (isDateWithMoreDigits(writtenText) || isCountingSequence(run, text, first, last)) return REJECT;
    if (hasDateAtEdge(writtenText)) return TRY_SPLIT;
    const groups = last - first + 1;
    if (hasFourDigitBlocks(run, first, last) || looksLikeCard(digits, run, first, groups)) return REJECT;
    soft =
      isBelgianEnterpriseNumber(writtenText) ||
      (groups === 1 && (isUnixTimestamp(digits) || isProductCode(digits) || isCompactDate(digits)));
  }

  // The tail of an IBAN in blocks (`X054 2811 … 0123 456`), checked last for parts inside a run.
  if (!isRunStart && continuesIban(text, start)) return REJECT;
  const found = validateIn(context, digits, plus);
  if (found === REJECT) return REJECT;
  if (!found) return TRY_SPLIT;

  // Cue words last, and only for numbers written without `+`: order numbers never start with
  // one, so a cue cannot change the verdict on those; looking cues up costs more than validating.
  if (!plus) {
    if (context.cue === NOT_LOOKED_UP) {
      context.cue = cueBefore(text, run.start, { unbroken: run.groupStarts.length === 1 });
    }
    // A part on a line of its own has no cue: the line before ended with digits.
    const cue = first > 0 && isLineBreakBefore(text, run, first) ? undefined : context.cue;
    if (cue === 'id') return REJECT;
    if (cue !== 'phone' && (soft || looksLikeQuantity(text, start, end))) return REJECT;
  }
  if (extension?.directDial) {
    const direct = directDialled(found, extension.digits);
    if (direct) return { number: direct, start, end: extension.end, extension: undefined };
  }
  return { number: found, start, end, extension: extension?.digits };
}

/**
 * Checked only for valid numbers, written without `+` and without a phone cue: a rate or range
 * (`6780/6850`), a quantity with thousands separators and a word after it (`612 345 678 visiteurs`).
 */
function looksLikeQuantity(text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  return isRate(written) || (isThousands(written) && wordFollows(text, end));
}

/** A lower-case word right after the digits: `612 345 678 visiteurs` counts something. */
function wordFollows(text: string, end: number): boolean {
  let position = end;
  while (position < end + 2 && SPACE.test(text[position] ?? '')) position++;
  return position > end && /\p{Ll}/u.test(text[position] ?? '');
}

/** The trunk-prefix rule: whether any reading country could read `digits` as a number. */
function anyCountryReads(countries: readonly CountryCode[], digits: string, plus: boolean): boolean {
  for (const country of countries) if (parseInputFor(digits, plus, country) !== undefined) return true;
  return false;
}

/**
 * The number `digits` denote: international ones once, national ones in each reading country in
 * turn (the page's hints, nearest first, then the default country); the first that validates wins.
 */
function validateIn(context: RunContext, digits: string, plus: boolean): ValidNumber | undefined | typeof REJECT {
  let internationalTried = false;
  for (const country of context.countries) {
    const input = parseInputFor(digits, plus, country);
    if (input === undefined) continue;
    const international = input.startsWith('+');
    if (international && internationalTried) continue;
    internationalTried ||= international;
    if (context.validationsLeft <= 0) return REJECT;
    context.validationsLeft--;
    const found = validNumber(input, country) ?? (international ? undefined : afterWithdrawnPrefix(input, country));
    if (found) return found;
  }
  return undefined;
}

/**
 * A national number after a trunk prefix its own country has withdrawn (`01 (449) 978-0001` on a
 * Mexican page): read only in that country, so digits no plan explains before a number
 * (`8 (800) …`, Russian, on a US page) still stop it — all or nothing.
 */
function afterWithdrawnPrefix(input: string, country: CountryCode): ValidNumber | undefined {
  const rest = withoutWithdrawnTrunkPrefix(input, country);
  return rest === undefined ? undefined : validNumber(rest, country);
}

function extensionReachingRunEnd(text: string, run: DigitRun, end: number, isRunEnd: boolean) {
  const extension = extensionAfter(text, end);
  return extension && (isRunEnd || extension.end >= run.end) ? extension : undefined;
}

/** `. ` between two groups: a sentence ends there (`… 7777. 34215 is my zip code`), a number does not. */
function hasSentenceEnd(text: string, run: DigitRun, first: number, last: number): boolean {
  for (let group = first; group < last; group++) {
    if (isSentenceEnd(text, run, group)) return true;
  }
  return false;
}

function isSentenceEnd(text: string, run: DigitRun, afterGroup: number): boolean {
  const from = run.groupEnds[afterGroup] ?? 0;
  return text.charCodeAt(from) === 0x2e && SPACE.test(text[from + 1] ?? '');
}

/**
 * A `(` inside the part that the part does not close: the part ends inside a remark
 * (`01806 123456 (20 ct/Anruf)`), and its last digits are not the number's.
 */
function hasUnclosedParenthesis(text: string, run: DigitRun, first: number, last: number): boolean {
  let open = first === 0 && text[run.start] === '(' ? 1 : 0;
  for (let group = first; group < last; group++) {
    const from = run.groupEnds[group] ?? 0;
    const to = run.groupStarts[group + 1] ?? 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x28) open++;
      else if (code === 0x29 && open > 0) open--;
    }
  }
  return open > 0;
}

/** A part starting mid-run takes a `(` written right before it when the part closes it. */
function partStart(text: string, run: DigitRun, first: number): number {
  if (first === 0) return run.start;
  const groupStart = run.groupStarts[first] ?? run.start;
  if (text[groupStart - 1] !== '(') return groupStart;
  const closing = text.slice(run.groupEnds[first] ?? groupStart, run.groupStarts[first + 1] ?? groupStart);
  return closing.includes(')') ? groupStart - 1 : groupStart;
}

/**
 * The part's digits. In an international number a lone `(0)` right after the country code is the
 * trunk prefix shown for national callers (`+49 (0)30 …`) and is not dialled — where the country
 * has a trunk prefix `0`. Italy and San Marino dial it (`+39 (0)2 …` is `+39 02 …`).
 */
function partDigits(
  text: string,
  run: DigitRun,
  first: number,
  last: number,
  plus: boolean,
  country: CountryCode,
  otherReading = false,
): string {
  let digits = '';
  for (let group = first; group <= last; group++) {
    const groupStart = run.groupStarts[group] ?? 0;
    const groupEnd = run.groupEnds[group] ?? 0;
    if (isParenthesisedZero(text, run, first, group) && dropsWrittenZero(digits, plus, country) !== otherReading) {
      continue;
    }
    digits += text.slice(groupStart, groupEnd);
  }
  return digits;
}

/** A lone `(0)` right after the country code: one of the part's first three groups. */
function isParenthesisedZero(text: string, run: DigitRun, first: number, group: number): boolean {
  const groupStart = run.groupStarts[group] ?? 0;
  const groupEnd = run.groupEnds[group] ?? 0;
  return (
    group > first &&
    group <= first + 2 &&
    groupEnd - groupStart === 1 &&
    text.charCodeAt(groupStart) === 0x30 &&
    text[groupStart - 1] === '(' &&
    text[groupEnd] === ')'
  );
}

function hasParenthesisedZero(text: string, run: DigitRun, first: number, last: number): boolean {
  for (let group = first + 1; group <= Math.min(last, first + 2); group++) {
    if (isParenthesisedZero(text, run, first, group)) return true;
  }
  return false;
}

function dropsWrittenZero(digitsBefore: string, plus: boolean, country: CountryCode): boolean {
  let international: string;
  if (plus) international = digitsBefore;
  else if (startsWithExitCode(digitsBefore, country)) {
    const input = parseInputFor(digitsBefore, false, country);
    if (input === undefined || !input.startsWith('+')) return false;
    international = input.slice(1);
  } else return false;
  const callingCode = callingCodeOf(international);
  return callingCode === undefined || dropsParenthesisedZero(callingCode);
}

/**
 * Card numbers are written in one block or in blocks led by four digits (`4111 1111 1111 1111`,
 * `3782 822463 10005`), and never start with 0 — unlike a trunk-prefixed phone number.
 */
function looksLikeCard(digits: string, run: DigitRun, first: number, groups: number): boolean {
  if (digits.length < 13 || digits.startsWith('0')) return false;
  if (groups > 1 && (run.groupEnds[first] ?? 0) - (run.groupStarts[first] ?? 0) !== 4) return false;
  return isCardNumber(digits);
}
