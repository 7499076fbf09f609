/**
 * Normalising a number someone typed, pasted, selected or clicked as a link (dial box, context
 * menu, `tel:` links) into something dialable — or a reason it is not one.
 *
 * Lenient where the intent is clear: `tel:`/`callto:`/`sip:` URIs, `+`, `00` and the country's
 * own exit code, national numbers with or without the trunk prefix, `(0)` after a country code, a
 * leading label ("Tel.:", "Mobil"), a trailing remark in parentheses ("(Büro)"), an extension
 * ("x12", "ext. 12", ";ext=12"), and vanity letters (`0800 FLOWERS`). Strict otherwise: letters
 * mixed into the digits, or two numbers at once, are not guessed at.
 */

import { describeNumber } from './describe';
import { parseInputFor, withoutWithdrawnTrunkPrefix } from './dial-form';
import { directDialled } from './extension';
import { findPhoneNumbers } from './find';
import { type CountryCode, parseNumber, validatePhoneNumberLength } from './libphonenumber';
import type { FindOptions, PhoneNumber } from './types';
import { validNumber } from './validate';

/**
 * Why an input is not dialable; the UI translates each code.
 * - `empty`: nothing but whitespace (or a bare `tel:`).
 * - `not-a-number`: letters or symbols that are not part of a phone number (`call me`, `0221 12a45`),
 *   or two numbers at once (`0221 123456 / 0171 2345678`).
 * - `too-short`: fewer digits than a number of that country has; also service codes like `112`.
 * - `too-long`: more digits than any number of that country (or E.164) allows.
 * - `invalid`: the length fits but no such number exists (unassigned range, unknown country code).
 */
export type DialInputError = 'empty' | 'not-a-number' | 'too-short' | 'too-long' | 'invalid';

export type DialInput =
  | { readonly ok: true; readonly number: PhoneNumber; readonly extension?: string }
  | { readonly ok: false; readonly error: DialInputError };

const SCHEME = /^(?:tel|callto|sips?|phone):(?:\/\/)?/i;
const LABEL =
  /^(?:tel(?:efon|ephone|éfono|efoon)?|tél(?:éphone)?|phone|ph|fon|mobil[e]?|mobiel|móvil|movil|handy|gsm|cell|fax|tfno|tlf|portable|[tmpf]|☎|📞|📱)(?=[\s.:])[\s.:]+/iu;
const EXTENSION =
  /(?:\s*;\s*ext=|\s*(?:ext\.?|extension|x|#|(durchwahl|dw\.?)|poste|toestel|extensión)\s*)(\d{1,7})\s*$/iu;
const TRAILING_REMARK = /\s*\([^()]*\p{L}[^()]*\)\s*$/u;
/** Digits first, then letters (and digits): `1-800-FLOWERS`, `0800 CALL NOW`. */
const VANITY = /^\+?[\d\s().\-/]*[A-Za-z][A-Za-z\d\s.-]*$/;
const DIALABLE = /^\+?[\d\s().\-/\u2010-\u2013\u2212]+$/;
const PARENTHESISED_TRUNK = /^((?:\+|00)\s*\d{1,3})[\s.-]*\(0\)/;

/** Digits of E.164 without the `+`: at most 15. */
const MAX_E164_DIGITS = 15;
/**
 * Longer input is no number (a `tel:` URI with parameters fits easily), and the bound keeps the
 * label, extension and remark patterns above from ever seeing enough text to be slow.
 */
const MAX_INPUT_LENGTH = 256;

export function parseDialInput(input: string, options: FindOptions): DialInput {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, error: 'not-a-number' };
  const { text: withoutScheme, extension: uriExtension } = stripUri(input.normalize('NFKC').trim());
  let text = withoutScheme.replace(LABEL, '').trim();
  if (text === '') return { ok: false, error: 'empty' };

  let extension = uriExtension;
  let directDial = false;
  const extensionMatch = EXTENSION.exec(text);
  if (extensionMatch && /\d/.test(text.slice(0, extensionMatch.index))) {
    extension = extensionMatch[2];
    directDial = extensionMatch[1] !== undefined;
    text = text.slice(0, extensionMatch.index);
  }
  text = text.replace(TRAILING_REMARK, '').trim();
  if (/\p{L}/u.test(text)) {
    const digitsFirst = /^[^A-Za-z]*\d/.test(text);
    if (!VANITY.test(text) || !digitsFirst || countLetters(text) < 3) return { ok: false, error: 'not-a-number' };
    text = vanityToDigits(text);
  }
  if (!DIALABLE.test(text)) return { ok: false, error: 'not-a-number' };
  // Two numbers pasted at once (`0221 123456 / 0171 2345678`) are not one long number.
  if (findPhoneNumbers(text, options).length > 1) return { ok: false, error: 'not-a-number' };

  text = text.replace(PARENTHESISED_TRUNK, '$1');
  const plus = text.startsWith('+');
  const digits = text.replace(/\D/g, '');
  if (digits === '') return { ok: false, error: 'not-a-number' };
  const parseInput = parseInputFor(digits, plus, options.defaultCountry) ?? digits;
  const significant = parseInput.startsWith('+') ? parseInput.length - 1 : digits.replace(/^0+/, '').length;
  if (significant > MAX_E164_DIGITS) return { ok: false, error: 'too-long' };

  // `Durchwahl 23`, `DW 23`: dialled after the number where its plan allows, as on the page.
  const main = directDial && extension ? validNumber(parseInput, options.defaultCountry) : undefined;
  const direct = main && extension ? directDialled(main, extension) : undefined;
  if (direct) return validate(direct.e164, options.defaultCountry, undefined);
  const result = validate(parseInput, options.defaultCountry, extension);
  // `01 (449) 978-0001`: a trunk prefix the country has withdrawn, read as the page reads it.
  const afterWithdrawn = plus || result.ok ? undefined : withoutWithdrawnTrunkPrefix(digits, options.defaultCountry);
  const withdrawn =
    afterWithdrawn === undefined ? undefined : validate(afterWithdrawn, options.defaultCountry, extension);
  return withdrawn?.ok ? withdrawn : result;
}

function validate(parseInput: string, country: CountryCode, extension: string | undefined): DialInput {
  const parsed = parseNumber(parseInput, country);
  if (parsed?.isValid()) {
    const number = describeNumber(parsed);
    return extension ? { ok: true, number, extension } : { ok: true, number };
  }
  // Fewer digits after the country code or trunk prefix than this is no subscriber's number
  // (`0221` alone is an area code), whatever libphonenumber thinks of the length.
  if (significantDigits(parseInput) < 6) return { ok: false, error: 'too-short' };
  switch (validatePhoneNumberLength(parseInput, country)) {
    case 'TOO_SHORT':
      return { ok: false, error: 'too-short' };
    case 'TOO_LONG':
      return { ok: false, error: 'too-long' };
    case 'NOT_A_NUMBER':
      return { ok: false, error: 'not-a-number' };
    default:
      return { ok: false, error: 'invalid' };
  }
}

function significantDigits(parseInput: string): number {
  const parsed = parseNumber(parseInput.startsWith('+') ? parseInput : `+${parseInput}`);
  return parseInput.startsWith('+') && parsed ? parsed.nationalNumber.length : parseInput.replace(/^0/, '').length;
}

function stripUri(text: string): { text: string; extension: string | undefined } {
  const scheme = SCHEME.exec(text);
  if (!scheme) return { text, extension: undefined };
  let rest = text.slice(scheme[0].length);
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  let extension: string | undefined;
  const parameters = rest.split(';');
  for (const parameter of parameters.slice(1)) {
    const [name, value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'ext' && value && /^\d{1,7}$/.test(value.trim())) extension = value.trim();
  }
  return { text: safeDecode(parameters[0] ?? '').trim(), extension };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function countLetters(text: string): number {
  return text.replace(/[^A-Za-z]/g, '').length;
}

const KEYPAD: Readonly<Record<string, string>> = {
  A: '2',
  B: '2',
  C: '2',
  D: '3',
  E: '3',
  F: '3',
  G: '4',
  H: '4',
  I: '4',
  J: '5',
  K: '5',
  L: '5',
  M: '6',
  N: '6',
  O: '6',
  P: '7',
  Q: '7',
  R: '7',
  S: '7',
  T: '8',
  U: '8',
  V: '8',
  W: '9',
  X: '9',
  Y: '9',
  Z: '9',
};

function vanityToDigits(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => KEYPAD[letter.toUpperCase()] ?? '');
}
