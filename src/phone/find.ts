/**
 * Finding phone numbers in text: the pre-filter's digit runs are judged cheapest test first —
 * length and the trunk-prefix rule, then what touches them and their shape, then validity against
 * libphonenumber's metadata, then the cue words before them. A run may hold two numbers, or a
 * date and a number (`Tel. 0221 12345-0 / 0171 2345678`, `01.05.2024 0221 669669`): it is split
 * once, at a space — first where people separate two numbers (` / `), else where the whole fails.
 */

import { type Cue, cueBefore } from './cues';
import { describeMatch } from './describe';
import { parseInputFor, startsWithExitCode } from './dial-form';
import { type DigitRun, forEachDigitRun } from './digit-runs';
import { currencyAfter, currencyBefore, gluedAfter, gluedBefore } from './edges';
import type { CountryCode } from './libphonenumber';
import {
  continuesIban,
  hasDateAtEdge,
  hasFourDigitBlocks,
  isBelgianEnterpriseNumber,
  isCardNumber,
  isCompactDate,
  isDate,
  isIpAddress,
  isProductCode,
  isTimeRange,
  isUnixTimestamp,
} from './shapes';
import type { FindOptions, PhoneMatch } from './types';
import { validNumber } from './validate';

/** Shortest and longest digit strings worth validating (trunk prefix or exit code included). */
const MIN_DIGITS = 6;
const MAX_DIGITS = 19;
/** Validations allowed per run: a real run needs at most three (whole, left, right). */
const MAX_VALIDATIONS_PER_RUN = 8;

/** Every phone number written in `text`, in order. */
export function findPhoneNumbers(text: string, options: FindOptions): PhoneMatch[] {
  const matches: PhoneMatch[] = [];
  forEachDigitRun(text, (run) => judgeRun(text, run, options.defaultCountry, matches));
  return matches;
}

const NOT_LOOKED_UP = Symbol('cue not looked up yet');

interface RunContext {
  readonly text: string;
  readonly run: DigitRun;
  readonly country: CountryCode;
  /** Looked up on first need: most runs are ruled out before their cue matters. */
  cue: Cue | undefined | typeof NOT_LOOKED_UP;
  validationsLeft: number;
}

/** A part's verdict: a match, or whether splitting the run could still find one. */
type Verdict = PhoneMatch | typeof REJECT | typeof TRY_SPLIT;
const REJECT = 0;
const TRY_SPLIT = 1;

function judgeRun(text: string, run: DigitRun, country: CountryCode, matches: PhoneMatch[]): void {
  const context: RunContext = { text, run, country, cue: NOT_LOOKED_UP, validationsLeft: MAX_VALIDATIONS_PER_RUN };
  const last = run.groupStarts.length - 1;
  // `0221 123 / 0171 456` is two numbers even when the digits together would make a valid one.
  for (let split = 0; split < last; split++) {
    if (!isStrongSeparator(text, run, split)) continue;
    const left = judgePart(context, 0, split);
    const right = typeof left === 'object' ? judgePart(context, split + 1, last) : REJECT;
    if (typeof left === 'object' && typeof right === 'object') {
      matches.push(left, right);
      return;
    }
  }
  const whole = judgePart(context, 0, last);
  if (typeof whole === 'object') {
    matches.push(whole);
    return;
  }
  if (whole === REJECT) return;
  let best: PhoneMatch[] = [];
  for (const split of splitPoints(text, run)) {
    const found: PhoneMatch[] = [];
    const left = judgePart(context, 0, split);
    if (typeof left === 'object') found.push(left);
    const right = judgePart(context, split + 1, last);
    if (typeof right === 'object') found.push(right);
    if (found.length > best.length) best = found;
    if (best.length === 2) break;
  }
  for (const match of best) matches.push(match);
}

/** Where a run may be split: after a group followed by a space, strong separators first. */
function splitPoints(text: string, run: DigitRun): number[] {
  const strong: number[] = [];
  const weak: number[] = [];
  for (let group = 0; group < run.groupStarts.length - 1; group++) {
    if (isStrongSeparator(text, run, group)) strong.push(group);
    else if (SPACE.test(text.slice(run.groupEnds[group], run.groupStarts[group + 1]))) weak.push(group);
  }
  return [...strong, ...weak];
}

const SPACE = /[\s\u00a0\u2007\u2009\u202f]/u;
const STRONG_SEPARATOR = /^(?:\s[/\-\u2013]\s|\s\s+)$/u;

/** The separators people put between two numbers: ` / `, ` - `, ` – `, two spaces. */
function isStrongSeparator(text: string, run: DigitRun, afterGroup: number): boolean {
  const from = run.groupEnds[afterGroup] ?? 0;
  const to = run.groupStarts[afterGroup + 1] ?? 0;
  // Single characters are never strong; checking the length first keeps this off the hot path.
  return to - from > 1 && STRONG_SEPARATOR.test(text.slice(from, to));
}

function judgePart(context: RunContext, first: number, last: number): Verdict {
  const { text, run, country } = context;
  const isRunStart = first === 0;
  const isRunEnd = last === run.groupStarts.length - 1;
  const plus = isRunStart && run.plus;
  const digits = partDigits(text, run, first, last, plus, country);
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return TRY_SPLIT;
  const input = parseInputFor(digits, plus, country);
  if (input === undefined) return TRY_SPLIT;

  const start = partStart(text, run, first);
  const end = run.groupEnds[last] ?? run.end;
  // An amount or an IBAN taints the whole run; a glued edge only the parts that touch it
  // (`Hotline 0900 1 234567 (1,99 €/Min.)` is one run whose tail is glued to a decimal).
  if ((isRunStart && currencyBefore(text, start)) || (isRunEnd && currencyAfter(text, end))) return REJECT;
  if (continuesIban(text, start)) return REJECT;
  if ((isRunStart && gluedBefore(text, start)) || (isRunEnd && gluedAfter(text, end))) return TRY_SPLIT;

  let soft = false;
  if (!plus) {
    const written = text.slice(start, end);
    if (isDate(written) || isTimeRange(written) || isIpAddress(written)) return REJECT;
    if (hasDateAtEdge(written)) return TRY_SPLIT;
    const groups = last - first + 1;
    if (hasFourDigitBlocks(run, first, last) || looksLikeCard(digits, run, first, groups)) return REJECT;
    soft =
      isBelgianEnterpriseNumber(written) ||
      (groups === 1 && (isUnixTimestamp(digits) || isProductCode(digits) || isCompactDate(digits)));
  }

  if (context.validationsLeft <= 0) return REJECT;
  context.validationsLeft--;
  const found = validNumber(input, country);
  if (!found) return TRY_SPLIT;

  // Cue words last, and only for numbers written without `+`: order numbers never start with
  // one, so a cue cannot change the verdict on those; looking cues up costs more than validating.
  if (!plus) {
    if (context.cue === NOT_LOOKED_UP) {
      context.cue = cueBefore(text, run.start, { unbroken: run.groupStarts.length === 1 });
    }
    if (context.cue === 'id') return REJECT;
    if (soft && context.cue !== 'phone') return REJECT;
  }
  return describeMatch(found, start, end);
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
 * trunk prefix shown for national callers (`+49 (0)30 …`) and is not dialled.
 */
function partDigits(
  text: string,
  run: DigitRun,
  first: number,
  last: number,
  plus: boolean,
  country: CountryCode,
): string {
  let digits = '';
  for (let group = first; group <= last; group++) {
    const groupStart = run.groupStarts[group] ?? 0;
    const groupEnd = run.groupEnds[group] ?? 0;
    const isParenthesisedZero =
      group > first &&
      group <= first + 2 &&
      groupEnd - groupStart === 1 &&
      text.charCodeAt(groupStart) === 0x30 &&
      text[groupStart - 1] === '(' &&
      text[groupEnd] === ')';
    if (isParenthesisedZero && (plus || startsWithExitCode(digits, country))) continue;
    digits += text.slice(groupStart, groupEnd);
  }
  return digits;
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
