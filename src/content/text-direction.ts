/**
 * The base direction of the paragraph a text run is shown in, for the detector
 * (`FindOptions.direction`): in a right-to-left paragraph, digit groups separated by spaces are
 * shown in reverse of their order in the DOM. Read cheaply: the nearest `dir` attribute (an
 * attribute lookup, no style), else the page's computed direction, read once per page — never a
 * computed style per node, which would force the browser to recalculate styles as the scan goes.
 */
import type { TextDirection } from '../phone';
import { isElement, isShadowRoot } from './dom-rules';

/** First strong character: Hebrew, Arabic (and their supplements and presentation forms), or a Latin-like letter. */
const FIRST_STRONG = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/u;
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

export class TextDirections {
  readonly #document: Document;
  #page: TextDirection | undefined;

  constructor(document: Document) {
    this.#document = document;
  }

  /** The base direction for a run of `text` in block `container`. */
  of(container: Node, text: string): TextDirection {
    const element = isElement(container) ? container : isShadowRoot(container) ? container.host : undefined;
    const marked = element?.closest('[dir]');
    const attribute = marked?.getAttribute('dir')?.trim().toLowerCase();
    if (attribute === 'rtl' || attribute === 'ltr') return attribute;
    if (attribute === 'auto') return directionOfText(text) ?? 'ltr';
    return this.#pageDirection();
  }

  /** Forget the page's direction (it is read again on the next scan). */
  reset(): void {
    this.#page = undefined;
  }

  #pageDirection(): TextDirection {
    if (this.#page) return this.#page;
    const root = this.#document.body ?? this.#document.documentElement;
    let direction: TextDirection = 'ltr';
    try {
      direction = this.#document.defaultView?.getComputedStyle(root).direction === 'rtl' ? 'rtl' : 'ltr';
    } catch {
      // A document without a view (a template's): left to right, as the browser would show it.
    }
    this.#page = direction;
    return direction;
  }
}

/** `dir="auto"`: the direction of the first strong character, as the browser decides it. */
export function directionOfText(text: string): TextDirection | undefined {
  const strong = FIRST_STRONG.exec(text)?.[0];
  if (strong === undefined) return undefined;
  return RIGHT_TO_LEFT.test(strong) ? 'rtl' : 'ltr';
}
