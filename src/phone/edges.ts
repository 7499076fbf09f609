/**
 * What touches a candidate on its left and right. A number written for people stands apart from
 * its neighbours; digits glued to letters (`DE123456789`, `12345678Z`, `v2.14.3`), to a currency
 * (`€ 1.234.567`, `912.345.678 €`), to a time (`14:30`) or to a decimal part (`1.234,56`) are ids,
 * amounts and timestamps.
 *
 * Words glued to a number are not always ids, though: page layout glues labels to values
 * (`<span>Telefon</span><span>0221 …</span>` reads `Telefon0221 …`, `… 11 11Service`,
 * `… 390F.`), and running text sometimes loses a space (`call033316005`). So a glued word is
 * looked at: a phone word (`Tel`, `Fax`, `Telefon`), a capitalised word or label initial after a
 * number written in groups, or a lower-case word (not hexadecimal, not a unit, not an id word)
 * beside a number written the way numbers are (with `+`, trunk `0` or in groups) does not make
 * it an id. Letters of scripts written without spaces or right to left (CJK, Arabic, Hebrew, …)
 * never glue: ids are written in Latin letters.
 */
import { cueOfWord } from './cues';
import { isAsciiDigit } from './digit-runs';

/** Letters of the scripts ids are written in. */
const LETTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const LETTER_OR_DIGIT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u;
const LOWER_CASE = /^\p{Ll}+$/u;
const UPPER_CASE = /^\p{Lu}+$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
const NOT_HEX = /[^a-f]/;
/** Longest glued word looked at; labels are short. */
const MAX_GLUED_WORD = 24;
/** Units and ordinals written right after digits: `10kg`, `1st`, `2ème`. */
const UNITS = new Set([
  'kg',
  'km',
  'cm',
  'mm',
  'ml',
  'px',
  'pt',
  'em',
  'rem',
  'ms',
  'min',
  'kb',
  'mb',
  'gb',
  'tb',
  'kw',
  'kwh',
  'hz',
  'khz',
  'mhz',
  'ghz',
  'st',
  'nd',
  'rd',
  'th',
  'er',
  're',
  'eme',
  'ème',
  'ft',
  'in',
  'lbs',
  'oz',
  'qm',
  'sqm',
  'mal',
  'fach',
  'stk',
  'pcs',
  'ct',
  'cts',
  'am',
  'pm',
  'uhr',
  'h',
  'hrs',
  'mio',
  'mrd',
  'bn',
]);

function isLetter(char: string | undefined): boolean {
  return char !== undefined && LETTER.test(char);
}

/**
 * How the candidate is written, for judging glued words: `grouped` when it has a `+`, a
 * parenthesis, a trunk `0` or more than one digit group — the way people write phone numbers.
 */
export interface Written {
  readonly grouped: boolean;
  readonly numberLike: boolean;
}

/** Written as one unbroken block of digits not starting with `0`: how ids look. */
export const AS_ID: Written = { grouped: false, numberLike: false };
/** One unbroken block starting with the trunk `0`. */
export const AS_TRUNK_BLOCK: Written = { grouped: false, numberLike: true };
/** With `+`, parentheses or in groups. */
export const AS_GROUPED: Written = { grouped: true, numberLike: true };

/** `E-Mail`, `E-mail`: a hyphen and letters after a one-letter word. */
function isHyphenatedWord(text: string, afterLetter: number): boolean {
  return text[afterLetter] === '-' && isLetter(text[afterLetter + 1]);
}

/** After a one-letter label: `.` or `:`, or spaces and the next value (`F +41 44 …`). */
function isLabelInitialBefore(text: string, afterLetter: number): boolean {
  const next = text[afterLetter];
  if (next === '.' || next === ':') return true;
  if (next !== ' ' && next !== '\u00a0') return false;
  let position = afterLetter;
  while (text[position] === ' ' || text[position] === '\u00a0') position++;
  const value = text.charCodeAt(position);
  return value === 0x2b || value === 0x28 || isAsciiDigit(value);
}

function wordStartingAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && end < start + MAX_GLUED_WORD && isLetter(text[end])) end++;
  return text.slice(start, end);
}

/** A glued word before the number that is a label or running text, not an id's letters. */
function isLabelBefore(text: string, start: number, written: Written): boolean {
  const word = wordEndingAt(text, start, MAX_GLUED_WORD);
  const beforeWord = text.charCodeAt(start - word.length - 1);
  // A country prefix (`DE123456789`, `NL…`): an id.
  if (word.length <= 2 && UPPER_CASE.test(word)) return false;
  const cue = cueOfWord(word);
  // A phone word glued on both sides is a label between two values (`…1234Fax020 …`).
  if (cue === 'phone') return true;
  if (cue === 'id' || isAsciiDigit(beforeWord)) return false;
  return isRunningText(word, written);
}

/**
 * A lower-case word glued to a number written the way numbers are: running text that lost a
 * space. Hexadecimal-looking words (`ad`, `cd16e`) are only accepted beside a number written in
 * groups, never beside one unbroken block: that is how hashes and UUIDs look.
 */
function isRunningText(word: string, written: Written): boolean {
  if (!written.numberLike || word.length < 2 || !LOWER_CASE.test(word)) return false;
  return NOT_HEX.test(word) || (written.grouped && word.length >= 3);
}

/** A glued word after the number that is the next label or running text, not an id's letters. */
function isLabelAfter(text: string, end: number, written: Written): boolean {
  const word = wordStartingAt(text, end);
  const afterWord = text[end + word.length];
  // One capital after an unbroken block (`12345678Z`, a tax id's check letter) or a unit.
  if ((!written.grouped && word.length === 1) || UNITS.has(word.toLowerCase())) return false;
  const cue = cueOfWord(word);
  // A phone word glued on both sides is a label between two values (`…1234Fax020 …`).
  if (cue === 'phone') return true;
  if (cue === 'id' || (afterWord !== undefined && isAsciiDigit(afterWord.charCodeAt(0)))) return false;
  if (written.grouped && (CAPITALISED.test(word) || (word.length === 1 && isHyphenatedWord(text, end + 1)))) {
    return /\p{Lu}/u.test(word[0] ?? '');
  }
  // A label's initial before the next value: `F.`, `T:`, `F +41 …`.
  if (written.grouped && word.length === 1 && isLabelInitialBefore(text, end + 1)) return /\p{Lu}/u.test(word);
  return isRunningText(word, written);
}

function isLetterOrDigit(char: string | undefined): boolean {
  return char !== undefined && LETTER_OR_DIGIT.test(char);
}

/** Abbreviations that may touch a number through a dot: `Tel.0221 …`. */
const PHONE_ABBREVIATIONS = new Set([
  'tel',
  'tél',
  'tlf',
  'tfno',
  'fon',
  'mob',
  'ph',
  'fax',
  'gsm',
  'handy',
  'mobil',
  't',
  'm',
  'f',
]);

const CURRENCY_SYMBOLS = new Set(['€', '$', '£', '¥', '₣', '₤', '₺', '₹', '₽', '¢']);

export function gluedBefore(text: string, start: number, written: Written): boolean {
  const before = text[start - 1];
  if (before === undefined || /\s/.test(before)) return false;
  const twoBefore = text[start - 2];
  // Ids are never written with `+` or parentheses: a letter before those does not make one.
  if (isLetter(before)) return text[start] !== '+' && text[start] !== '(' && !isLabelBefore(text, start, written);
  switch (before) {
    case ':':
    case ',':
      return isAsciiDigit(text.charCodeAt(start - 2));
    case '.':
      if (isAsciiDigit(text.charCodeAt(start - 2))) return true;
      return isLetter(twoBefore) && !PHONE_ABBREVIATIONS.has(wordEndingAt(text, start - 1).toLowerCase());
    case '-':
    case '‐':
    case '–':
    case '/':
    case '\\':
      // `OFFICE-1(516) …`, `Tel/0221 …`: a phone word, then the separator.
      if (isLetter(twoBefore)) return cueOfWord(wordEndingAt(text, start - 1, MAX_GLUED_WORD)) !== 'phone';
      // A minus sign: `-2208960000` is a negative number.
      return (
        isLetterOrDigit(twoBefore) ||
        (before !== '/' &&
          (twoBefore === undefined || /\s/.test(twoBefore)) &&
          text[start] !== '(' &&
          text[start] !== '+')
      );
    case '+':
      // `++1 650 …` is a typo; `45+31-…` a formula.
      if (text[start] !== '+') return true;
      return !isLetter(twoBefore) && isLetterOrDigit(twoBefore);
    case '(':
      // A function call or formula: `hex(912345678)`, `id(…)`, `2(…)`.
      return isLetterOrDigit(twoBefore);
    case '#':
    case '_':
    case '@':
    case '&':
    case '=':
    case '%':
    case "'":
    case '’':
    case '§':
    case '№':
    case '°':
    case 'º':
    case '*':
      return true;
    default:
      // A run starting with `+` or `(` right after a digit: `45+31…`, `12(34)…`.
      return CURRENCY_SYMBOLS.has(before) || isAsciiDigit(before.charCodeAt(0));
  }
}

export function gluedAfter(text: string, end: number, written: Written): boolean {
  const after = text[end];
  if (after === undefined || /\s/.test(after)) return false;
  if (isLetter(after)) return !isLabelAfter(text, end, written);
  switch (after) {
    case ',':
    case '.':
    case ':':
      return isAsciiDigit(text.charCodeAt(end + 1));
    case '-':
    case '‐':
    case '–':
    case '/':
    case '\\':
      return isLetterOrDigit(text[end + 1]);
    case '+':
    case '_':
    case '@':
    case '&':
    case '=':
    case '%':
    case "'":
    case '’':
    case '°':
    case '*':
      return true;
    default:
      return CURRENCY_SYMBOLS.has(after);
  }
}

const CURRENCY_BEFORE = /(?:[€$£¥]|\b(?:EUR|USD|GBP|CHF|SFr|Fr|DKK|SEK|NOK|PLN|CZK|HUF|JPY|AUD|CAD|kr|zł)\.?)\s?$/u;
const CURRENCY_AFTER =
  /^\s?(?:[€$£¥]|(?:EUR|USD|GBP|CHF|DKK|SEK|NOK|PLN|CZK|HUF|Euro?|euros?|dollars?|Franken|francs?|kr|zł)\b|,-)/u;

/** An amount: a currency written right before or right after the digits. */
export function currencyBefore(text: string, start: number): boolean {
  const found = CURRENCY_BEFORE.exec(text.slice(Math.max(0, start - 6), start));
  if (!found) return false;
  // `19,99 € 0800 …`: the symbol closes the amount before it, it does not open this one.
  const symbolStart = Math.max(0, start - 6) + found.index;
  let before = symbolStart - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\u00a0')) before--;
  return !isAsciiDigit(text.charCodeAt(before));
}

export function currencyAfter(text: string, end: number): boolean {
  return CURRENCY_AFTER.test(text.slice(end, end + 9));
}

function wordEndingAt(text: string, end: number, longest = 8): string {
  let start = end;
  while (start > 0 && start > end - longest && isLetter(text[start - 1])) start--;
  return text.slice(start, end);
}
