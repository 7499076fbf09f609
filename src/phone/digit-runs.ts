/**
 * The pre-filter: one linear pass that finds every stretch of text a phone number could be written
 * in — digit groups joined by the separators people put inside numbers (`0221 66966966`,
 * `030/2 34 56 78`, `02/123.45.67`, `+49 (0)30 1234567`). Everything after this looks only at these
 * runs, so text without one costs a single native regular-expression scan and nothing else.
 *
 * Runs are maximal: a run is never started inside another one, so `DE89 3704 0044 …` is one run
 * glued to letters, not a clean `3704 0044 …` further on. Each character is visited a bounded
 * number of times, whatever the input (a 100,000-digit run, endless `1-1-1-…`): runs over the
 * limits are dropped at the first group or digit past them.
 */

export interface DigitRun {
  /** The first character: a leading `+` or `(` when written, else the first digit. */
  readonly start: number;
  /** Just after the last digit. */
  readonly end: number;
  /** Offsets of each digit group: `text.slice(groupStarts[i], groupEnds[i])` is all digits. */
  readonly groupStarts: readonly number[];
  readonly groupEnds: readonly number[];
  readonly digitCount: number;
  /** Written with a leading `+`. */
  readonly plus: boolean;
}

/** Fewer digits than this is no phone number anywhere (with trunk prefix or country code). */
export const MIN_RUN_DIGITS = 6;
/** More digits or groups than two numbers written side by side have: not worth a look. */
export const MAX_RUN_DIGITS = 34;
export const MAX_RUN_GROUPS = 16;
/** Longest separator between two groups: ` / `, `) (`, ` - `, and ` - (` / `) - ` (`+49 - (40) - 300 30`). */
const MAX_SEPARATOR = 4;

const PLUS = 0x2b;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Characters seen between the digit groups of phone numbers in our markets, as a character class:
 * space, `-`, `.`, `/`, parentheses, no-break, figure, thin and narrow no-break spaces (French
 * typography), Unicode hyphens and dashes up to the en dash, the minus sign, `~` (wait for the
 * dial tone, in old exit codes: `0~0 1800 …`), and the line break: in a page's text a line break
 * inside a text node is shown as a space, so a number broken across source lines is one number.
 */
const SEPARATORS = ' \\n\\-./()~\\u00a0\\u2007\\u2009\\u202f\\u2010-\\u2013\\u2212';

/**
 * A run: digits, separated by at most four separator characters, with at least `MIN_RUN_DIGITS`
 * digits. The separator class and the digits are disjoint and every repetition is bounded, so the
 * engine never backtracks more than a few characters: matching is linear in the text's length,
 * and native, which makes it three times faster than a character loop on digit-dense text.
 */
const RUN = new RegExp(`[0-9](?:[${SEPARATORS}]{0,${MAX_SEPARATOR}}[0-9]){${MIN_RUN_DIGITS - 1},}`, 'g');

/**
 * Calls `visit` with every run of at least `MIN_RUN_DIGITS` and at most `MAX_RUN_DIGITS` digits
 * (and `MAX_RUN_GROUPS` groups), in order. A visitor rather than a list, and one run object
 * reused for all runs (valid only during the call): a digit-dense page has tens of thousands of
 * runs, and judging each as it is found keeps them from piling up for the garbage collector.
 */
export function forEachDigitRun(text: string, visit: (run: DigitRun) => void): void {
  const run: MutableDigitRun = { start: 0, end: 0, groupStarts: [], groupEnds: [], digitCount: 0, plus: false };
  // One expression for all calls (a copy per call cost as much as the search in short texts);
  // its position is kept across `visit`, which may search text of its own.
  const runs = RUN;
  runs.lastIndex = 0;
  for (let found = runs.exec(text); found !== null; found = runs.exec(text)) {
    const end = found.index + found[0].length;
    if (collectRun(text, found.index, end, run)) visit(run);
    else forEachListItem(text, found.index, end, run, visit);
    runs.lastIndex = end;
  }
}

/**
 * Where people separate the items of a list of numbers: ` - `, ` / `, ` – `, ` | `, `--`, two
 * spaces, a line break. A run over the limits that has them (`415-666-7777 - 800-443-1223 - 212-…`) is a list,
 * and each item is a run of its own; one without them is dropped.
 */
const LIST_SEPARATOR = /[ \u00a0][/\-\u2013|][ \u00a0]|--|\u2013|[ \u00a0]{2,}|\n/g;

function forEachListItem(
  text: string,
  start: number,
  end: number,
  run: MutableDigitRun,
  visit: (run: DigitRun) => void,
): void {
  const separators = new RegExp(LIST_SEPARATOR);
  separators.lastIndex = start;
  let itemStart = start;
  for (let found = separators.exec(text); found !== null && found.index < end; found = separators.exec(text)) {
    visitItem(text, itemStart, found.index, run, visit);
    itemStart = found.index + found[0].length;
  }
  visitItem(text, itemStart, end, run, visit);
}

function visitItem(
  text: string,
  start: number,
  end: number,
  run: MutableDigitRun,
  visit: (run: DigitRun) => void,
): void {
  let first = start;
  while (first < end && !isAsciiDigit(text.charCodeAt(first))) first++;
  let last = end;
  while (last > first && !isAsciiDigit(text.charCodeAt(last - 1))) last--;
  let digits = 0;
  for (let i = first; i < last && digits < MIN_RUN_DIGITS; i++) if (isAsciiDigit(text.charCodeAt(i))) digits++;
  if (digits >= MIN_RUN_DIGITS && collectRun(text, first, last, run)) visit(run);
}

interface MutableDigitRun {
  start: number;
  end: number;
  groupStarts: number[];
  groupEnds: number[];
  digitCount: number;
  plus: boolean;
}

/** The runs as a list, each its own object (for tests and tools; the detector uses the visitor). */
export function findDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  forEachDigitRun(text, (run) =>
    runs.push({ ...run, groupStarts: [...run.groupStarts], groupEnds: [...run.groupEnds] }),
  );
  return runs;
}

/** Fills `run` with the groups of the run at `first`–`end`; false when it has too many. */
function collectRun(text: string, first: number, end: number, run: MutableDigitRun): boolean {
  run.groupStarts.length = 0;
  run.groupEnds.length = 0;
  let digitCount = 0;
  let position = first;
  while (position < end) {
    if (run.groupStarts.length === MAX_RUN_GROUPS) return false;
    const groupStart = position;
    while (position < end && isAsciiDigit(text.charCodeAt(position))) position++;
    run.groupStarts.push(groupStart);
    run.groupEnds.push(position);
    digitCount += position - groupStart;
    if (digitCount > MAX_RUN_DIGITS) return false;
    while (position < end && !isAsciiDigit(text.charCodeAt(position))) position++;
  }
  run.plus = text.charCodeAt(first - 1) === PLUS;
  run.start = run.plus ? first - 1 : first;
  if (text.charCodeAt(run.start - 1) === OPEN_PAREN && closesAfterFirstGroup(text, run.groupStarts, run.groupEnds)) {
    run.start--;
  }
  run.end = end;
  run.digitCount = digitCount;
  return true;
}

function closesAfterFirstGroup(text: string, groupStarts: readonly number[], groupEnds: readonly number[]): boolean {
  const from = groupEnds[0];
  const to = groupStarts[1];
  if (from === undefined || to === undefined) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === CLOSE_PAREN) return true;
  return false;
}
