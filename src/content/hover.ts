/**
 * When the card shows for a number: the pointer resting on it (hit-tested through the caret
 * position under the pointer, at most once a frame and only over blocks that hold a number), or
 * keyboard focus on an element that contains one. Tab from that element moves into the card;
 * Escape or tabbing out of the card returns focus to it (see card.ts).
 */
import type { Card, CardTarget } from './card';
import { composedParent, isElement, isShadowRoot, isText } from './dom-rules';
import type { FoundNumber, PageNumbers } from './page-numbers';

export interface HoverOptions {
  readonly numbers: PageNumbers;
  /** The card, created on first use. */
  readonly card: () => Card;
  /** The card if it exists (nothing is created just to hide it). */
  readonly existingCard: () => Card | undefined;
}

/** How many ancestors of the pointer's target are checked for a block with numbers. */
const BLOCK_SEARCH_DEPTH = 12;
/** Text nodes looked at inside a focused element. */
const FOCUS_SEARCH_NODES = 500;

export class HoverTracker {
  readonly #options: HoverOptions;
  readonly #abort = new AbortController();
  #frame = 0;

  constructor(options: HoverOptions) {
    this.#options = options;
    const signal = this.#abort.signal;
    const capture = { signal, capture: true };
    document.addEventListener('pointermove', (event) => this.#moved(event), { ...capture, passive: true });
    document.addEventListener('focusin', (event) => this.#focused(event), capture);
    document.addEventListener('focusout', (event) => this.#blurred(event), capture);
    document.addEventListener('keydown', (event) => this.#key(event), capture);
  }

  dispose(): void {
    this.#abort.abort();
    cancelAnimationFrame(this.#frame);
  }

  #moved(event: PointerEvent): void {
    const card = this.#options.existingCard();
    const path = event.composedPath();
    if (card && path.includes(card.host)) return;
    const target = path[0];
    cancelAnimationFrame(this.#frame);
    if (!(target instanceof Node) || !this.#overBlockWithNumbers(target)) {
      if (card?.visible && card.reason === 'pointer') card.scheduleHide();
      return;
    }
    const { clientX, clientY } = event;
    const shadowRoots = path.filter((node): node is ShadowRoot => node instanceof Node && isShadowRoot(node));
    this.#frame = requestAnimationFrame(() => {
      const found = this.#numberAt(clientX, clientY, shadowRoots);
      if (found) {
        this.#options.card().show(targetOf(found), anchorOf(this.#options.numbers, found), 'pointer');
        return;
      }
      const current = this.#options.existingCard();
      if (current?.visible && current.reason === 'pointer') current.scheduleHide();
    });
  }

  #overBlockWithNumbers(target: Node): boolean {
    let node: Node | null = target;
    for (let depth = 0; node && depth < BLOCK_SEARCH_DEPTH; depth++, node = composedParent(node)) {
      if (isElement(node) && this.#options.numbers.isBlockWithNumbers(node)) return true;
    }
    return false;
  }

  #numberAt(x: number, y: number, shadowRoots: ShadowRoot[]): FoundNumber | undefined {
    const caret = caretAt(x, y, shadowRoots);
    if (!caret) return undefined;
    const found = this.#options.numbers.at(caret.node, caret.offset);
    if (!found) return undefined;
    // The caret snaps to the nearest text; only count it when the pointer is really on the number.
    const inside = [...found.range.getClientRects()].some(
      (r) => x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2,
    );
    return inside ? found : undefined;
  }

  #focused(event: FocusEvent): void {
    const target = event.composedPath()[0];
    const card = this.#options.existingCard();
    if (card && event.composedPath().includes(card.host)) return;
    if (!(target instanceof HTMLElement) || target === document.body || target === document.documentElement) return;
    const found = firstNumberIn(target, this.#options.numbers);
    if (found) {
      this.#options.card().show(targetOf(found), anchorOf(this.#options.numbers, found), 'focus', target);
    } else if (card?.visible && card.reason === 'focus') {
      card.hide();
    }
  }

  #blurred(event: FocusEvent): void {
    const card = this.#options.existingCard();
    if (!card?.visible || card.reason !== 'focus') return;
    if (event.relatedTarget === card.host) return;
    card.scheduleHide();
  }

  #key(event: KeyboardEvent): void {
    const card = this.#options.existingCard();
    if (!card?.visible || card.reason !== 'focus') return;
    if (event.composedPath()[0] !== card.returnFocus) return;
    if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      card.focusFirst();
    }
  }
}

export function targetOf(found: FoundNumber): CardTarget {
  const { e164, international, country, extension } = found.match;
  return {
    number: e164,
    label: international,
    ...(country ? { country } : {}),
    ...(extension ? { extension } : {}),
  };
}

/** The number's box while it is on the page; undefined once the page re-rendered its text. */
function anchorOf(numbers: PageNumbers, found: FoundNumber): () => DOMRect | undefined {
  return () => (numbers.has(found) ? found.range.getBoundingClientRect() : undefined);
}

function firstNumberIn(element: HTMLElement, numbers: PageNumbers): FoundNumber | undefined {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode(); node && count < FOCUS_SEARCH_NODES; node = walker.nextNode(), count++) {
    if (!isText(node)) continue;
    const found = numbers.inNode(node)[0];
    if (found) return found;
  }
  return undefined;
}

interface CaretPoint {
  readonly node: Node;
  readonly offset: number;
}

function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): CaretPoint | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}
