/**
 * A fonial call list in real Firefox ESR against the simulator, as in e2e/call-list.test.ts: the
 * numbers ticked in the popup's page list, the first called at once, the next on Next (once, even
 * for a double click), then stopped. The popup is opened as a page acting on the CRM tab.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/extension';
import { navigate, numberPoint } from '../support/firefox';
import { useFirefoxE2e } from '../support/firefox-e2e';

const e2e = useFirefoxE2e();

/**
 * The id of the tab `page` shows, asked from an extension page while `page` is in front (without
 * the `tabs` permission Firefox does not match tabs by URL).
 */
async function tabIdOf(page: Page, asker: Page): Promise<number> {
  await page.bringToFront();
  return asker.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: unknown): Promise<{ id: number }[]> } } })
      .browser;
    return (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? -1;
  });
}

/** The text of the element `selector` matches, once it matches `pattern`. */
async function textOf(page: Page, selector: string, pattern: RegExp): Promise<string> {
  return waitFor(async () => {
    const text = (await page.$eval(selector, (el) => el.textContent ?? '').catch(() => '')) || '';
    return pattern.test(text) ? text : undefined;
  }, 15_000);
}

describe('a fonial call list in Firefox', () => {
  it('calls the first number, the next on Next, and stops', async () => {
    const crm = await e2e.extension.newPage();
    await crm.goto(e2e.pages.url('crm-contacts.html'));
    await numberPoint(crm, '0221 66966966');
    const tabId = await tabIdOf(crm, e2e.quiet);
    expect(tabId).toBeGreaterThan(0);

    const popup = await e2e.extension.newPage();
    await popup.setViewport({ width: 400, height: 640 });
    await navigate(popup, `${e2e.extension.origin}/popup.html?tab=${tabId}`);
    for (const number of ['+49 221 66966966', '+31 20 123 4567', '+49 30 234567800']) {
      const box = await popup.waitForSelector(`input[aria-label="Add ${number} to the call list"]`, {
        timeout: 15_000,
      });
      // Keyboard, as a user without a mouse would.
      await box?.focus();
      await popup.keyboard.press(' ');
    }
    const start = await popup.waitForSelector('::-p-text(Call selected in turn (3))');
    await start?.focus();
    await popup.keyboard.press('Enter');

    await waitFor(() => e2e.sim.fonial.calls[0]);
    await textOf(popup, '.call-list-status', /^Press Next to call \+31 20 123 4567\.$/);
    expect(e2e.sim.fonial.calls.map((c) => c.target)).toEqual(['+4922166966966']);

    const next = await popup.waitForSelector('button[aria-label="Call +31 20 123 4567 next"]');
    await next?.click({ count: 2 });
    await textOf(popup, '.call-list-status', /^Press Next to call 030 234567800\.$/);
    expect(e2e.sim.fonial.calls.map((c) => c.target)).toEqual(['+4922166966966', '+31201234567']);
    expect(await textOf(popup, '#call-list-progress', /of/)).toBe('2 of 3');

    await (await popup.waitForSelector('button[aria-label="Stop the call list"]'))?.click();
    await textOf(popup, '.call-list-status', /^Call list stopped\.$/);
    expect(e2e.sim.fonial.calls).toHaveLength(2);
    await (await popup.waitForSelector('button[aria-label="Close the call list"]'))?.click();
    await popup.close();
    await crm.close();
  });
});
