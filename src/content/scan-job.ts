/**
 * One walk over one part of a page, resumable between idle slices. It hands out text runs (the
 * text of adjacent text nodes and inline elements within one block) one at a time; what to do
 * with a run is the scanner's business. Skipped regions are stepped over without entering them.
 */
import { blockContainerOf, composedParent, elementRole, nodeAfter, runStartOf } from './dom-rules';
import { TextRun } from './text-run';
import { walkStep } from './walk-step';

export type Run = TextRun<Text, Node>;
export type JobStep = Run | 'yield' | 'done';

export interface ScanJobOptions {
  /** An open shadow root was found under the walk (it is walked by its own job). */
  readonly onShadowRoot: (root: ShadowRoot) => void;
}

/** How often (in nodes) the walk asks whether its time is up: reading the clock is not free. */
const CLOCK_EVERY = 32;

export class ScanJob {
  readonly root: Node;
  readonly #walker: TreeWalker;
  readonly #options: ScanJobOptions;
  /** Once the walk reaches this node, the next run boundary ends the job. */
  readonly #stopAt: Node | null;
  readonly #bounded: boolean;
  #tail = false;
  #next: Node | null;
  #run: Run | undefined;
  /** Where the walk paused, and its ancestors: to resume near it if the page removed it. */
  #pausedPath: Node[] = [];
  /** The walker's current node, as far as this job moved it. */
  #walkerAt: Node | null;
  /** Nodes visited, for reading the clock every CLOCK_EVERY of them. */
  #count = 0;

  /** A walk over all of `root`. */
  static subtree(root: Node, options: ScanJobOptions): ScanJob {
    return new ScanJob(root, root, null, false, options);
  }

  /**
   * A walk over just the text run around `node` (a changed text node or an added inline
   * element), inside its block `container`: cheap even when the block is the whole page.
   */
  static around(node: Node, container: Node, options: ScanJobOptions): ScanJob {
    return new ScanJob(container, runStartOf(node, container), nodeAfter(node, container), true, options);
  }

  private constructor(root: Node, first: Node, stopAt: Node | null, bounded: boolean, options: ScanJobOptions) {
    this.root = root;
    this.#walker = (root.ownerDocument ?? document).createTreeWalker(
      root,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    );
    this.#walkerAt = root;
    this.#options = options;
    this.#next = first;
    this.#stopAt = stopAt;
    this.#bounded = bounded;
  }

  /** The next complete run, 'yield' when time is up, or 'done'. */
  next(shouldYield: () => boolean): JobStep {
    let node = this.#resumePoint();
    // Within one call the page cannot change: the parent of the text node before, and the block
    // of the last parent looked up, are remembered instead of asked for again.
    let previousParent: Node | null | undefined;
    let lookedUpParent: Node | null | undefined;
    let lookedUpContainer: Node | null = null;
    while (node) {
      // Counted across calls: most runs are a few nodes long.
      if (++this.#count % CLOCK_EVERY === 0 && shouldYield()) return this.#pause(node);
      if (this.#bounded && node === this.#stopAt) this.#tail = true;

      // One look at the node's type: every call into the page's DOM costs a content script.
      const type = node.nodeType;
      if (type === Node.TEXT_NODE) {
        const text = node as Text;
        const parent = text.parentNode;
        if (parent !== lookedUpParent) {
          lookedUpParent = parent;
          lookedUpContainer = blockContainerOf(text);
        }
        const container = lookedUpContainer;
        if (this.#run && this.#run.container !== container) {
          const run = this.#endRun(text);
          if (run) return run;
        }
        if (!this.#run) this.#run = new TextRun<Text, Node>(container ?? this.root);
        const previous = this.#run.segments.at(-1)?.node;
        if (previous !== undefined) previousParent ??= previous.parentNode;
        this.#run.append(text, text.data, previous !== undefined && previousParent !== parent);
        previousParent = parent;
        node = this.#after(text, true);
        continue;
      }

      if (type !== Node.ELEMENT_NODE) {
        node = this.#after(node, true);
        continue;
      }
      const element = node as Element;
      const role = elementRole(element);
      if (role !== 'inline') {
        // A block (or skipped) element ends the run before it; in the tail it ends the job.
        if (this.#run) {
          const run = this.#endRun(node);
          if (run) return run;
        }
        if (this.#tail) {
          this.#next = null;
          return 'done';
        }
      }
      if (role === 'skipped') {
        node = this.#after(element, false);
        continue;
      }
      const shadow = element.shadowRoot;
      if (shadow) this.#options.onShadowRoot(shadow);
      node = this.#after(element, true);
    }
    this.#next = null;
    const last = this.#run;
    this.#run = undefined;
    return last && !last.empty ? last : 'done';
  }

  /** Closes the current run at `node` (not yet processed); in the tail that also ends the job. */
  #endRun(node: Node): Run | undefined {
    const run = this.#run;
    this.#run = undefined;
    this.#next = this.#tail ? null : node;
    return run && !run.empty ? run : undefined;
  }

  #after(node: Node, enter: boolean): Node | null {
    // The walker usually stands on `node` already (it handed it out): moving it there again is a
    // call into the page's DOM per node.
    const next = enter && this.#walkerAt === node ? this.#walker.nextNode() : walkStep(this.#walker, node, enter);
    this.#walkerAt = next;
    return next;
  }

  #pause(node: Node): 'yield' {
    this.#next = node;
    const path: Node[] = [];
    for (let current: Node | null = node; current && current !== this.root; current = composedParent(current)) {
      path.push(current);
    }
    this.#pausedPath = path;
    return 'yield';
  }

  /**
   * Where to go on after a pause. If the page removed the paused node meanwhile, the walk goes on
   * from its nearest ancestor still in place (rescanning that part is harmless: a rescan replaces
   * what was found there).
   */
  #resumePoint(): Node | null {
    const next = this.#next;
    if (!next || this.#pausedPath.length === 0) return next;
    const path = this.#pausedPath;
    this.#pausedPath = [];
    if (this.root.contains(next)) return next;
    this.#run = undefined;
    return path.find((node) => this.root.contains(node)) ?? this.root;
  }
}
