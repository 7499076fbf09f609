/**
 * The content script's first stage in real Chromium: the engine is imported only where a page may
 * hold a number, a frame with nothing to call asks the background nothing (yet still answers for a
 * selection, and the top frame for the popup's list), and frames start from the page rules the
 * background cached instead of waiting for the background.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TabMessage } from '../../src/messages';
import { configureAccount, numberPoint, tellTab, waitFor } from '../support/extension';
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

/** The URLs of the page-config requests content scripts sent since the last call. */
async function pageConfigRequests(): Promise<string[]> {
  const worker = await e2e.extension.worker();
  return worker.evaluate(() => {
    const g = globalThis as unknown as {
      asked?: string[];
      chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string; url?: string }) => undefined): void } } };
    };
    if (!g.asked) {
      g.asked = [];
      g.chrome.runtime.onMessage.addListener((message) => {
        if (message?.type === 'page-config') g.asked?.push(String(message.url));
        return undefined;
      });
    }
    return g.asked.splice(0);
  });
}

async function cachedRules(): Promise<unknown> {
  const worker = await e2e.extension.worker();
  return worker.evaluate(
    async () => (await (globalThis as unknown as WorkerChrome).chrome.storage.local.get('pageRules')).pageRules,
  );
}

describe('the first stage', () => {
  it('asks nothing and loads no engine on a page without numbers, nor in its frame, until the page shows a number', async () => {
    await pageConfigRequests();
    const page = await e2e.extension.context.newPage();
    await page.goto(e2e.pages.url('no-numbers.html'));
    // Time for the first stage's look in both frames (and for any request it would send).
    await page.waitForTimeout(1_500);
    expect(page.frames()).toHaveLength(2);
    expect(await framesWithEngine(page)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('ringback-ui').length)).toBe(0);
    // Neither frame asked the background, so neither is remembered for config pushes either.
    expect(await pageConfigRequests()).toEqual([]);

    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Rückruf: 0221 66966966</p>'));
    await numberPoint(page, '0221 66966966');
    expect(await framesWithEngine(page)).toBe(1);
    expect(await pageConfigRequests()).toEqual([page.url()]);
    await page.close();
  });

  it('calls a number selected in a form field of a frame that had no digits', async () => {
    await pageConfigRequests();
    const page = await e2e.extension.context.newPage();
    await page.goto(`${e2e.pages.url('no-numbers.html')}?field`);
    const frame = await waitFor(() => page.frames().find((f) => f.url() === 'about:srcdoc'));
    // A value is no text node: the look sees no digits, and the frame stays quiet until selected.
    await frame.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input value="0221 66966966">'));
    await page.waitForTimeout(1_000);
    expect(await pageConfigRequests()).toEqual([]);

    await frame.locator('input').click();
    await page.keyboard.press('Control+A');
    await tellTab(await e2e.extension.worker(), page.url(), { type: 'selection-action', action: 'call' });
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls[0]).toMatchObject({ target: '+4922166966966' });
    await page.close();
  });

  it('lists numbers that only a frame of the page shows, and nothing where no frame shows any', async () => {
    const page = await e2e.extension.context.newPage();
    await page.goto(`${e2e.pages.url('no-numbers.html')}?list`);
    const frame = await waitFor(() => page.frames().find((f) => f.url() === 'about:srcdoc'));
    await page.waitForTimeout(500);
    expect(await tellTab(await e2e.extension.worker(), page.url(), { type: 'list-numbers' })).toEqual([]);

    await frame.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Rückruf: 0221 66966966</p>'));
    await waitFor(() => frame.evaluate(() => (CSS.highlights.get('ringback-number')?.size ?? 0) > 0));
    const list = (await tellTab(await e2e.extension.worker(), page.url(), { type: 'list-numbers' })) as {
      e164: string;
    }[];
    expect(list.map((n) => n.e164)).toEqual(['+4922166966966']);
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

  it('loads no engine where the site rules say no, though the look finds digits and asks', async () => {
    await configureAccount(
      e2e.extension,
      fonialAccount(e2e.sim, { detection: { mode: 'only-listed', sites: ['crm.example'] } }),
    );
    await expect.poll(cachedRules).toMatchObject({ detection: { mode: 'only-listed' } });
    await pageConfigRequests();
    const page = await e2e.extension.context.newPage();
    await page.goto(`${e2e.pages.url('crm-contacts.html')}?off`);
    await expect.poll(pageConfigRequests).toEqual([page.url()]);
    await page.waitForTimeout(1_000);
    expect(await framesWithEngine(page)).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.get('ringback-number')?.size ?? 0)).toBe(0);
    await page.close();
    await configureAccount(e2e.extension, fonialAccount(e2e.sim));
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
