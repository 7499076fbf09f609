/**
 * What is left to scan: subtrees and text nodes that were added or changed, first in first out.
 * A live page reports the same region many times over (a row re-rendered ten times before we get
 * to it), so duplicates collapse, and an item whose ancestor is also waiting is dropped when it
 * comes up: scanning the ancestor covers it. Pure: `parentOf` says how items nest.
 */
export class WorkQueue<T> {
  readonly #pending = new Set<T>();

  constructor(private readonly parentOf: (item: T) => T | null | undefined) {}

  get size(): number {
    return this.#pending.size;
  }

  add(item: T): void {
    this.#pending.add(item);
  }

  /** The oldest item no other waiting item contains, or undefined when nothing is left. */
  take(): T | undefined {
    for (const item of this.#pending) {
      this.#pending.delete(item);
      if (!this.#ancestorPending(item)) return item;
    }
    return undefined;
  }

  clear(): void {
    this.#pending.clear();
  }

  #ancestorPending(item: T): boolean {
    for (let parent = this.parentOf(item); parent; parent = this.parentOf(parent)) {
      if (this.#pending.has(parent)) return true;
    }
    return false;
  }
}
