/**
 * Keeps the marks in step with a live page. The callback runs inside the page's own task, so it
 * only records what changed: changed text loses its numbers at once (a stale mark must not stay
 * on different text), added and changed parts are queued for the scanner, and removals ask for a
 * sweep of numbers whose text left the document. Open shadow roots are observed one by one (a
 * MutationObserver does not see into them).
 */
import { HOST_TAG, isElement, isInlineElement, isText } from './dom-rules';
import type { PageNumbers } from './page-numbers';
import type { Scanner } from './scanner';

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // Only what changes whether a region is scanned at all.
  attributeFilter: ['hidden', 'contenteditable'],
};

export class PageObserver {
  readonly #observer: MutationObserver;
  readonly #observed: (Document | ShadowRoot)[] = [];

  constructor(
    private readonly scanner: Scanner,
    private readonly numbers: PageNumbers,
  ) {
    this.#observer = new MutationObserver((records) => this.#changed(records));
  }

  observe(root: Document | ShadowRoot): void {
    this.#observer.observe(root, OPTIONS);
    this.#observed.push(root);
  }

  /** The open shadow roots seen so far that are still on the page (for hit-testing into them). */
  shadowRoots(): ShadowRoot[] {
    const roots: ShadowRoot[] = [];
    for (const root of this.#observed) if ('host' in root && root.host.isConnected) roots.push(root);
    return roots;
  }

  disconnect(): void {
    this.#observer.disconnect();
    this.#observed.length = 0;
  }

  #changed(records: readonly MutationRecord[]): void {
    let removed = false;
    for (const record of records) {
      const target = record.target;
      if (isElement(target) && target.localName === HOST_TAG) continue;
      switch (record.type) {
        case 'characterData':
          if (isText(target)) {
            this.numbers.dropNode(target);
            this.scanner.queue(target);
          }
          break;
        case 'attributes':
          if (isElement(target)) this.scanner.queueRuleChange(target);
          break;
        case 'childList':
          for (const node of record.addedNodes) {
            if (isElement(node) && node.localName === HOST_TAG) continue;
            if (isText(node) || isElement(node)) this.scanner.queue(node);
          }
          if (record.removedNodes.length > 0) {
            removed = true;
            // Taking an inline piece out of a line can join the text around it into a number.
            const neighbour = record.previousSibling ?? record.nextSibling;
            if (neighbour && (isText(neighbour) || (isElement(neighbour) && isInlineElement(neighbour)))) {
              this.scanner.queue(neighbour);
            }
          }
          break;
      }
    }
    if (removed) this.scanner.requestSweep();
  }
}
