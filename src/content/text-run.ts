/**
 * A text run: the text of adjacent text nodes that a reader sees as one line of text, e.g.
 * `<b>0221</b> 66966966` inside one table cell. Numbers are searched in the run's joined text and
 * their offsets mapped back to (node, offset) pairs for a Range. Pure: the node type is generic so
 * the mapping is tested without a DOM.
 *
 * Where two nodes from different inline elements meet letter to digit (`<span>Telefon</span>
 * <span>0221 66966966</span>`, `<a>…66966969</a>Fax:`), the page shows a label and a value that
 * its style sets apart, not one word: the run puts a space between them that no node holds, so
 * the detector sees a label before a number instead of a number glued to a word. Where they meet
 * digit to digit, the run cannot tell one number split by markup (`<b>0228</b><i>9876543</i>`)
 * from two things side by side (`<time>06/11/2023</time><a>0 Kommentare</a>`): it puts a space
 * there too and remembers it as a digit gap. A number that spans the gap is one number; one that
 * ends or starts at it is not taken (`digitsContinue`): its written digits go on in the next
 * element, and marking the part would call a shorter number.
 */

export interface Segment<N> {
  readonly node: N;
  /** Where this node's text starts in the run. */
  readonly start: number;
  /** The node's text when it was read: a run whose nodes changed since is stale. */
  readonly text: string;
}

export interface Position<N> {
  readonly node: N;
  readonly offset: number;
}

/** What the run holds between two elements' texts that a reader sees apart (see above). */
export const ELEMENT_GAP = ' ';

export class TextRun<N, C = unknown> {
  readonly segments: Segment<N>[] = [];
  /** Made for the few runs that have digit gaps: a big page makes a run per table cell. */
  #digitGaps: number[] | undefined;
  text = '';

  /** The nearest block around the run (the element a reader sees it in). */
  constructor(readonly container: C) {}

  /**
   * Adds a node's text. `newElement`: the node is not in the same element as the text before it,
   * so the two may be a label and its value (a gap goes between them where letters meet digits).
   */
  append(node: N, text: string, newElement = false): void {
    const gap = newElement ? gapBetween(this.text, text) : undefined;
    if (gap === 'digits') {
      this.#digitGaps ??= [];
      this.#digitGaps.push(this.text.length);
    }
    if (gap) this.text += ELEMENT_GAP;
    this.segments.push({ node, start: this.text.length, text });
    this.text += text;
  }

  /** Offsets of the gaps put between two elements' digits. */
  get digitGaps(): readonly number[] {
    return this.#digitGaps ?? [];
  }

  /** Whether a number at `[start, end)` has written digits going on past a digit gap. */
  digitsContinue(start: number, end: number): boolean {
    const gaps = this.#digitGaps;
    return gaps !== undefined && (gaps.includes(end) || gaps.includes(start - 1));
  }

  get empty(): boolean {
    return this.segments.length === 0;
  }

  /**
   * The node and offset of a run offset. At a boundary between two nodes a start belongs to the
   * later node and an end to the earlier, so a range never begins or ends on a neighbour's edge.
   */
  locate(offset: number, side: 'start' | 'end'): Position<N> {
    let index = this.#segmentIndex(offset, side);
    let segment = this.segments[index];
    if (!segment) throw new RangeError('empty run');
    // A start on a node's very end (just before a gap) belongs to the next node that has text.
    if (side === 'start' && offset >= segment.start + segment.text.length) {
      let next = this.segments[++index];
      while (next && next.text.length === 0) next = this.segments[++index];
      if (next) segment = next;
    }
    return { node: segment.node, offset: Math.min(Math.max(offset - segment.start, 0), segment.text.length) };
  }

  /** The nodes a match from `start` to `end` touches, in order. */
  nodesBetween(start: number, end: number): N[] {
    const first = this.#segmentIndex(start, 'start');
    const last = this.#segmentIndex(end, 'end');
    return this.segments.slice(first, last + 1).map((s) => s.node);
  }

  #segmentIndex(offset: number, side: 'start' | 'end'): number {
    const segments = this.segments;
    let low = 0;
    let high = segments.length - 1;
    // Last segment whose start is before the offset (for an end) or at/before it (for a start).
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      const start = segments[middle]?.start ?? 0;
      if (side === 'start' ? start <= offset : start < offset) low = middle;
      else high = middle - 1;
    }
    // Skip empty nodes so a start lands in a node that has text.
    if (side === 'start') {
      while (low < segments.length - 1 && (segments[low]?.text.length ?? 0) === 0) low++;
    }
    return low;
  }
}

export interface TextWindow {
  /** The text searched: `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** Matches that start in `[ownStart, ownEnd)` belong to this window; the rest is context. */
  readonly ownStart: number;
  readonly ownEnd: number;
}

/**
 * Splits a long text into overlapping windows so no single search takes long. A match starting in
 * a window's own part and shorter than `overlap` lies wholly inside that window.
 */
export function textWindows(length: number, size = 4_000, overlap = 80): TextWindow[] {
  if (length <= size + overlap) return [{ start: 0, end: length, ownStart: 0, ownEnd: length }];
  const windows: TextWindow[] = [];
  for (let ownStart = 0; ownStart < length; ownStart += size) {
    const ownEnd = Math.min(ownStart + size, length);
    windows.push({ start: Math.max(0, ownStart - overlap), end: Math.min(length, ownEnd + overlap), ownStart, ownEnd });
  }
  return windows;
}

/**
 * The gap two elements' texts need where they meet (see the module comment): `label` where a
 * letter meets a digit, `+` or `(`, or a digit meets a letter; `digits` where digits meet. Two
 * capital letters right before digits stay glued: that is a country prefix of an IBAN or VAT id
 * split by markup (`<b>DE</b>89 3704 …`), not a label.
 */
export function gapBetween(before: string, after: string): 'label' | 'digits' | undefined {
  const last = before.at(-1);
  const first = after[0];
  if (last === undefined || first === undefined) return undefined;
  if (isDigit(last)) {
    if (isDigit(first)) return 'digits';
    return LETTER.test(first) ? 'label' : undefined;
  }
  if (!LETTER.test(last) || !(isDigit(first) || first === '+' || first === '(' || first === '\uff0b')) return undefined;
  return COUNTRY_PREFIX.test(before.slice(-3)) ? undefined : 'label';
}

const LETTER = /^\p{L}$/u;
/** Exactly two capital letters at the end, not part of a longer word. */
const COUNTRY_PREFIX = /(?:^|[^\p{L}])\p{Lu}{2}$/u;

function isDigit(character: string): boolean {
  return DIGIT.test(character);
}

const DIGIT = /^[0-9\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]$/u;

/**
 * Where a number written at `[start, end)` of `text` really starts: at the `(` that opens a group
 * the number closes (`(03 40) 51 89 01 10`), so the mark covers what the reader sees as the number.
 */
export function numberStart(text: string, start: number, end: number): number {
  if (start === 0 || !OPENING.test(text[start - 1] ?? '')) return start;
  const written = text.slice(start, end);
  const closing = written.search(CLOSING);
  const opening = written.search(OPENING);
  return closing >= 0 && (opening < 0 || closing < opening) ? start - 1 : start;
}

/**
 * Whether `[start, end)` of `text` is cut from a longer stretch of digit groups: another group
 * right before or after it, across one separator (`18001 0800 0282 878` → `0282 878`).
 */
export function isCutFromDigits(text: string, start: number, end: number): boolean {
  return DIGITS_BEFORE.test(text.slice(Math.max(0, start - 3), start)) || DIGITS_AFTER.test(text.slice(end, end + 3));
}

const DIGITS_BEFORE = /[0-9\uff10-\uff19][\s\u00a0\u202f./-]{1,2}$/u;
const DIGITS_AFTER = /^[\s\u00a0\u202f./-]{1,2}[0-9\uff10-\uff19]/u;

const OPENING = /[(\uff08]/u;
const CLOSING = /[)\uff09]/u;

/** Fewer digits than this in one stretch of digits and separators cannot be a phone number. */
export const MIN_DIGITS = 6;

/**
 * The cheap pre-filter run before the real detector: does `text` hold a stretch of at least
 * MIN_DIGITS digits joined only by the characters phone numbers are written with? One pass, no
 * allocation; most text on a page fails it at once. It lets through everything the detector reads
 * as a number — full-width and Arabic-Indic digits, invisible characters and line breaks inside a
 * number — so it never decides for the detector.
 */
export function mayContainPhoneNumber(text: string, start = 0, end = text.length): boolean {
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c > 0x65f && isOtherDigit(c))) {
      if (++digits >= MIN_DIGITS) return true;
    } else if (!isSeparator(c)) {
      digits = 0;
    }
  }
  return false;
}

/** Full-width, Arabic-Indic and extended Arabic-Indic (Persian, Urdu) digits. */
export function isOtherDigit(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
}

/** The characters a number may have between its digits (the content script's first stage counts with these too). */
export function isSeparator(c: number): boolean {
  switch (c) {
    case 32: // space
    case 9: // tab
    case 10: // line feed
    case 13:
    case 40: // (
    case 41: // )
    case 43: // +
    case 45: // -
    case 46: // .
    case 47: // /
    case 0xa0: // no-break space
    case 0x2009: // thin space
    case 0x202f: // narrow no-break space
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2007: // figure space
    case 0x2212: // minus sign
    case 0x00ad: // soft hyphen
    case 0x200b: // zero-width space
    case 0x200c: // zero-width non-joiner
    case 0x200d: // zero-width joiner
    case 0x2060: // word joiner
    case 0xfeff: // zero-width no-break space
    case 0x200e: // left-to-right mark
    case 0x200f: // right-to-left mark
    case 0x202a: // bidi embeddings and overrides, which right-to-left pages put around numbers
    case 0x202b:
    case 0x202c:
    case 0x202d:
    case 0x202e:
    case 0x2066: // bidi isolates
    case 0x2067:
    case 0x2068:
    case 0x2069:
    case 0x3000: // ideographic space
    case 0xff0b: // full-width +
    case 0xff08: // full-width (
    case 0xff09: // full-width )
    case 0xff0d: // full-width -
    case 0xff0e: // full-width .
    case 0xff0f: // full-width /
      return true;
    default:
      return false;
  }
}
