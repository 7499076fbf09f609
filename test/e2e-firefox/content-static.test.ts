/**
 * The content script on static CRM pages, in real Firefox ESR against the simulator, with the
 * assertions of the Chromium tests (e2e/first-call, e2e/content-static): what is marked and that
 * the page's tree is left as written, a trusted click on the card placing the call, a page script's
 * click placing none, a risky call left to the popup (which Firefox opens from the background), and
 * tel:/sip: links routed to Ringback. One browser for the whole file.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/messages';
import { waitFor } from '../support/extension';
import {
  ask,
  CARD_CALL,
  cardStatus,
  configureAccount,
  hoverNumber,
  marks,
  numberPoint,
  seen,
  spyOnMessages,
} from '../support/firefox';
import { useFirefoxE2e } from '../support/firefox-e2e';
import { fonialAccount } from '../support/fonial-e2e';

const e2e = useFirefoxE2e();

let opened = 0;

/** Each test opens the table at its own address, with the page's link watcher after Ringback's. */
async function openTable(): Promise<Page> {
  const page = await e2e.extension.newPage();
  await page.goto(`${e2e.pages.url('crm-table.html')}?test=${++opened}`);
  await numberPoint(page, '0221 66966966');
  await page.evaluate(() => (window as unknown as { watchLinks: () => void }).watchLinks());
  return page;
}

/** The text of the toolbar popup while it is open (Firefox lists it among the add-on's views). */
function popupText(): Promise<string> {
  return e2e.quiet.evaluate(() => {
    const api = (globalThis as unknown as { browser: { extension: { getViews(f: object): Window[] } } }).browser;
    return api.extension.getViews({ type: 'popup' })[0]?.document.body.innerText ?? '';
  });
}

function closePopup(): Promise<void> {
  return e2e.quiet.evaluate(() => {
    const api = (globalThis as unknown as { browser: { extension: { getViews(f: object): Window[] } } }).browser;
    for (const view of api.extension.getViews({ type: 'popup' })) view.close();
  });
}

function linkClicks(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { linkClicks: unknown[] }).linkClicks);
}

describe('static CRM pages in Firefox', () => {
  it('marks every number, one written across inline elements too, and leaves the page’s tree as written', async () => {
    const page = await openTable();
    await waitFor(async () => ((await marks(page)).length >= 5 ? true : undefined));
    expect(await marks(page)).toEqual([
      '0221 66966966',
      '0221 669669-77',
      '+31 20 123 4567',
      '+31 6 12345678',
      '0228 9876543',
    ]);
    expect(await page.evaluate(() => document.getElementById('bernd')?.childNodes.length)).toBe(5);
    expect(await page.$$eval('body *:not(script, style)', (els) => els.length)).toBe(
      await page.evaluate(async () => {
        const html = await (await fetch(location.href)).text();
        const fresh = new DOMParser().parseFromString(html, 'text/html');
        return fresh.querySelectorAll('body *:not(script, style)').length;
      }),
    );
    await page.close();
  });

  it('calls the hovered number from the selected device when the user clicks', async () => {
    const page = await e2e.extension.newPage();
    await page.goto(e2e.pages.url('crm-contacts.html'));
    await hoverNumber(page, '0221 66966966');
    const button = await page.waitForSelector(CARD_CALL, { visible: true });
    expect(await button?.evaluate((b) => b.getAttribute('aria-label'))).toContain('+49 221 66966966');
    await button?.click();

    const placed = await waitFor(() =>
      e2e.sim.received('fonial', '/call/initiate').find((r) => r.answeredStatus === 200),
    );
    expect(placed.json).toMatchObject({ device: 674, target: '+4922166966966' });
    await cardStatus(page, /ringing/i);
    expect(e2e.sim.fonial.calls).toEqual([expect.objectContaining({ device: 674, target: '+4922166966966' })]);

    // History knows which CRM record the call was started from (the tab's title and host).
    const history = await ask<readonly HistoryEntry[]>(e2e.quiet, { type: 'history' });
    expect(history.ok && history.value[0]).toMatchObject({
      number: '+4922166966966',
      outcome: 'ringing',
      origin: { title: 'Kontakt: Müller Maschinenbau GmbH – CRM', host: '127.0.0.1' },
    });
    await page.close();
  });

  it('ignores clicks a page script makes on the card and on tel: links; the user’s own click still calls', async () => {
    const page = await openTable();
    await spyOnMessages(e2e.quiet);
    await hoverNumber(page, '0221 66966966');
    await page.evaluate(() => (window as unknown as { pageScriptClicks: () => void }).pageScriptClicks());
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await seen(e2e.quiet)).filter((m) => m.type === 'call')).toEqual([]);
    expect(e2e.sim.fonial.calls).toHaveLength(0);
    expect(await linkClicks(page)).toEqual([{ id: 'tel-link', trusted: false, prevented: false }]);

    // The same button still works for the user: only the page's clicks were refused.
    await (await page.$(CARD_CALL))?.click();
    await waitFor(() => e2e.sim.fonial.calls.length === 1 || undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(e2e.sim.fonial.calls).toHaveLength(1);
    // The spy hears content-script messages: the user's click is the one call request it saw.
    expect((await seen(e2e.quiet)).filter((m) => m.type === 'call')).toHaveLength(1);
    await page.close();
  });

  it('leaves a risky call to the popup: the card says why and where, Firefox opens the popup, the page cannot confirm', async () => {
    await configureAccount(e2e.quiet, fonialAccount(e2e.sim, { defaultCountry: 'DE', confirmCalls: 'international' }));
    try {
      const page = await openTable();
      await spyOnMessages(e2e.quiet);
      const waiting =
        'This number is in another country: international rates may apply. ' +
        'Please confirm this call in the Ringback popup.';
      await hoverNumber(page, '+31 20 123 4567');
      await (await page.$(CARD_CALL))?.click();
      expect(await cardStatus(page, /confirm/)).toBe(waiting);
      // action.openPopup works from the background in Firefox: the popup is open and asks.
      await waitFor(async () => ((await popupText()).includes('Call +31 20 123 4567?') ? true : undefined));
      // Only the card's usual buttons: nothing on the page places the call without the popup.
      expect(await page.$$eval('ringback-ui >>> button', (all) => all.map((b) => b.className))).toEqual(['call']);

      // A page script clicking every button (and the tel: link) asks nothing more.
      await page.evaluate(() => (window as unknown as { pageScriptClicks: () => void }).pageScriptClicks());
      await new Promise((r) => setTimeout(r, 300));
      const calls = async () => (await seen(e2e.quiet)).filter((m) => m.type === 'call');
      expect(await calls()).toEqual([expect.objectContaining({ number: '+31201234567' })]);

      // Call again only asks again; no request ever claims the user confirmed.
      await (await page.$(CARD_CALL))?.click();
      await expect.poll(async () => (await calls()).length).toBe(2);
      for (const message of await calls()) expect(message).not.toHaveProperty('confirmed');
      expect(await cardStatus(page, /confirm/)).toBe(waiting);
      expect(e2e.sim.fonial.calls).toHaveLength(0);
      expect(e2e.sim.received('fonial', '/call/initiate')).toHaveLength(0);
      await page.close();
    } finally {
      await closePopup();
      await configureAccount(e2e.quiet, fonialAccount(e2e.sim));
    }
  });

  it('routes tel: and sip: links to Ringback with the number normalised, and leaves other links alone', async () => {
    const page = await openTable();
    await page.click('#tel-link');
    await waitFor(() => e2e.sim.fonial.calls[0]);
    expect(e2e.sim.fonial.calls[0]).toMatchObject({ target: '+4930234567800' });
    await cardStatus(page, /ringing/i);

    await page.keyboard.press('Escape');
    await page.click('#sip-link');
    await waitFor(() => e2e.sim.fonial.calls[1]);
    expect(e2e.sim.fonial.calls[1]).toMatchObject({ target: '+4940123456789' });

    await page.keyboard.press('Escape');
    await page.click('#sip-person');
    await new Promise((r) => setTimeout(r, 300));
    expect(e2e.sim.fonial.calls).toHaveLength(2);
    expect(await linkClicks(page)).toEqual([
      { id: 'tel-link', trusted: true, prevented: true },
      { id: 'sip-link', trusted: true, prevented: true },
      { id: 'sip-person', trusted: true, prevented: false },
    ]);
    await page.close();
  });
});
