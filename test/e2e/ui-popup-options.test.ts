/**
 * The popup and options pages in real Chromium against the simulator, as one new user's first
 * minutes: connect a sipgate account in the options, switch the phone that rings and call from the
 * popup (the simulator sees the new device), hang up, redial from history, send an SMS, and try to
 * import a broken settings file. Screenshots of both pages, light and dark, go to test/output/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIPGATE_TEST_ACCOUNT } from '../sim/providers/sipgate';
import { type Simulator, startSimulator } from '../sim/server';
import { type LoadedExtension, launchWithExtension, numberPoint, waitFor } from '../support/extension';
import { type PageServer, startPageServer } from '../support/static-server';

const OUTPUT = join(import.meta.dirname, '..', 'output');
const CRM_PAGE = 'crm-contacts.html';

let sim: Simulator;
let pages: PageServer;
let extension: LoadedExtension;
let crmTabId: number;

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
  sim = await startSimulator();
  pages = await startPageServer();
  extension = await launchWithExtension();
});

afterAll(async () => {
  await extension?.close();
  await pages?.close();
  await sim?.close();
});

async function openOptions(): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`chrome-extension://${extension.id}/options.html`);
  return page;
}

/** The popup as a page, acting on the CRM tab (a real popup would act on the active tab). */
async function openPopup(): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${extension.id}/popup.html?tab=${crmTabId}`);
  await page.getByText('Connected', { exact: true }).waitFor();
  return page;
}

/** What the background holds, asked as the options page asks. */
async function storedSettings(page: Page) {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome;
    const reply = (await api.runtime.sendMessage({ type: 'get-settings' })) as {
      value: { settings: Record<string, unknown> & { accounts: { deviceId: string }[] } };
    };
    return reply.value.settings;
  });
}

async function screenshots(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: join(OUTPUT, `${name}-light.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(OUTPUT, `${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('a new user with the popup and options', () => {
  it('connects a sipgate account from the options page: test, then save', async () => {
    const page = await openOptions();
    // No account yet: the form is open at once.
    await page.getByLabel('Provider').selectOption('sipgate');
    await page.getByLabel('Name (optional)').fill('Office sipgate');
    await page.getByLabel('Token ID').fill(SIPGATE_TEST_ACCOUNT.tokenId);
    await page.getByLabel('Personal access token').fill(SIPGATE_TEST_ACCOUNT.token);
    await page.getByText('Advanced').click();
    await page.getByLabel('API base URL').fill(sim.baseUrl('sipgate'));

    await page.getByRole('button', { name: 'Test connection' }).click();
    const status = page.getByRole('status').filter({ hasText: 'The connection works' });
    await status.waitFor();
    expect(await status.textContent()).toContain('VoIP-Telefon Schreibtisch');
    await screenshots(page, 'options-new-account');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.account-row', { hasText: 'Office sipgate' }).getByText('In use').waitFor();
    await screenshots(page, 'options');
    await page.close();
  });

  it('switches the phone that rings, and the next call from the dial box rings it', async () => {
    const crm = await extension.context.newPage();
    await crm.goto(pages.url(CRM_PAGE));
    await numberPoint(crm, '0221 66966966');
    const worker = await extension.worker();
    crmTabId = await worker.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<{ id: number }[]> } } })
        .chrome;
      return (await api.tabs.query({ url }))[0]?.id ?? -1;
    }, pages.url(CRM_PAGE));

    const popup = await openPopup();
    const device = popup.getByLabel('Phone that rings');
    await expect.poll(() => device.isEnabled()).toBe(true);
    await device.selectOption('x0');
    await waitFor(async () => ((await storedSettings(popup)).accounts[0]?.deviceId === 'x0' ? true : undefined));

    // The choice persists: a popup opened later shows it.
    await popup.reload();
    await popup.getByText('Connected', { exact: true }).waitFor();
    expect(await popup.getByLabel('Phone that rings').inputValue()).toBe('x0');

    // Keyboard only: the dial box has the focus when the popup opens; type, check, Enter.
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('dial-input');
    await popup.keyboard.type('0221 669669-66');
    expect(await popup.locator('#dial-preview').textContent()).toContain('+49 221 66966966');
    await popup.keyboard.press('Enter');

    const call = await waitFor(() => sim.sipgate.calls[0]);
    expect(call).toMatchObject({ deviceId: 'x0', callee: '+4922166966966' });
    await popup
      .locator('.status')
      .getByText(/ringing/i)
      .waitFor();
    // The numbers on the CRM page are listed, each callable.
    await popup.getByRole('heading', { name: /On this page/ }).waitFor();
    await screenshots(popup, 'popup');

    // The ringing call can be ended from the status line, by keyboard like everything else.
    const hangUp = popup.getByRole('button', { name: 'Hang up 0221 66966966' });
    await hangUp.focus();
    await popup.keyboard.press('Enter');
    await waitFor(() => (call.status === 'ended' ? true : undefined));
    await popup
      .locator('.status')
      .getByText(/call ended/i)
      .waitFor();
    expect(await hangUp.count()).toBe(0);
    await popup.close();
  });

  it('redials a recent call in one click, from the page it was first called from', async () => {
    const popup = await openPopup();
    const recent = popup.locator('section[aria-labelledby=recent-heading] li').first();
    await recent.waitFor();
    // A number in the user's own country reads as it is dialled there.
    expect(await recent.textContent()).toContain('0221 66966966');
    expect(await recent.textContent()).toContain('Müller Maschinenbau');
    await recent.getByRole('button', { name: 'Call 0221 66966966' }).click();
    await waitFor(() => (sim.sipgate.calls.length === 2 ? true : undefined));
    expect(sim.sipgate.calls[1]).toMatchObject({ deviceId: 'x0', callee: '+4922166966966' });
    await popup.close();
  });

  it('sends an SMS with a live segment count', async () => {
    const popup = await openPopup();
    await popup.getByRole('button', { name: 'SMS', exact: true }).first().click();
    await popup.getByLabel('To', { exact: true }).fill('0157 99912345');
    await popup.getByLabel('Message').fill('Guten Tag, wir rufen gleich zurück. 10 € Rabatt!');
    expect(await popup.locator('#sms-counter').textContent()).toContain('1 SMS · GSM-7, 160 per SMS');
    await screenshots(popup, 'popup-sms');
    await popup.getByRole('button', { name: 'Send SMS' }).click();
    await popup.getByText(/^SMS sent to \+49 1579 9912345\.$/).waitFor();
    expect(sim.sipgate.sms).toEqual([
      expect.objectContaining({
        smsId: 's0',
        recipient: '+4915799912345',
        message: 'Guten Tag, wir rufen gleich zurück. 10 € Rabatt!',
      }),
    ]);
    await popup.close();
  });

  it('refuses a broken settings file with a clear error, changing nothing', async () => {
    const page = await openOptions();
    await page.locator('.account-row').first().waitFor();
    const before = await storedSettings(page);
    await page.getByLabel('Import settings from a file').setInputFiles({
      name: 'ringback-settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 1, "accounts": [ this is not json'),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('“ringback-settings.json” could not be imported.');
    expect(await alert.textContent()).toContain('Nothing was changed.');
    expect(await storedSettings(page)).toEqual(before);
    await page.close();
  });
});
