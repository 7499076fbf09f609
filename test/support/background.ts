/**
 * Driving the background in real Chromium: send it messages from an extension page, and stop its
 * service worker through the Chrome DevTools Protocol the way Chrome does when the worker is idle.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { CallReport, Reply } from '../../src/messages';
import { type LoadedExtension, waitFor } from './extension';

/**
 * An extension page that runs no UI of its own (so it sends nothing by itself): any document of the
 * extension's origin may message the background as an extension page, like the popup.
 */
export async function openQuietExtensionPage(extension: LoadedExtension): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.id}/_locales/en/messages.json`);
  return page;
}

/** Sends the background one message from `page` and returns its reply. */
export function ask<T = unknown>(page: Page, message: unknown): Promise<Reply<T>> {
  return page.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<Reply<T>>;
}

/** Sends several messages at once, from inside the page, so they reach the worker together. */
export function askAll<T = unknown>(page: Page, messages: readonly unknown[]): Promise<Reply<T>[]> {
  return page.evaluate(
    (ms) =>
      Promise.all(
        ms.map((m) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage(m),
        ),
      ),
    messages,
  ) as Promise<Reply<T>[]>;
}

export async function call(page: Page, number: string, extra: object = {}): Promise<CallReport> {
  const reply = await ask<CallReport>(page, { type: 'call', number, ...extra });
  if (!reply.ok) throw new Error(`call refused: ${reply.reason}`);
  return reply.value;
}

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/** Watches the extension's service worker through CDP: its running status, and every start. */
export class WorkerWatch {
  status: RunningStatus | undefined;
  starts = 0;

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<WorkerWatch> {
    const cdp = await page.context().newCDPSession(page);
    const watch = new WorkerWatch(cdp);
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (!version.scriptURL.endsWith('/background.js')) continue;
        if (version.runningStatus === 'starting' && watch.status !== 'starting') watch.starts += 1;
        watch.status = version.runningStatus as RunningStatus;
      }
    });
    await cdp.send('ServiceWorker.enable');
    await waitFor(() => watch.status);
    return watch;
  }

  /** Stops the worker as Chrome does after 30 s idle, and waits until it is really stopped. */
  async stopWorker(): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(() => this.status === 'stopped');
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}

/** A value set in the worker's global scope: it is gone once the worker was really restarted. */
export async function markWorker(extension: LoadedExtension): Promise<void> {
  const worker = await extension.worker();
  await worker.evaluate(() => {
    (globalThis as { ringbackTestMark?: boolean }).ringbackTestMark = true;
  });
}

export async function workerMarked(extension: LoadedExtension): Promise<boolean> {
  const worker = await extension.worker();
  return worker.evaluate(() => (globalThis as { ringbackTestMark?: boolean }).ringbackTestMark === true);
}

/** Forgets provider sessions in the extension, as after a browser restart. */
export async function clearSessionStorage(extension: LoadedExtension): Promise<void> {
  const worker = await extension.worker();
  await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> } } } }
    ).chrome.storage.session.clear(),
  );
}

export async function badgeText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}
