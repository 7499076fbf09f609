/**
 * Digit strings with a shape of their own that people do not use for phone numbers: dates,
 * IP addresses, card numbers, EAN/ISBN, Unix timestamps, IBAN bodies, Belgian enterprise numbers.
 * Each test looks at one candidate (at most a few dozen characters), so none can blow up.
 */
import type { DigitRun } from './digit-runs';

const DAY_MONTH_YEAR = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/;
const YEAR_MONTH_DAY = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})$/;
const LEADING_DATE = /^(?:\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}([./-])\d{1,2}\2\d{1,2})[\s\u00a0]/;
const TRAILING_DATE = /[\s\u00a0](?:\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}([./-])\d{1,2}\2\d{1,2})$/;

/** `01.05.2024`, `1/5/24`, `05-01-2024` (either day or month first), `2024-05-01`. */
export function isDate(written: string): boolean {
  const dmy = DAY_MONTH_YEAR.exec(written);
  if (dmy) return isDayAndMonth(Number(dmy[1]), Number(dmy[3])) && isYear(dmy[4] ?? '');
  const ymd = YEAR_MONTH_DAY.exec(written);
  if (ymd) return isYear(ymd[1] ?? '') && isDayAndMonth(Number(ymd[3]), Number(ymd[4]));
  return false;
}

/** A date followed or preceded by more digits in the same run: `01.05.2024 0221 …`. */
export function hasDateAtEdge(written: string): boolean {
  return LEADING_DATE.test(written) || TRAILING_DATE.test(written);
}

/** A date with more digits glued to its year: `12.03.20240` (a date and the next element's `0`). */
export function isDateWithMoreDigits(written: string): boolean {
  const found = /^(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)\d+$/.exec(written);
  return found !== null && isDayAndMonth(Number(found[1]), Number(found[3]));
}

/** `6 7 8 9 10 11 12`: four or more groups counting up by one — pagination, not a number. */
export function isCountingSequence(run: DigitRun, text: string, first: number, last: number): boolean {
  if (last - first < 3) return false;
  let previous = Number(text.slice(run.groupStarts[first], run.groupEnds[first]));
  for (let group = first + 1; group <= last; group++) {
    const value = Number(text.slice(run.groupStarts[group], run.groupEnds[group]));
    if (value !== previous + 1) return false;
    previous = value;
  }
  return true;
}

/** `6780/6850`: two blocks of the same length around a slash, a rate or a range. */
export function isRate(written: string): boolean {
  const found = /^([1-9]\d{2,})\/([1-9]\d{2,})$/.exec(written);
  return found !== null && found[1]?.length === found[2]?.length;
}

/** `330 000`, `612 345 678`, `1.234.567`: a quantity written with thousands separators. */
export function isThousands(written: string): boolean {
  return /^[1-9]\d{0,2}(?:([ \u00a0\u2009\u202f.,])\d{3})(?:\1\d{3})*$/u.test(written);
}

/** `20240501` in one block: a build number, a compact date. */
export function isCompactDate(digits: string): boolean {
  if (digits.length !== 8) return false;
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function isDayAndMonth(first: number, second: number): boolean {
  if (first < 1 || second < 1 || first > 31 || second > 31) return false;
  return first <= 12 || second <= 12;
}

function isYear(year: string): boolean {
  if (year.length === 2) return true;
  const value = Number(year);
  return value >= 1900 && value <= 2099;
}

const TIME_RANGE = /^\d{1,2}[.:]\d{2}[\s\u00a0]*[-–][\s\u00a0]*\d{1,2}[.:]\d{2}$/;

/** `08.00-12.00`: opening hours. */
export function isTimeRange(written: string): boolean {
  return TIME_RANGE.test(written);
}

const IPV4 = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;

/** `192.168.178.1`. Phone numbers written with dots keep their leading zero (`02.555.12.34`). */
export function isIpAddress(written: string): boolean {
  return IPV4.test(written) && written.split('.').every((part) => Number(part) <= 255);
}

/** A Luhn-valid 13–19 digit string: a payment card number. */
export function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 0x30;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** EAN-13 / UPC-A / GTIN-14 with a correct check digit, or anything under the ISBN prefixes. */
export function isProductCode(digits: string): boolean {
  if (digits.length === 13 && (digits.startsWith('978') || digits.startsWith('979'))) return true;
  if (digits.length !== 12 && digits.length !== 13 && digits.length !== 14) return false;
  let sum = 0;
  for (let i = 0; i < digits.length - 1; i++) {
    const digit = digits.charCodeAt(digits.length - 2 - i) - 0x30;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 0x30;
}

/** Seconds (10 digits) or milliseconds (13 digits) since 1970, between 2001 and 2033. */
export function isUnixTimestamp(digits: string): boolean {
  return (digits.length === 10 || digits.length === 13) && digits.startsWith('1');
}

/** `0403.170.701`: the official way to write a Belgian company (KBO/BCE) number. */
export function isBelgianEnterpriseNumber(written: string): boolean {
  return /^[01]\d{3}\.\d{3}\.\d{3}$/.test(written);
}

/**
 * Four or more blocks of exactly four digits: card numbers, IBAN bodies, payment references.
 * Phone numbers have at most three.
 */
export function hasFourDigitBlocks(run: DigitRun, first: number, last: number): boolean {
  let blocks = 0;
  for (let group = first; group <= last; group++) {
    if ((run.groupEnds[group] ?? 0) - (run.groupStarts[group] ?? 0) === 4) blocks++;
  }
  return blocks >= 4;
}

const IBAN_HEAD = /(?:^|[^A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){0,8}[ \u00a0]?$/;

/** The candidate continues an IBAN written in blocks: `NL91 ABNA 0417 1643 00`. */
export function continuesIban(text: string, start: number): boolean {
  // IBAN blocks are separated by a space; anything else is no IBAN's tail.
  const separator = text.charCodeAt(start - 1);
  if (separator !== 0x20 && separator !== 0xa0) return false;
  const before = text.slice(Math.max(0, start - 48), start);
  return /\d/.test(before) && IBAN_HEAD.test(before);
}
