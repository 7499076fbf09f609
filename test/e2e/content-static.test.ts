/**
 * The content script on a static CRM contact table, in real Chromium against the simulator:
 * what is marked and what is left alone, the hover card by pointer and keyboard, tel:/sip: link
 * routing, page scripts that try to click for the user, the selection command, the popup's list
 * of numbers, risky calls left to the popup to confirm, and site rules switched live. One browser
 * for the whole file.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PageConfig, TabMessage } from '../../src/messages';
import { configureAccount, numberPoint, tellTab, waitFor } from '../support/extension';
import { fonialAccount, useFonialE2e } from '../support/fonial-e2e';

const e2e = useFonialE2e();

/** The text of every marked number on the page (or frame). */
function marks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...((CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined) ?? [])].map((r) => r.toString()),
  );
}

let opened = 0;

/** Each test opens the table at its own address, so messages reach exactly its tab. */
async function openTable(): Promise<Page> {
  const page = await e2e.extension.context.newPage();
  await page.goto(`${e2e.pages.url('crm-table.html')}?test=${++opened}`);
  await numberPoint(page, '0221 66966966');
  // Marks mean Ringback runs here, so its click listener is in place before the page's watcher.
  await page.evaluate(() => (window as unknown as { watchLinks: () => void }).watchLinks());
  return page;
}

/** Messages content scripts send to the background, recorded in the service worker. */
async function spyOnMessages(): Promise<Worker> {
  const worker = await e2e.extension.worker();
  await worker.evaluate(() => {
    const g = globalThis as unknown as {
      seen?: unknown[];
      chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => undefined): void } } };
    };
    if (g.seen) {
      g.seen.length = 0;
      return;
    }
    g.seen = [];
    g.chrome.runtime.onMessage.addListener((message) => {
      g.seen?.push(message);
      return undefined;
    });
  });
  return worker;
}

function seen(worker: Worker): Promise<{ type: string; number?: string }[]> {
  return worker.evaluate(() => (globalThis as unknown as { seen: never[] }).seen);
}

const card = (page: Page) => page.locator('ringback-ui .card');
const callButton = (page: Page) => page.locator('ringback-ui button.call');
const status = (page: Page) => page.locator('ringback-ui [role=status]');
const CONFIG: PageConfig = { enabled: true, setUp: true, defaultCountry: 'DE', telLinks: true, sms: false };

describe('a static CRM contact table', () => {
  it('marks every number, one written across inline elements too, and nothing users edit, hide or type', async () => {
    const page = await openTable();
    await waitFor(async () => ((await marks(page)).length >= 5 ? true : undefined));
    expect(await marks(page)).toEqual([
      '0221 66966966',
      '0221 669669-77',
      '+31 20 123 4567',
      '+31 6 12345678',
      '0228 9876543',
    ]);
    // The page's own tree is as it was written: no wrappers, no split text nodes.
    expect(await page.evaluate(() => document.getElementById('bernd')?.childNodes.length)).toBe(5);
    expect(await page.locator('body *:not(script, style)').evaluateAll((els) => els.length)).toBe(
      await page.evaluate(async () => {
        const html = await (await fetch(location.href)).text();
        const fresh = new DOMParser().parseFromString(html, 'text/html');
        return fresh.querySelectorAll('body *:not(script, style)').length;
      }),
    );
    await page.close();
  });

  it('shows a labelled Call button on hover that follows scrolling and goes when the pointer leaves', async () => {
    const page = await openTable();
    const point = await numberPoint(page, '0221 669669-77');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => callButton(page).isVisible()).toBe(true);
    expect(await callButton(page).getAttribute('aria-label')).toBe('Call +49 221 66966977 with Ringback');
    expect(await page.locator('ringback-ui button').count()).toBe(1);

    const before = await card(page).boundingBox();
    await page.evaluate(() => {
      document.body.style.height = '3000px';
      window.scrollBy(0, 40);
    });
    await expect.poll(async () => (await card(page).boundingBox())?.y).toBeCloseTo((before?.y ?? 0) - 40, 0);

    await page.mouse.move(5, 700);
    await expect.poll(() => card(page).isVisible()).toBe(false);
    await page.close();
  });

  it('offers SMS next to Call when the provider can send one, and opens the composer on a click', async () => {
    const page = await openTable();
    const worker = await spyOnMessages();
    await tellTab(await e2e.extension.worker(), page.url(), {
      type: 'config-changed',
      config: { ...CONFIG, sms: true },
    });
    const point = await numberPoint(page, '+31 6 12345678');
    await page.mouse.move(point.x, point.y);
    const sms = page.locator('ringback-ui button.sms');
    await expect.poll(() => sms.isVisible()).toBe(true);
    expect(await sms.getAttribute('aria-label')).toBe('Send an SMS to +31 6 12345678 with Ringback');
    await sms.click();
    await expect
      .poll(async () => (await seen(worker)).filter((m) => m.type === 'compose-sms'))
      .toEqual([{ type: 'compose-sms', number: '+31612345678' }]);
    expect(e2e.sim.fonial.calls).toHaveLength(0);
    await page.close();
  });

  it('is reachable by keyboard: focus on a link with a number, Tab into the card, Enter calls', async () => {
    const page = await openTable();
    await page.focus('#lena-link');
    await expect.poll(() => callButton(page).isVisible()).toBe(true);
    expect(await callButton(page).getAttribute('aria-label')).toBe('Call +49 228 9876543 with Ringback');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('ringback-ui')?.shadowRoot?.activeElement?.className)).toBe(
      'call',
    );
    await page.keyboard.press('Enter');
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls).toEqual([expect.objectContaining({ target: '+492289876543' })]);
    await expect.poll(() => status(page).textContent()).toMatch(/ringing/i);
    // Escape hands focus back to the page where the user was.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lena-link');
    await page.close();
  });

  it('routes tel: and sip: links to Ringback with the number normalised, and leaves other links alone', async () => {
    const page = await openTable();
    await page.click('#tel-link');
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls[0]).toMatchObject({ target: '+4930234567800' });
    await expect.poll(() => status(page).textContent()).toMatch(/ringing/i);

    // The card with the outcome sits over the next row; Escape puts it away.
    await page.keyboard.press('Escape');
    await page.click('#sip-link');
    await waitFor(() => e2e.sim.fonial.calls[1]);
    expect(e2e.sim.fonial.calls[1]).toMatchObject({ target: '+4940123456789' });

    await page.keyboard.press('Escape');
    await page.click('#sip-person');
    await page.waitForTimeout(300);
    expect(e2e.sim.fonial.calls).toHaveLength(2);
    expect(await page.evaluate(() => (window as unknown as { linkClicks: unknown[] }).linkClicks)).toEqual([
      { id: 'tel-link', trusted: true, prevented: true },
      { id: 'sip-link', trusted: true, prevented: true },
      { id: 'sip-person', trusted: true, prevented: false },
    ]);
    await page.close();
  });

  it('hands tel: links to the operating system when that setting is off', async () => {
    const page = await openTable();
    await tellTab(await e2e.extension.worker(), page.url(), {
      type: 'config-changed',
      config: { ...CONFIG, telLinks: false },
    });
    await page.click('#tel-link');
    await page.waitForTimeout(300);
    expect(e2e.sim.fonial.calls).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { linkClicks: unknown[] }).linkClicks)).toEqual([
      { id: 'tel-link', trusted: true, prevented: false },
    ]);
    await page.close();
  });

  it('ignores clicks a page script makes on the card and on tel: links', async () => {
    const page = await openTable();
    const worker = await spyOnMessages();
    const point = await numberPoint(page, '0221 66966966');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => callButton(page).isVisible()).toBe(true);
    await page.evaluate(() => (window as unknown as { pageScriptClicks: () => void }).pageScriptClicks());
    await page.waitForTimeout(500);
    expect((await seen(worker)).filter((m) => m.type === 'call')).toEqual([]);
    expect(e2e.sim.fonial.calls).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { linkClicks: unknown[] }).linkClicks)).toEqual([
      { id: 'tel-link', trusted: false, prevented: false },
    ]);
    await page.close();
  });

  it('calls the selected text on the keyboard command and texts it from the menu', async () => {
    const page = await openTable();
    const worker = await spyOnMessages();
    await page.evaluate(() => {
      const cell = document.getElementById('jan') as HTMLElement;
      getSelection()?.selectAllChildren(cell);
    });
    await tellTab(await e2e.extension.worker(), page.url(), { type: 'selection-action', action: 'call' });
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls[0]).toMatchObject({ target: '+31201234567' });
    await expect.poll(() => status(page).textContent()).toMatch(/ringing/i);

    await tellTab(await e2e.extension.worker(), page.url(), { type: 'selection-action', action: 'sms' });
    await expect
      .poll(async () => (await seen(worker)).filter((m) => m.type !== 'page-config' && m.type !== 'where-when'))
      .toEqual([
        expect.objectContaining({ type: 'call', number: '+31 20 123 4567' }),
        { type: 'compose-sms', number: '+31 20 123 4567' },
      ]);
    await page.close();
  });

  it('tells the popup which numbers the page shows, once each, in reading order', async () => {
    const page = await openTable();
    await waitFor(async () => ((await marks(page)).length >= 5 ? true : undefined));
    const list = (await tellTab(await e2e.extension.worker(), page.url(), { type: 'list-numbers' })) as {
      e164: string;
      text: string;
    }[];
    expect(list.map((n) => n.e164)).toEqual([
      '+4922166966966',
      '+4922166966977',
      '+31201234567',
      '+31612345678',
      '+492289876543',
    ]);
    expect(list[1]?.text).toBe('0221 669669-77');
    await page.close();
  });

  it('leaves a risky call to the popup: the card says why and where to confirm, and cannot confirm it', async () => {
    await configureAccount(
      e2e.extension,
      fonialAccount(e2e.sim, { defaultCountry: 'DE', confirmCalls: 'international' }),
    );
    try {
      const page = await openTable();
      const worker = await spyOnMessages();
      const waiting =
        'This number is in another country: international rates may apply. ' +
        'Please confirm this call in the Ringback popup.';
      const point = await numberPoint(page, '+31 20 123 4567');
      await page.mouse.move(point.x, point.y);
      await callButton(page).click();
      await expect.poll(() => status(page).textContent()).toBe(waiting);
      // Only the card's usual buttons: nothing on the page places the call without the popup.
      const buttons = page.locator('ringback-ui button');
      expect(await buttons.evaluateAll((all) => all.map((b) => b.className))).toEqual(['call']);

      // A page script clicking every button (and the tel: link) asks nothing more.
      await page.evaluate(() => (window as unknown as { pageScriptClicks: () => void }).pageScriptClicks());
      await page.waitForTimeout(300);
      const calls = async () => (await seen(worker)).filter((m) => m.type === 'call');
      expect(await calls()).toEqual([expect.objectContaining({ number: '+31201234567' })]);

      // Call again only asks again; no request ever claims the user confirmed.
      await callButton(page).click();
      await expect.poll(async () => (await calls()).length).toBe(2);
      for (const message of await calls()) expect(message).not.toHaveProperty('confirmed');
      await expect.poll(() => status(page).textContent()).toBe(waiting);
      expect(e2e.sim.fonial.calls).toHaveLength(0);
      expect(e2e.sim.received('fonial', '/call/initiate')).toHaveLength(0);
      await page.close();
    } finally {
      await configureAccount(e2e.extension, fonialAccount(e2e.sim));
    }
  });

  it('follows site rules live: off removes every mark and the host element, on marks the page again', async () => {
    const page = await openTable();
    const point = await numberPoint(page, '0221 66966966');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => callButton(page).isVisible()).toBe(true);

    await tellTab(await e2e.extension.worker(), page.url(), {
      type: 'config-changed',
      config: { ...CONFIG, enabled: false },
    });
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('ringback-ui').length)).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.has('ringback-number'))).toBe(false);
    await page.mouse.move(point.x + 1, point.y);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelectorAll('ringback-ui').length)).toBe(0);

    await tellTab(await e2e.extension.worker(), page.url(), { type: 'config-changed', config: CONFIG });
    await numberPoint(page, '0221 66966966');
    expect(await marks(page)).toHaveLength(5);
    await page.close();
  });
});
