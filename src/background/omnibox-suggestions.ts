/**
 * What the address bar offers after the keyword `call`: the typed number as it will be dialled
 * (with where it is and the time there), then recent calls and numbers on the current tab that
 * match what was typed. Chrome reads suggestion descriptions as XML with <match>, <dim> and <url>:
 * every text that comes from the user or a page is escaped there. Firefox shows plain text.
 */
import { t } from '../i18n';
import type { HistoryEntry, PageNumber } from '../messages';

/** How many suggestions each source may add (Chrome shows about six lines in all). */
const RECENT_SHOWN = 3;
const PAGE_SHOWN = 3;
/** Longer page text is cut: a suggestion is one line. */
const TEXT_MAX = 60;

export interface TypedNumber {
  readonly e164: string;
  readonly international: string;
  /** "Köln, Germany · 14:32 there", or ''. */
  readonly whereWhen: string;
}

export interface SuggestionSources {
  /** What the user typed after the keyword. */
  readonly text: string;
  /** The typed text understood as a number; else the message key saying why not (or undefined when empty). */
  readonly typed: TypedNumber | { readonly errorKey: string } | undefined;
  /** Ringback's own recent calls, newest first. */
  readonly recent: readonly Pick<HistoryEntry, 'number' | 'origin'>[];
  /** The numbers on the current tab, in reading order. */
  readonly page: readonly PageNumber[];
  /** Format an E.164 number as the popup would. */
  readonly format: (e164: string) => string;
}

export interface Suggestion {
  /** What Enter hands back to the extension: the number to call. */
  readonly content: string;
  readonly description: string;
}

export interface Suggestions {
  /** The first line: the typed number, or how to use the keyword. */
  readonly defaultDescription: string;
  readonly list: readonly Suggestion[];
}

/** Builds the suggestions; `markup` for Chrome's XML descriptions, plain text for Firefox. */
export function buildSuggestions(sources: SuggestionSources, markup: boolean): Suggestions {
  const write = writer(markup);
  const typed = sources.typed;
  let defaultDescription: string;
  if (typed === undefined) defaultDescription = write.text(t('omniboxHint'));
  else if ('errorKey' in typed) defaultDescription = write.text(t(typed.errorKey));
  else {
    defaultDescription = write.sentence('omniboxCall', write.match(typed.international));
    if (typed.whereWhen) defaultDescription += ` ${write.dim(`— ${typed.whereWhen}`)}`;
  }

  const digits = sources.text.replace(/\D/g, '');
  const words = sources.text.trim().toLowerCase();
  const seen = new Set(typed && 'e164' in typed ? [typed.e164] : []);
  const list: Suggestion[] = [];

  // Digits look for numbers; words (a customer's name) for the page a call was made from.
  const matches = (e164: string, where: string) =>
    words === '' ||
    (digits !== '' ? matchesDigits(e164, digits) : words.length >= 2 && where.toLowerCase().includes(words));
  const recent = sources.recent.filter((entry) =>
    matches(entry.number, `${entry.origin?.title ?? ''} ${entry.origin?.host ?? ''}`),
  );
  for (const entry of unique(recent, (e) => e.number, seen).slice(0, RECENT_SHOWN)) {
    const where = entry.origin?.title || entry.origin?.host || '';
    list.push({
      content: entry.number,
      description: `${write.sentence('omniboxRecent', write.url(sources.format(entry.number)))}${
        where ? ` ${write.dim(`— ${cut(where)}`)}` : ''
      }`,
    });
  }

  const page = sources.page.filter((n) => matches(n.e164, n.text));
  for (const number of unique(page, (n) => n.e164, seen).slice(0, PAGE_SHOWN)) {
    const written = number.text.trim();
    list.push({
      content: number.e164,
      description: `${write.sentence('omniboxOnPage', write.url(number.international))}${
        written && written !== number.international ? ` ${write.dim(`— ${cut(written)}`)}` : ''
      }`,
    });
  }
  return { defaultDescription, list };
}

/** Whether an E.164 number contains the typed digits, written nationally or internationally. */
function matchesDigits(e164: string, digits: string): boolean {
  const national = digits.replace(/^0+/, '');
  return national.length >= 2 && e164.slice(1).includes(national);
}

function unique<T>(items: readonly T[], key: (item: T) => string, seen: Set<string>): T[] {
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function cut(text: string): string {
  const single = text.replace(/\s+/g, ' ');
  return single.length > TEXT_MAX ? `${single.slice(0, TEXT_MAX - 1)}…` : single;
}

/**
 * Writes description pieces. With markup, text is escaped for XML and wrapped in Chrome's tags;
 * without, everything stays plain. Pieces it returns are already safe to join.
 */
function writer(markup: boolean) {
  const escapeText = (text: string) => (markup ? escapeXml(text) : text);
  const tag = (name: string, text: string) => (markup ? `<${name}>${escapeXml(text)}</${name}>` : text);
  return {
    text: escapeText,
    match: (text: string) => tag('match', text),
    url: (text: string) => tag('url', text),
    dim: (text: string) => tag('dim', text),
    /** A translated sentence around one already written piece (the number). */
    sentence(key: string, piece: string): string {
      // The translation is text to escape; the piece is markup already: join them after escaping.
      const marker = '\uE000';
      return escapeText(t(key, [marker])).replace(marker, piece);
    },
  };
}

/** Text as XML character data; control characters, which XML cannot carry, become spaces. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML cannot carry these: they are what goes.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
      .replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`)
  );
}
