/**
 * The content script's first stage in real Chromium: the engine is imported only where a page may
 * hold a number, and frames start from the page rules the background cached instead of waiting
 * for the background.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { configureAccount, numberPoint } from '../support/extension';
import { fonialAccount, useFonialE2e } from '../support/fonial-e2e';

const e2e = useFonialE2e();

/** Frames of the page whose engine has started (each leaves a `ringback-engine` mark). */
async function framesWithEngine(page: Page): Promise<number> {
  let count = 0;
  for (const frame of page.frames()) {
    count += await frame.evaluate(() => performance.getEntriesByName('ringback-engine').length);
  }
  return count;
}

interface WorkerChrome {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
}

async function cachedRules(): Promise<unknown> {
  const worker = await e2e.extension.worker();
  return worker.evaluate(
    async () => (await (globalThis as unknown as WorkerChrome).chrome.storage.local.get('pageRules')).pageRules,
  );
}

describe('the first stage', () => {
  it('loads no engine on a page without numbers, nor in its frame, until the page shows a number', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('no-numbers.html'));
    // Time for the background's answer and the first stage's look in both frames.
    await page.waitForTimeout(1_500);
    expect(page.frames()).toHaveLength(2);
    expect(await framesWithEngine(page)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('ringback-ui').length)).toBe(0);

    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Rückruf: 0221 66966966</p>'));
    await numberPoint(page, '0221 66966966');
    expect(await framesWithEngine(page)).toBe(1);
    await page.close();
  });

  it('marks numbers from the cached rules while the background is still busy', async () => {
    await expect.poll(cachedRules).toMatchObject({ allowed: { enabled: true } });
    const worker = await e2e.extension.worker();
    // The service worker cannot answer anyone for a while (as after a browser start, when its
    // first policy read can take seconds).
    let busy = true;
    const blocked = worker
      .evaluate(() => {
        const until = Date.now() + 8_000;
        while (Date.now() < until) {
          // Busy on purpose.
        }
      })
      .finally(() => {
        busy = false;
      });
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('crm-contacts.html'));
    await numberPoint(page, '0221 66966966');
    expect(busy).toBe(true);
    await blocked;
    await page.close();
  });

  it('lets the background’s answer win over cached rules that are out of date', async () => {
    const worker = await e2e.extension.worker();
    const stale = await cachedRules();
    await configureAccount(
      e2e.extension,
      fonialAccount(e2e.sim, { detection: { mode: 'only-listed', sites: ['crm.example'] } }),
    );
    await expect.poll(cachedRules).toMatchObject({ detection: { mode: 'only-listed' } });
    // The copy frames read still says "everywhere", as it would after a policy change while the
    // browser was closed; the background knows better.
    await worker.evaluate(
      (rules) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set({ pageRules: rules }),
      stale,
    );
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('crm-contacts.html'));
    await expect.poll(cachedRules).toMatchObject({ detection: { mode: 'only-listed' } });
    // However the start went (marked from the stale copy at first, or not), the answer stands.
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => CSS.highlights.get('ringback-number')?.size ?? 0)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('ringback-ui').length)).toBe(0);
    await page.close();
    await configureAccount(e2e.extension, fonialAccount(e2e.sim));
  });
});
