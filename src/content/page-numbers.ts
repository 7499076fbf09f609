/**
 * The numbers found on this page, each kept as a live Range registered in the CSS Custom Highlight
 * API. The page's DOM is never touched: no wrapping elements, no split text nodes.
 */
import type { PhoneMatch } from '../phone';

export const HIGHLIGHT_NAME = 'ringback-number';

export interface FoundNumber {
  readonly range: Range;
  readonly match: PhoneMatch;
}

export class PageNumbers {
  readonly #found: FoundNumber[] = [];
  readonly #highlight = new Highlight();

  constructor() {
    CSS.highlights.set(HIGHLIGHT_NAME, this.#highlight);
  }

  add(range: Range, match: PhoneMatch): void {
    this.#found.push({ range, match });
    this.#highlight.add(range);
  }

  all(): readonly FoundNumber[] {
    return this.#found;
  }

  /** The number whose text contains the given point in the DOM, if any. */
  at(node: Node, offset: number): FoundNumber | undefined {
    return this.#found.find(({ range }) => {
      try {
        return range.isPointInRange(node, offset);
      } catch {
        return false;
      }
    });
  }

  clear(): void {
    this.#found.length = 0;
    this.#highlight.clear();
  }

  dispose(): void {
    this.clear();
    CSS.highlights.delete(HIGHLIGHT_NAME);
  }
}
