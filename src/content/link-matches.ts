/**
 * Inside a `tel:` or `callto:` link the link's own number wins. The page author wrote the number
 * twice — once for people, once for the phone — and the `href` is the unambiguous one: its digits
 * cannot run into a neighbour's text (`<a href="tel:+4930202511111">030 20 25 11 11</a>Service`),
 * and it is what the link calls when clicked anyway.
 *
 * For each call link in a run whose `href` holds a valid number: where the link's text reads as a
 * number, or the detector found one in it, one mark covers that number's text (from its first `+`,
 * `(` or digit to its last digit, a label and an extension left out) and calls the `href`'s
 * number. Whatever else the detector found inside the link goes: never a mark that calls
 * something other than what the link would, nor a shorter number cut off the link's text. The
 * card names the number it calls, so a link whose text disagrees with its `href` is never called
 * silently.
 */
import { type FindOptions, findPhoneNumbers, type PhoneMatch, type PhoneNumber, parseDialInput } from '../phone';
import { parseCallLink } from './link-number';
import type { TextRun } from './text-run';

export interface CallLinkSpan {
  /** Where the link's text starts and ends in the run, whitespace trimmed. */
  readonly start: number;
  readonly end: number;
  /** The `href` as written. */
  readonly href: string;
}

/**
 * The call links a run's text passes through, in order. Only text nodes are looked at, and only
 * runs that passed the digit pre-filter get here, so `closest` runs a few times per number.
 */
export function callLinksIn(run: TextRun<Text, Node>): CallLinkSpan[] {
  const spans: CallLinkSpan[] = [];
  let current: { link: Element; start: number; end: number } | undefined;
  const close = () => {
    if (!current) return;
    const href = current.link.getAttribute('href') ?? '';
    const text = run.text.slice(current.start, current.end);
    const start = current.start + (text.length - text.trimStart().length);
    const end = current.end - (text.length - text.trimEnd().length);
    if (end > start) spans.push({ start, end, href });
    current = undefined;
  };
  for (const segment of run.segments) {
    const link = segment.node.parentElement?.closest('a[href]');
    const isCall = link ? /^\s*(?:tel|callto):/i.test(link.getAttribute('href') ?? '') : false;
    if (!link || !isCall) {
      close();
      continue;
    }
    if (current && current.link !== link) close();
    const end = segment.start + segment.text.length;
    if (current) current.end = end;
    else current = { link, start: segment.start, end };
  }
  close();
  return spans;
}

/** The run's matches with every call link's own number put first (see the module comment). */
export function withCallLinkNumbers(
  matches: readonly PhoneMatch[],
  links: readonly CallLinkSpan[],
  text: string,
  options: FindOptions,
): PhoneMatch[] {
  if (links.length === 0) return [...matches];
  let result = [...matches];
  for (const link of links) {
    const dial = linkNumber(link.href, options);
    if (!dial) continue;
    const inside = result.filter((m) => m.start < link.end && m.end > link.start);
    const written = parseDialInput(text.slice(link.start, link.end), options);
    const span =
      (written.ok && !written.extension ? numberSpan(text, link.start, link.end) : undefined) ??
      inside.find((m) => m.e164 === dial.number.e164) ??
      inside[0];
    if (!span) continue;
    const extension = dial.extension ?? (written.ok ? written.extension : undefined) ?? inside[0]?.extension;
    const own: PhoneMatch = {
      ...dial.number,
      start: span.start,
      end: span.end,
      ...(extension ? { extension } : {}),
    };
    result = [...result.filter((m) => !inside.includes(m)), own];
  }
  return result.sort((a, b) => a.start - b.start);
}

/**
 * The number a call link dials. One written with its country code is read as the dial box reads
 * it. A national one (`tel:22669086`) is read as page text is — in the page's countries, with the
 * trunk-prefix rule — since the dial box's leniency (a missing trunk prefix is forgiven) would
 * read a Nicaraguan or Bahamian national number as a German one.
 */
function linkNumber(
  href: string,
  options: FindOptions,
): { readonly number: PhoneNumber; readonly extension?: string } | undefined {
  const link = parseCallLink(href);
  if (!link) return undefined;
  const { number, extension } = link;
  if (number.startsWith('+') || number.startsWith('00')) {
    const dial = parseDialInput(number, options);
    return dial.ok ? { number: dial.number, ...(extension ? { extension } : {}) } : undefined;
  }
  const [match, ...more] = findPhoneNumbers(number, options);
  const whole = match && more.length === 0 && match.start === 0 && match.end === number.length;
  return whole ? { number: match, ...(extension ? { extension } : {}) } : undefined;
}

/** From the number's first character (`+`, `(` or a digit) to its last digit: a label stays out. */
function numberSpan(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const part = text.slice(start, end);
  const first = part.search(NUMBER_START);
  let last = part.length - 1;
  while (last >= 0 && !DIGIT.test(part[last] ?? '')) last--;
  return first >= 0 && last >= first ? { start: start + first, end: start + last + 1 } : undefined;
}

const NUMBER_START = /[+(0-9\uff0b\uff08\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]/u;
const DIGIT = /[0-9\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]/u;
