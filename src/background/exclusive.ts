/**
 * Runs read-modify-write tasks on one storage key one after another. The service worker is the only
 * writer of its storage, but two calls placed at once would otherwise both read the history, both
 * append, and the second write would drop the first entry.
 */
const queues = new Map<string, Promise<unknown>>();

export function exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}
