/**
 * Runs work in short slices while the page is idle, so the scanner never holds the main thread for
 * long: each slice gets what is left of the browser's idle period, capped at `budgetMs`. A page
 * that is never idle still makes progress: after `timeoutMs` a slice runs anyway with the capped
 * budget. Where requestIdleCallback is missing a timer stands in for it.
 */

/** Called once per slice; returns whether work is left. `shouldYield` turns true at the deadline. */
export type SliceWork = (shouldYield: () => boolean) => boolean;

export interface IdleEnvironment {
  readonly now: () => number;
  readonly requestIdle?: (callback: (deadline: IdleDeadline) => void, options: { timeout: number }) => number;
  readonly cancelIdle?: (handle: number) => void;
  readonly setTimer: (callback: () => void, ms: number) => number;
  readonly clearTimer: (handle: number) => void;
}

export interface IdleOptions {
  readonly budgetMs?: number;
  readonly timeoutMs?: number;
  readonly env?: IdleEnvironment;
}

/** Told when the work ran out, with what the slices since the last report took. */
export type DrainedListener = (stats: SliceStats) => void;

export interface SliceStats {
  readonly slices: number;
  /** Time spent inside slices. */
  readonly busyMs: number;
  readonly longestSliceMs: number;
}

export function browserIdleEnvironment(): IdleEnvironment {
  const hasIdle = typeof requestIdleCallback === 'function';
  return {
    now: () => performance.now(),
    ...(hasIdle
      ? {
          requestIdle: (callback, options) => requestIdleCallback(callback, options),
          cancelIdle: (handle) => cancelIdleCallback(handle),
        }
      : {}),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => window.clearTimeout(handle),
  };
}

export class IdleScheduler {
  readonly #work: SliceWork;
  readonly #budget: number;
  readonly #timeout: number;
  readonly #env: IdleEnvironment;
  readonly #drained: DrainedListener | undefined;
  #handle: { kind: 'idle' | 'timer'; id: number } | undefined;
  #slices = 0;
  #busy = 0;
  #longest = 0;

  constructor(work: SliceWork, options: IdleOptions = {}, drained?: DrainedListener) {
    this.#work = work;
    this.#drained = drained;
    this.#budget = options.budgetMs ?? 8;
    this.#timeout = options.timeoutMs ?? 500;
    this.#env = options.env ?? browserIdleEnvironment();
  }

  get scheduled(): boolean {
    return this.#handle !== undefined;
  }

  /** Asks for a slice; does nothing when one is already asked for. */
  schedule(): void {
    if (this.#handle) return;
    const { requestIdle } = this.#env;
    if (requestIdle) {
      this.#handle = {
        kind: 'idle',
        id: requestIdle((deadline) => this.#run(deadline.didTimeout ? this.#budget : deadline.timeRemaining()), {
          timeout: this.#timeout,
        }),
      };
    } else {
      this.#handle = { kind: 'timer', id: this.#env.setTimer(() => this.#run(this.#budget), 16) };
    }
  }

  cancel(): void {
    const handle = this.#handle;
    if (!handle) return;
    if (handle.kind === 'idle') this.#env.cancelIdle?.(handle.id);
    else this.#env.clearTimer(handle.id);
    this.#handle = undefined;
  }

  #run(available: number): void {
    this.#handle = undefined;
    const { now } = this.#env;
    const started = now();
    // At least a millisecond, so a page that is never idle still gets scanned.
    const deadline = started + Math.min(this.#budget, Math.max(available, 1));
    const more = this.#work(() => now() >= deadline);
    const spent = now() - started;
    this.#slices++;
    this.#busy += spent;
    if (spent > this.#longest) this.#longest = spent;
    if (more) {
      this.schedule();
      return;
    }
    const stats = { slices: this.#slices, busyMs: this.#busy, longestSliceMs: this.#longest };
    this.#slices = 0;
    this.#busy = 0;
    this.#longest = 0;
    this.#drained?.(stats);
  }
}
