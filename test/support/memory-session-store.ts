import type { SessionStore } from '../../src/providers/types';

/** An in-memory SessionStore that counts writes, standing in for storage.session in Node tests. */
export class MemorySessionStore<T> implements SessionStore<T> {
  value: T | undefined;
  sets = 0;

  async get(): Promise<T | undefined> {
    return this.value;
  }

  async set(value: T): Promise<void> {
    this.value = value;
    this.sets += 1;
  }

  async clear(): Promise<void> {
    this.value = undefined;
  }
}
