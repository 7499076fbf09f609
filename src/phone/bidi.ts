/**
 * How a digit run in a right-to-left paragraph is displayed: the Unicode bidirectional algorithm
 * (UAX #9) applied to what decides a phone number's reading, so the detector reads the digits in
 * the order the page shows them.
 *
 * - Digits after a Latin letter (the first strong character before them) take its direction (W7),
 *   and so do the separators between them (N1): the run is shown as written.
 * - Digits after a Hebrew letter, or at the start of the paragraph, are European numbers: a single
 *   `-`, `+`, `.`, `/`, `,`, `:` or no-break space between two groups joins them (W4); any other
 *   separator — a space, a dash, a parenthesis, two characters — takes the paragraph's direction
 *   (N1), so the groups on either side are laid out right to left.
 * - Digits after an Arabic letter are Arabic numbers (W2), and so are Arabic-Indic digits: only a
 *   single `.`, `/`, `,`, `:` or no-break space joins them (W4); a hyphen does not, and
 *   `03-761-0877` in Arabic text is shown as `0877-761-03`.
 *
 * Offsets are into the page's text as given (not the reading view, which maps invisible and
 * direction marks to spaces): the marks are strong characters and decide the reading too.
 */
import type { DigitRun } from './digit-runs';

/** The strong direction digits take from the text before them: Latin, Hebrew (or none), Arabic. */
type StrongType = 'L' | 'R' | 'AL';

const ARABIC_LETTER = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\u061c]/u;
const HEBREW_LETTER = /[\p{Script=Hebrew}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\u200f]/u;
const STRONG = /[\p{L}\u200e\u200f\u061c]/u;

/** Separators that join two European numbers (ES and CS classes), and two Arabic numbers (CS only). */
const JOINS_EUROPEAN = new Set(['-', '+', '\u2212', '.', '/', ',', ':', '\u00a0', '\u202f']);
const JOINS_ARABIC = new Set(['.', '/', ',', ':', '\u00a0', '\u202f']);
/** Boundary neutrals: the algorithm ignores them (X9), so they join what is on either side. */
const IGNORED = /^[\u00ad\u200b-\u200d\u2060\ufeff]+$/u;
/** A strong character inside the run makes its display depend on more than this reads. */
const STRONG_INSIDE = /[\p{L}\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

/** The run is shown as written. */
export const AS_WRITTEN = 'as written';

/**
 * A right-to-left paragraph's text, read once from start to end: runs are asked about in order,
 * so finding the strong character before each costs one pass over the text in all.
 */
export class RightToLeftText {
  readonly #text: string;
  #scanned = 0;
  /** The start of the paragraph counts as right to left (its embedding direction). */
  #strong: StrongType = 'R';

  constructor(text: string) {
    this.#text = text;
  }

  /**
   * The run's digits in the order they are displayed, left to right; `AS_WRITTEN` when that is
   * the order in the text; `undefined` when the display cannot be told from the run (a `+`, which
   * would be shown apart from its digits, or direction marks inside it): then nothing is read.
   */
  displayedDigits(view: string, run: DigitRun): string | typeof AS_WRITTEN | undefined {
    const strong = this.#strongBefore(run.start);
    if (strong === 'L') return AS_WRITTEN;
    const units: string[] = [];
    let unit = '';
    for (let group = 0; group < run.groupStarts.length; group++) {
      const groupStart = run.groupStarts[group] ?? 0;
      const groupEnd = run.groupEnds[group] ?? 0;
      unit += view.slice(groupStart, groupEnd);
      const next = run.groupStarts[group + 1];
      if (next === undefined) break;
      const separator = this.#text.slice(groupEnd, next);
      if (STRONG_INSIDE.test(separator)) return undefined;
      const arabic = strong === 'AL' || isArabicIndic(this.#text.charCodeAt(groupStart));
      if (!joins(separator, arabic)) {
        units.push(unit);
        unit = '';
      }
    }
    units.push(unit);
    if (units.length === 1) return AS_WRITTEN;
    if (run.plus) return undefined;
    return units.reverse().join('');
  }

  /** The strong type of the last strong character before `position` (the paragraph's start: R). */
  #strongBefore(position: number): StrongType {
    if (position < this.#scanned) return strongBackwardsFrom(this.#text, position);
    for (let index = this.#scanned; index < position; index++) {
      const character = this.#text[index] ?? '';
      if (STRONG.test(character)) this.#strong = strongTypeOf(character);
    }
    this.#scanned = position;
    return this.#strong;
  }
}

function joins(separator: string, arabic: boolean): boolean {
  if (IGNORED.test(separator)) return true;
  if (separator.length !== 1) return false;
  return (arabic ? JOINS_ARABIC : JOINS_EUROPEAN).has(separator);
}

function strongTypeOf(character: string): StrongType {
  if (ARABIC_LETTER.test(character)) return 'AL';
  if (HEBREW_LETTER.test(character)) return 'R';
  return 'L';
}

/** Runs are asked about in order; a caller going back is served by a backward scan. */
function strongBackwardsFrom(text: string, position: number): StrongType {
  for (let index = position - 1; index >= 0; index--) {
    const character = text[index] ?? '';
    if (STRONG.test(character)) return strongTypeOf(character);
  }
  return 'R';
}

/** Arabic-Indic digits are Arabic numbers wherever they stand. */
function isArabicIndic(code: number): boolean {
  return code >= 0x0660 && code <= 0x0669;
}
