/**
 * The first stage's cheap look: could anything on this page be a phone number? Yes as soon as it
 * holds a stretch of MIN_DIGITS digits joined by the characters numbers are written with (as the
 * engine's own pre-filter reads them), or a `tel:`/`callto:`/`sip:` link. It looks
 * through the document, then through whatever the page adds or changes, until the answer is yes;
 * then the engine takes over and scans for real.
 *
 * It must never say no where the engine would find a number, so where unsure it says yes: digits
 * carry over from one text node to the next, and are only reset at a block element (engine runs
 * never cross one) or at a character no number contains. Regions the engine never reads (scripts,
 * styles, form fields) are skipped. The walk is cut into short slices, so a long page without any
 * number costs no long task.
 */
import { blockContainerOf, isElement, isInlineElement, isText, nodeAfter, runStartOf } from '../dom-rules';
import { isOtherDigit, isSeparator, MIN_DIGITS } from '../text-run';
import { walkStep } from '../walk-step';

/**
 * Text in these is never scanned by the engine either. A subset of dom-rules' skipped regions on
 * purpose: the look watches no attributes, so it skips only what no attribute change (`hidden`,
 * `contenteditable`) can ever make readable.
 */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'code', 'title']);
const CALL_LINK_TAGS = new Set(['a', 'area']);
const CALL_LINK_HREF = /(?:tel|callto|sips?):/i;

/** The longest piece of looking in one go; the rest waits for idle time. */
const SLICE_MS = 4;
/** How often (in nodes) a walk reads the clock. */
const CLOCK_EVERY = 64;

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** One part of the page still to look through: from `first` until `stopAt`, within `root`. */
interface Part {
  readonly root: Node;
  readonly first: Node;
  readonly stopAt: Node | null;
}

export class DigitLook {
  readonly #found: () => void;
  readonly #observer: MutationObserver;
  readonly #parts: Part[] = [];
  #walk: Walk | undefined;
  #scheduled = false;
  #running = false;

  /** `found` is called once, when something that may be a number turns up. */
  constructor(found: () => void) {
    this.#found = found;
    this.#observer = new MutationObserver((records) => this.#changed(records));
  }

  get running(): boolean {
    return this.#running;
  }

  /** Looks through the document (a first slice at once) and watches it from now on. */
  start(document: Document): void {
    if (this.#running) return;
    this.#running = true;
    this.#observer.observe(document, OBSERVED);
    const root = document.body ?? document.documentElement;
    if (root) this.#parts.push({ root, first: root, stopAt: null });
    this.#work();
  }

  stop(): void {
    this.#running = false;
    this.#observer.disconnect();
    this.#parts.length = 0;
    this.#walk = undefined;
  }

  #changed(records: readonly MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.#addAround(record.target);
      else for (const node of record.addedNodes) this.#addAround(node);
    }
    this.#schedule();
  }

  /** A changed text node or inline element: the run it is part of. A block: all of it. */
  #addAround(node: Node): void {
    // Styles written by scripts (colours, sizes) and code are full of digits the engine never reads.
    if (insideSkipped(node)) return;
    if (isElement(node) && !isInlineElement(node)) {
      this.#parts.push({ root: node, first: node, stopAt: null });
      return;
    }
    if (!isText(node) && !isElement(node)) return;
    const container = blockContainerOf(node);
    if (!container) return;
    this.#parts.push({ root: container, first: runStartOf(node, container), stopAt: nodeAfter(node, container) });
  }

  #schedule(): void {
    if (this.#scheduled || !this.#running) return;
    this.#scheduled = true;
    const run = () => {
      this.#scheduled = false;
      this.#work();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 200 });
    else setTimeout(run, 16);
  }

  #work(): void {
    const deadline = performance.now() + SLICE_MS;
    while (this.#running) {
      if (!this.#walk) {
        const part = this.#parts.shift();
        if (!part) return;
        if (!part.root.isConnected) continue;
        this.#walk = new Walk(part, (root) => this.#foundShadowRoot(root));
      }
      const result = this.#walk.run(deadline);
      if (result === 'found') {
        this.stop();
        this.#found();
        return;
      }
      if (result === 'paused') {
        this.#schedule();
        return;
      }
      this.#walk = undefined;
    }
  }

  /** An open shadow root: looked through like the document, and watched too. */
  #foundShadowRoot(root: ShadowRoot): void {
    this.#observer.observe(root, OBSERVED);
    this.#parts.push({ root, first: root, stopAt: null });
  }
}

/** One resumable walk over one part. */
class Walk {
  readonly #walker: TreeWalker;
  readonly #stopAt: Node | null;
  readonly #onShadowRoot: (root: ShadowRoot) => void;
  #next: Node | null;
  #digits = 0;

  constructor(part: Part, onShadowRoot: (root: ShadowRoot) => void) {
    const document = part.root.ownerDocument ?? (part.root as Document);
    this.#walker = document.createTreeWalker(part.root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    this.#next = part.first;
    this.#stopAt = part.stopAt;
    this.#onShadowRoot = onShadowRoot;
  }

  run(deadline: number): 'found' | 'paused' | 'done' {
    let node = this.#next;
    let count = 0;
    while (node && node !== this.#stopAt) {
      if (++count % CLOCK_EVERY === 0 && performance.now() >= deadline) {
        this.#next = node;
        return 'paused';
      }
      if (isText(node)) {
        this.#digits = digitsAfter(node.data, this.#digits);
        if (this.#digits >= MIN_DIGITS) return 'found';
        node = this.#step(node, true);
        continue;
      }
      if (!isElement(node)) {
        node = this.#step(node, true);
        continue;
      }
      const tag = node.localName;
      if (SKIPPED_TAGS.has(tag)) {
        this.#digits = 0;
        node = this.#step(node, false);
        continue;
      }
      if (CALL_LINK_TAGS.has(tag) && CALL_LINK_HREF.test(node.getAttribute('href') ?? '')) return 'found';
      if (!isInlineElement(node)) this.#digits = 0;
      if (node.shadowRoot) this.#onShadowRoot(node.shadowRoot);
      node = this.#step(node, true);
    }
    this.#next = null;
    return 'done';
  }

  #step(node: Node, enter: boolean): Node | null {
    return walkStep(this.#walker, node, enter);
  }
}

function insideSkipped(node: Node): boolean {
  for (let current = node.parentNode; current; current = current.parentNode) {
    if (isElement(current) && SKIPPED_TAGS.has(current.localName)) return true;
  }
  return false;
}

/**
 * The digits of the stretch `text` ends in, counting on from `carried` digits before it; stops
 * counting at MIN_DIGITS. Digits and what may join them are the engine's pre-filter's own
 * (src/content/text-run.ts). One pass, no allocation.
 */
export function digitsAfter(text: string, carried: number): number {
  let digits = carried;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c > 0x65f && isOtherDigit(c))) {
      if (++digits >= MIN_DIGITS) return digits;
    } else if (!isSeparator(c)) {
      digits = 0;
    }
  }
  return digits;
}
