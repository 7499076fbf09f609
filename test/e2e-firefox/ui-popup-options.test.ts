/**
 * The options and popup pages in real Firefox ESR against the simulator, each opened as a tab,
 * with the assertions of the Chromium test (e2e/ui-popup-options): connect a sipgate account in
 * the options (Test connection lists its phones, then Save), then the popup lists the phones,
 * switches the one that rings, calls from the dial box by keyboard, hangs up, and redials a recent
 * call.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { SIPGATE_TEST_ACCOUNT } from '../sim/providers/sipgate';
import { waitFor } from '../support/extension';
import { ask, numberPoint } from '../support/firefox';
import { useFirefoxE2e } from '../support/firefox-e2e';

const e2e = useFirefoxE2e({ account: false });
const CRM_PAGE = 'crm-contacts.html';
let crmTabId: number;

/** The form control a visible label names (`<label for>`), as a user finds it. */
async function field(page: Page, label: string): Promise<ElementHandle<HTMLElement>> {
  const handle = await page.waitForFunction(
    (text: string) => {
      const found = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
      return (found?.control as HTMLElement | null | undefined) ?? undefined;
    },
    { polling: 50, timeout: 10_000 },
    label,
  );
  return handle as ElementHandle<HTMLElement>;
}

/** The element matching `selector` whose text matches `text` (a button by its name, a status). */
async function withText(page: Page, selector: string, text: RegExp | string): Promise<ElementHandle<HTMLElement>> {
  const pattern = typeof text === 'string' ? `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : text.source;
  const flags = typeof text === 'string' ? '' : text.flags;
  const handle = await page.waitForFunction(
    (css: string, source: string, f: string) =>
      [...document.querySelectorAll<HTMLElement>(css)].find((el) =>
        new RegExp(source, f).test(el.textContent?.trim() ?? ''),
      ),
    { polling: 50, timeout: 15_000 },
    selector,
    pattern,
    flags,
  );
  return handle as ElementHandle<HTMLElement>;
}

function textOf(handle: ElementHandle<HTMLElement>): Promise<string> {
  return handle.evaluate((el) => el.textContent ?? '');
}

/** What the background holds, asked as the options page asks. */
async function storedAccounts(page: Page): Promise<{ label: string; deviceId: string }[]> {
  const reply = await ask<{ settings: { accounts: { label: string; deviceId: string }[] } }>(page, {
    type: 'get-settings',
  });
  if (!reply.ok) throw new Error(reply.reason);
  return reply.value.settings.accounts;
}

/** The popup as a page, acting on the CRM tab (a real popup would act on the active tab). */
async function openPopup(): Promise<Page> {
  const popup = await e2e.extension.openExtensionPage(`/popup.html?tab=${crmTabId}`);
  await popup.setViewport({ width: 400, height: 600 });
  // The phones are listed once the popup has heard from the provider.
  await popup.waitForFunction(
    () => {
      const select = document.getElementById('dial-input') && document.querySelector('select');
      return select && !select.disabled && select.options.length > 1;
    },
    { polling: 50, timeout: 15_000 },
  );
  return popup;
}

describe('the options and popup pages in Firefox', () => {
  it('connects a sipgate account from the options page: Test connection lists its phones, then Save', async () => {
    const page = await e2e.extension.openExtensionPage('/options.html');
    await page.setViewport({ width: 900, height: 900 });
    // No account yet: the form is open at once.
    await (await field(page, 'Provider')).select('sipgate');
    await (await field(page, 'Name (optional)')).type('Office sipgate');
    await (await field(page, 'Token ID')).type(SIPGATE_TEST_ACCOUNT.tokenId);
    await (await field(page, 'Personal access token')).type(SIPGATE_TEST_ACCOUNT.token);
    await (await withText(page, 'summary', 'Advanced')).click();
    await (await field(page, 'API base URL')).type(e2e.sim.baseUrl('sipgate'));

    await (await withText(page, 'button', 'Test connection')).click();
    const status = await withText(page, '[role=status]', /The connection works/);
    expect(await textOf(status)).toContain('VoIP-Telefon Schreibtisch');

    await (await withText(page, 'button', 'Save')).click();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.account-row')].some(
          (row) => row.textContent?.includes('Office sipgate') && row.textContent.includes('In use'),
        ),
      { polling: 50, timeout: 10_000 },
    );
    expect((await storedAccounts(page)).map((a) => a.label)).toEqual(['Office sipgate']);
    await page.close();
  });

  it('lists the phones, switches the one that rings, and the next call from the dial box rings it', async () => {
    const crm = await e2e.extension.newPage();
    await crm.goto(e2e.pages.url(CRM_PAGE));
    await numberPoint(crm, '0221 66966966');
    // Firefox's tabs.query({ url }) takes a match pattern, which has no port: look the tab up by URL.
    crmTabId = await e2e.quiet.evaluate(async (url) => {
      const api = (
        globalThis as unknown as { browser: { tabs: { query(q: unknown): Promise<{ id: number; url?: string }[]> } } }
      ).browser;
      return (await api.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1;
    }, e2e.pages.url(CRM_PAGE));

    const popup = await openPopup();
    const device = await field(popup, 'Phone that rings');
    const phones = await device.evaluate((select) => [...(select as HTMLSelectElement).options].map((o) => o.value));
    expect(phones).toEqual(expect.arrayContaining(SIPGATE_TEST_ACCOUNT.devices.map((d) => d.id)));
    await device.select('x0');
    await waitFor(async () => ((await storedAccounts(popup))[0]?.deviceId === 'x0' ? true : undefined));

    // The choice persists: a popup opened later shows it.
    await popup.close();
    const again = await openPopup();
    expect(await (await field(again, 'Phone that rings')).evaluate((s) => (s as HTMLSelectElement).value)).toBe('x0');

    // Keyboard only: the dial box has the focus when the popup opens; type, check, Enter.
    expect(await again.evaluate(() => document.activeElement?.id)).toBe('dial-input');
    await again.keyboard.type('0221 669669-66');
    expect(await again.$eval('#dial-preview', (el) => el.textContent)).toContain('+49 221 66966966');
    await again.keyboard.press('Enter');

    const placed = await waitFor(() => e2e.sim.sipgate.calls[0]);
    expect(placed).toMatchObject({ deviceId: 'x0', callee: '+4922166966966' });
    await withText(again, '.status *', /ringing/i);
    // The numbers on the CRM page are listed, each callable.
    await withText(again, 'h2', /On this page/);

    // The ringing call can be ended from the status line, by keyboard like everything else.
    const hangUp = await again.waitForSelector('::-p-aria(Hang up 0221 66966966)', { timeout: 10_000 });
    await hangUp?.focus();
    await again.keyboard.press('Enter');
    await waitFor(() => (placed.status === 'ended' ? true : undefined));
    await withText(again, '.status *', /call ended/i);
    expect(await again.$('::-p-aria(Hang up 0221 66966966)')).toBeNull();
    await again.close();
  });

  it('shows the recent call and redials it in one click, from the page it was first called from', async () => {
    const popup = await openPopup();
    const recent = await popup.waitForSelector('section[aria-labelledby=recent-heading] li', { timeout: 10_000 });
    if (!recent) throw new Error('no recent calls');
    // A number in the user's own country reads as it is dialled there.
    expect(await recent.evaluate((el) => el.textContent)).toContain('0221 66966966');
    expect(await recent.evaluate((el) => el.textContent)).toContain('Müller Maschinenbau');
    await (await recent.waitForSelector('::-p-aria(Call 0221 66966966)'))?.click();
    // The simulator was reset after the last test: this call is the only one it has seen.
    await waitFor(() => (e2e.sim.sipgate.calls.length === 1 ? true : undefined));
    expect(e2e.sim.sipgate.calls).toEqual([expect.objectContaining({ deviceId: 'x0', callee: '+4922166966966' })]);
    await popup.close();
  });
});
