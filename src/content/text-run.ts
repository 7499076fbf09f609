/**
 * A text run: the text of adjacent text nodes that a reader sees as one line of text, e.g.
 * `<b>0221</b> 66966966` inside one table cell. Numbers are searched in the run's joined text and
 * their offsets mapped back to (node, offset) pairs for a Range. Pure: the node type is generic so
 * the mapping is tested without a DOM.
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

export class TextRun<N, C = unknown> {
  readonly segments: Segment<N>[] = [];
  text = '';

  /** The nearest block around the run (the element a reader sees it in). */
  constructor(readonly container: C) {}

  append(node: N, text: string): void {
    this.segments.push({ node, start: this.text.length, text });
    this.text += text;
  }

  get empty(): boolean {
    return this.segments.length === 0;
  }

  /**
   * The node and offset of a run offset. At a boundary between two nodes a start belongs to the
   * later node and an end to the earlier, so a range never begins or ends on a neighbour's edge.
   */
  locate(offset: number, side: 'start' | 'end'): Position<N> {
    const index = this.#segmentIndex(offset, side);
    const segment = this.segments[index];
    if (!segment) throw new RangeError('empty run');
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

/** Fewer digits than this in one stretch of digits and separators cannot be a phone number. */
export const MIN_DIGITS = 6;

/**
 * The cheap pre-filter run before the real detector: does `text` hold a stretch of at least
 * MIN_DIGITS digits joined only by the characters phone numbers are written with? One pass, no
 * allocation; most text on a page fails it at once.
 */
export function mayContainPhoneNumber(text: string, start = 0, end = text.length): boolean {
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits >= MIN_DIGITS) return true;
    } else if (!isSeparator(c)) {
      digits = 0;
    }
  }
  return false;
}

function isSeparator(c: number): boolean {
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
      return true;
    default:
      return false;
  }
}
