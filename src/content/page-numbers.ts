/**
 * The numbers found on this page, each kept as a live Range. The page's DOM is never touched: no
 * wrapping elements, no split text nodes; numbers are marked through the CSS Custom Highlight API.
 *
 * Only numbers near the viewport are in the highlight: the browser revalidates every highlighted
 * range whenever the page changes, which on a 10,000-row table costs ~100 ms a frame. Intersection
 * observers on the blocks numbers sit in move them in and out as the user scrolls; everything
 * found stays known for hover, the popup's list and the keyboard. The blocks are spread over many
 * observers of a few hundred each: measured in Chromium, one observer with 10,000 targets adds
 * ~10 ms to every frame that scrolls or changes layout, forty of 250 add next to nothing.
 */
import type { PhoneMatch } from '../phone';

export const HIGHLIGHT_NAME = 'ringback-number';

export interface FoundNumber {
  readonly range: Range;
  readonly match: PhoneMatch;
  /** How it is written on the page. */
  readonly text: string;
  /** The text nodes it spans, first to last. */
  readonly nodes: readonly Text[];
  /** The block it is shown in: what the visibility observer watches. */
  readonly block: Element;
}

/** How far beyond the viewport numbers are marked already, so scrolling shows them marked. */
const MARGIN = '100% 0px 100% 0px';
const BLOCKS_PER_OBSERVER = 250;

interface Shard {
  readonly observer: IntersectionObserver;
  size: number;
}

export class PageNumbers {
  readonly #all = new Set<FoundNumber>();
  #byNode = new WeakMap<Text, FoundNumber[]>();
  readonly #byBlock = new Map<Element, Set<FoundNumber>>();
  readonly #nearViewport = new Set<Element>();
  readonly #highlight = new Highlight();
  readonly #shards: Shard[] = [];
  readonly #shardOf = new Map<Element, Shard>();
  /** The shard the last block went to. */
  #filling: Shard | undefined;

  constructor() {
    CSS.highlights.set(HIGHLIGHT_NAME, this.#highlight);
  }

  get size(): number {
    return this.#all.size;
  }

  add(found: FoundNumber): void {
    this.#all.add(found);
    for (const node of found.nodes) {
      const list = this.#byNode.get(node);
      if (list) list.push(found);
      else this.#byNode.set(node, [found]);
    }
    const inBlock = this.#byBlock.get(found.block);
    if (inBlock) inBlock.add(found);
    else {
      this.#byBlock.set(found.block, new Set([found]));
      this.#watch(found.block);
    }
    if (this.#nearViewport.has(found.block)) this.#highlight.add(found.range);
  }

  /** Forgets every number that spans `node` (its text changed, or it is about to be rescanned). */
  dropNode(node: Text): void {
    const list = this.#byNode.get(node);
    if (!list) return;
    for (const found of [...list]) this.#drop(found);
  }

  /**
   * Forgets numbers whose text left the document or moved: a live Range whose node is removed
   * collapses onto the parent, so its boundaries no longer sit in the nodes it was made in.
   * Returns a resumable check over the numbers known now: call it until it returns true.
   */
  sweep(): (shouldYield: () => boolean) => boolean {
    const snapshot = [...this.#all];
    let index = 0;
    return (shouldYield) => {
      for (; index < snapshot.length; index++) {
        if (index % 256 === 255 && shouldYield()) return false;
        const found = snapshot[index];
        if (found && this.#all.has(found) && !isIntact(found)) this.#drop(found);
      }
      return true;
    };
  }

  has(found: FoundNumber): boolean {
    return this.#all.has(found);
  }

  all(): IterableIterator<FoundNumber> {
    return this.#all.values();
  }

  /** Numbers whose text spans `node`. */
  inNode(node: Node): readonly FoundNumber[] {
    return node.nodeType === Node.TEXT_NODE ? (this.#byNode.get(node as Text) ?? []) : [];
  }

  /** Whether a number is shown in this block (cheap test before hit-testing the pointer). */
  isBlockWithNumbers(element: Element): boolean {
    return this.#byBlock.has(element);
  }

  /** The number whose text contains the given point in the DOM, if any. */
  at(node: Node, offset: number): FoundNumber | undefined {
    return this.inNode(node).find(({ range }) => {
      try {
        return range.isPointInRange(node, offset);
      } catch {
        return false;
      }
    });
  }

  clear(): void {
    this.#all.clear();
    this.#byNode = new WeakMap();
    this.#byBlock.clear();
    this.#nearViewport.clear();
    this.#highlight.clear();
    for (const shard of this.#shards) shard.observer.disconnect();
    this.#shards.length = 0;
    this.#filling = undefined;
    this.#shardOf.clear();
  }

  /** Removes every mark; the registry entry goes too. */
  dispose(): void {
    this.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.#highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
  }

  #drop(found: FoundNumber): void {
    if (!this.#all.delete(found)) return;
    this.#highlight.delete(found.range);
    for (const node of found.nodes) {
      const list = this.#byNode.get(node);
      if (!list) continue;
      const index = list.indexOf(found);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) this.#byNode.delete(node);
    }
    const inBlock = this.#byBlock.get(found.block);
    if (!inBlock) return;
    inBlock.delete(found);
    if (inBlock.size === 0) {
      this.#byBlock.delete(found.block);
      this.#nearViewport.delete(found.block);
      this.#unwatch(found.block);
    }
  }

  #watch(block: Element): void {
    // The shard filled last keeps taking blocks until it is full: looking through all shards for
    // one with room, per block, cost more than observing the block on a 10,000-row page.
    let shard = this.#filling;
    if (!shard || shard.size >= BLOCKS_PER_OBSERVER) shard = this.#shards.find((s) => s.size < BLOCKS_PER_OBSERVER);
    if (!shard) {
      shard = {
        observer: new IntersectionObserver((entries) => this.#seen(entries), { rootMargin: MARGIN }),
        size: 0,
      };
      this.#shards.push(shard);
    }
    shard.observer.observe(block);
    shard.size++;
    this.#filling = shard;
    this.#shardOf.set(block, shard);
  }

  #unwatch(block: Element): void {
    const shard = this.#shardOf.get(block);
    if (!shard) return;
    this.#shardOf.delete(block);
    shard.observer.unobserve(block);
    shard.size--;
  }

  #seen(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = entry.target;
      const numbers = this.#byBlock.get(block);
      if (!numbers) continue;
      const near = entry.isIntersecting || isBoxless(entry);
      if (near === this.#nearViewport.has(block)) continue;
      if (near) this.#nearViewport.add(block);
      else this.#nearViewport.delete(block);
      for (const found of numbers) {
        if (near) this.#highlight.add(found.range);
        else this.#highlight.delete(found.range);
      }
    }
  }
}

function isIntact(found: FoundNumber): boolean {
  const { range, nodes } = found;
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  return (
    first !== undefined &&
    range.startContainer === first &&
    range.endContainer === last &&
    !range.collapsed &&
    first.isConnected
  );
}

/** `display: contents` blocks have no box of their own: the observer never sees them intersect. */
function isBoxless(entry: IntersectionObserverEntry): boolean {
  const { width, height } = entry.boundingClientRect;
  if (width !== 0 || height !== 0) return false;
  const view = entry.target.ownerDocument.defaultView;
  return view?.getComputedStyle(entry.target).display === 'contents';
}
