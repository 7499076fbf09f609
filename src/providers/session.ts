/**
 * Keeps one provider session (fonial sid, Fonema token, …) per account: reuses the stored one,
 * logs in at most once at a time however many requests arrive together (single flight), and
 * logs in again once when the provider says the session expired.
 */
import { isProviderError } from './errors';
import type { SessionStore } from './types';

export class SessionKeeper<S> {
  #pending: Promise<S> | undefined;

  constructor(
    private readonly store: SessionStore<S>,
    private readonly login: () => Promise<S>,
  ) {}

  /** The stored session, or a new one from a single shared login. */
  async current(): Promise<S> {
    if (this.#pending) return this.#pending;
    const stored = await this.store.get();
    if (stored !== undefined) return stored;
    return this.#loginOnce();
  }

  /**
   * Runs `task` with a session. If the provider says the session expired, the session is dropped
   * and `task` runs once more with a fresh one: the expired request was refused, so nothing
   * happened and repeating it is safe.
   */
  async run<T>(task: (session: S) => Promise<T>): Promise<T> {
    const session = await this.current();
    try {
      return await task(session);
    } catch (error) {
      if (!isProviderError(error) || error.code !== 'session-expired') throw error;
      return task(await this.#renew(session));
    }
  }

  async forget(): Promise<void> {
    await this.store.clear();
  }

  async #renew(stale: S): Promise<S> {
    if (this.#pending) return this.#pending;
    const stored = await this.store.get();
    // Another request already renewed it while this one was failing.
    if (stored !== undefined && stored !== stale && JSON.stringify(stored) !== JSON.stringify(stale)) return stored;
    await this.store.clear();
    return this.#loginOnce();
  }

  #loginOnce(): Promise<S> {
    this.#pending ??= (async () => {
      try {
        const session = await this.login();
        await this.store.set(session);
        return session;
      } finally {
        this.#pending = undefined;
      }
    })();
    return this.#pending;
  }
}
