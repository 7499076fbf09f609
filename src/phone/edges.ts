/**
 * What touches a candidate on its left and right. A number written for people stands apart from
 * its neighbours; digits glued to letters (`DE123456789`, `12345678Z`, `v2.14.3`), to a currency
 * (`€ 1.234.567`, `912.345.678 €`), to a time (`14:30`) or to a decimal part (`1.234,56`) are ids,
 * amounts and timestamps.
 */
import { isAsciiDigit } from './digit-runs';

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isLetter(char: string | undefined): boolean {
  return char !== undefined && LETTER.test(char);
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

export function gluedBefore(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined || /\s/.test(before)) return false;
  const twoBefore = text[start - 2];
  if (isLetter(before)) return true;
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
      return isLetterOrDigit(twoBefore);
    case '+':
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
      return CURRENCY_SYMBOLS.has(before);
  }
}

export function gluedAfter(text: string, end: number): boolean {
  const after = text[end];
  if (after === undefined || /\s/.test(after)) return false;
  if (isLetter(after)) return true;
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
  return CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 6), start));
}

export function currencyAfter(text: string, end: number): boolean {
  return CURRENCY_AFTER.test(text.slice(end, end + 9));
}

function wordEndingAt(text: string, end: number): string {
  let start = end;
  while (start > 0 && start > end - 8 && isLetter(text[start - 1])) start--;
  return text.slice(start, end);
}
