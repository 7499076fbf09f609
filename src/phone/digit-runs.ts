/**
 * The pre-filter: one linear pass that finds every stretch of text a phone number could be written
 * in — digit groups joined by the separators people put inside numbers (`0221 66966966`,
 * `030/2 34 56 78`, `02/123.45.67`, `+49 (0)30 1234567`). Everything after this looks only at these
 * runs, so text without one costs a single character loop (about 250 MB/s) and nothing else.
 *
 * Runs are maximal: a run is never started inside another one, so `DE89 3704 0044 …` is one run
 * glued to letters, not a clean `3704 0044 …` further on. Each character is visited a bounded
 * number of times, whatever the input (a 100,000-digit run, endless `1-1-1-…`).
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
/** Longest separator between two groups: ` / `, `) (`, ` - `. */
const MAX_SEPARATOR = 3;

const PLUS = 0x2b;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Characters seen between the digit groups of phone numbers in our markets. */
export function isSeparator(code: number): boolean {
  switch (code) {
    case 0x20: // space
    case 0x2d: // -
    case 0x2e: // .
    case 0x2f: // /
    case OPEN_PAREN:
    case CLOSE_PAREN:
    case 0xa0: // no-break space
    case 0x2007: // figure space
    case 0x2009: // thin space
    case 0x202f: // narrow no-break space (French typography)
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2212: // minus sign
      return true;
    default:
      return false;
  }
}

/**
 * Calls `visit` with every run of at least `MIN_RUN_DIGITS` and at most `MAX_RUN_DIGITS` digits
 * (and `MAX_RUN_GROUPS` groups), in order. A visitor rather than a list, and one run object
 * reused for all runs (valid only during the call): a digit-dense page has tens of thousands of
 * runs, and judging each as it is found keeps them from piling up for the garbage collector.
 */
export function forEachDigitRun(text: string, visit: (run: DigitRun) => void): void {
  const length = text.length;
  const run: MutableDigitRun = { start: 0, end: 0, groupStarts: [], groupEnds: [], digitCount: 0, plus: false };
  let position = 0;
  while (position < length) {
    if (!isAsciiDigit(text.charCodeAt(position))) {
      position++;
      continue;
    }
    // First pass counts: most digit runs in real text (years, house numbers, prices) are too
    // short to matter, and are never collected.
    const first = position;
    let digitCount = 0;
    let groups = 0;
    for (;;) {
      const groupStart = position;
      while (position < length && isAsciiDigit(text.charCodeAt(position))) position++;
      digitCount += position - groupStart;
      groups++;
      const next = afterSeparator(text, position);
      if (next < 0) break;
      position = next;
    }
    if (digitCount < MIN_RUN_DIGITS || digitCount > MAX_RUN_DIGITS || groups > MAX_RUN_GROUPS) continue;
    collectRun(text, first, position, digitCount, run);
    visit(run);
  }
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

/** Where the next digit group starts if a separator of allowed length follows `position`, else -1. */
function afterSeparator(text: string, position: number): number {
  let next = position;
  while (next - position <= MAX_SEPARATOR && isSeparator(text.charCodeAt(next))) next++;
  const separatorLength = next - position;
  if (separatorLength === 0 || separatorLength > MAX_SEPARATOR || !isAsciiDigit(text.charCodeAt(next))) return -1;
  return next;
}

function collectRun(text: string, first: number, end: number, digitCount: number, run: MutableDigitRun): void {
  run.groupStarts.length = 0;
  run.groupEnds.length = 0;
  let position = first;
  while (position < end) {
    run.groupStarts.push(position);
    while (position < end && isAsciiDigit(text.charCodeAt(position))) position++;
    run.groupEnds.push(position);
    while (position < end && !isAsciiDigit(text.charCodeAt(position))) position++;
  }
  run.plus = text.charCodeAt(first - 1) === PLUS;
  run.start = run.plus ? first - 1 : first;
  if (text.charCodeAt(run.start - 1) === OPEN_PAREN && closesAfterFirstGroup(text, run.groupStarts, run.groupEnds)) {
    run.start--;
  }
  run.end = end;
  run.digitCount = digitCount;
}

function closesAfterFirstGroup(text: string, groupStarts: readonly number[], groupEnds: readonly number[]): boolean {
  const from = groupEnds[0];
  const to = groupStarts[1];
  if (from === undefined || to === undefined) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === CLOSE_PAREN) return true;
  return false;
}
