/**
 * Runs work in short slices while the page is idle, so the scanner never holds the main thread for
 * long: each slice gets what is left of the browser's idle period, capped at `budgetMs`. A long
 * idle period (up to 50 ms when nothing is rendering) is used by several slices, each its own
 * task, so input and rendering can still get in between. A page that is never idle still makes
 * progress: after `timeoutMs` a slice runs anyway with the capped budget. Where
 * requestIdleCallback is missing a timer stands in for it.
 */

/** Called once per slice; returns whether work is left. `shouldYield` turns true at the deadline. */
export type SliceWork = (shouldYield: () => boolean) => boolean;

export interface IdleEnvironment {
  readonly now: () => number;
  readonly requestIdle?: (callback: (deadline: IdleDeadline) => void, options: { timeout: number }) => number;
  readonly cancelIdle?: (handle: number) => void;
  readonly setTimer: (callback: () => void, ms: number) => number;
  readonly clearTimer: (handle: number) => void;
  /** Queues a task right away (after what is already queued), to go on within an idle period. */
  readonly postTask?: (callback: () => void) => void;
}

/** Below this much idle time left, the next slice waits for the next idle period. */
const MIN_CONTINUE_MS = 3;

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
  const tasks: (() => void)[] = [];
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
  if (channel) channel.port1.onmessage = () => tasks.shift()?.();
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
    ...(channel
      ? {
          postTask: (callback) => {
            tasks.push(callback);
            channel.port2.postMessage(null);
          },
        }
      : {}),
  };
}

interface Handle {
  readonly kind: 'idle' | 'timer' | 'task';
  readonly id: number;
}

export class IdleScheduler {
  readonly #work: SliceWork;
  readonly #budget: number;
  readonly #timeout: number;
  readonly #env: IdleEnvironment;
  readonly #drained: DrainedListener | undefined;
  #handle: Handle | undefined;
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
        id: requestIdle((deadline) => this.#run(deadline.didTimeout ? undefined : deadline), {
          timeout: this.#timeout,
        }),
      };
    } else {
      this.#handle = { kind: 'timer', id: this.#env.setTimer(() => this.#run(undefined), 16) };
    }
  }

  cancel(): void {
    const handle = this.#handle;
    if (!handle) return;
    if (handle.kind === 'idle') this.#env.cancelIdle?.(handle.id);
    else if (handle.kind === 'timer') this.#env.clearTimer(handle.id);
    // A queued task finds the handle gone and does nothing.
    this.#handle = undefined;
  }

  /** One slice; `idle` is the browser's idle period, undefined when it timed out or is missing. */
  #run(idle: IdleDeadline | undefined): void {
    this.#handle = undefined;
    const { now } = this.#env;
    const started = now();
    const available = idle ? idle.timeRemaining() : this.#budget;
    // At least a millisecond, so a page that is never idle still gets scanned.
    const deadline = started + Math.min(this.#budget, Math.max(available, 1));
    const more = this.#work(() => now() >= deadline);
    const spent = now() - started;
    this.#slices++;
    this.#busy += spent;
    if (spent > this.#longest) this.#longest = spent;
    if (more) {
      const { postTask } = this.#env;
      if (idle && postTask && idle.timeRemaining() >= MIN_CONTINUE_MS) {
        const handle: Handle = { kind: 'task', id: 0 };
        this.#handle = handle;
        postTask(() => {
          if (this.#handle === handle) this.#run(idle);
        });
      } else {
        this.schedule();
      }
      return;
    }
    const stats = { slices: this.#slices, busyMs: this.#busy, longestSliceMs: this.#longest };
    this.#slices = 0;
    this.#busy = 0;
    this.#longest = 0;
    this.#drained?.(stats);
  }
}

/** Resolves in a new task (after input and rendering get their turn): to split long work. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
