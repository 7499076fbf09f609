/**
 * Issue #14 items 1 and 2 in real Chromium: a saved login goes only where it was entered. A second
 * simulator on another port is the attacker's host (another origin). The options form will not
 * test or save a moved account with the old login; a shared settings file that moves the account
 * shows the move and changes nothing until the user confirms; once moved, the account says "sign
 * in again" in the options and the popup, and a real click on a page's number sends nothing to the
 * attacker.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONIAL_TEST_ACCOUNT } from '../sim/providers/fonial';
import { type Simulator, startSimulator } from '../sim/server';
import { type LoadedExtension, launchWithExtension, numberPoint } from '../support/extension';
import { type PageServer, startPageServer } from '../support/static-server';

let sim: Simulator;
let attacker: Simulator;
let pages: PageServer;
let extension: LoadedExtension;

beforeAll(async () => {
  sim = await startSimulator();
  attacker = await startSimulator();
  pages = await startPageServer();
  extension = await launchWithExtension();
});

afterAll(async () => {
  await extension?.close();
  await pages?.close();
  await sim?.close();
  await attacker?.close();
});

async function openOptions(): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.goto(`chrome-extension://${extension.id}/options.html`);
  return page;
}

async function storedSettings(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome;
    return ((await api.runtime.sendMessage({ type: 'get-settings' })) as { value: unknown }).value;
  });
}

const host = (s: Simulator) => new URL(s.origin).host;

describe('a saved login stays with the host it was entered for', () => {
  it('saves an account from the options form, then will not test or save it elsewhere without a new login', async () => {
    const page = await openOptions();
    await page.getByLabel('Provider').selectOption('fonial');
    await page.getByLabel('Name (optional)').fill('Office fonial');
    await page.getByLabel('User name').fill(FONIAL_TEST_ACCOUNT.username);
    await page.getByLabel('Password', { exact: true }).fill(FONIAL_TEST_ACCOUNT.password);
    await page.getByText('Advanced').click();
    await page.getByLabel('API base URL').fill(sim.baseUrl('fonial'));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.account-row', { hasText: 'Office fonial' }).getByText('In use').waitFor();

    await page.getByRole('button', { name: 'Edit Office fonial' }).click();
    await page.getByLabel('API base URL').fill(attacker.baseUrl('fonial'));
    await page.getByText('The saved login is only sent to the address it was saved for.').waitFor();
    await page.getByRole('button', { name: 'Test connection' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Enter the login for the new provider or address').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await alert.getByText('Enter the login for the new provider or address').waitFor();
    expect(attacker.requests).toEqual([]);
    await page.close();
  });

  it('shows what a settings file would move, and changes nothing when the user cancels', async () => {
    const page = await openOptions();
    await page.locator('.account-row').first().waitFor();
    const before = await storedSettings(page);
    const file = await movingFile(page);
    await page.getByLabel('Import settings from a file').setInputFiles(file);
    const preview = page.getByRole('alert').filter({ hasText: 'points accounts at another provider or address' });
    await preview.waitFor();
    expect(await preview.locator('li').allTextContents()).toEqual([
      `Office fonial: fonial ${host(sim)} → fonial ${host(attacker)}`,
    ]);
    expect(await storedSettings(page)).toEqual(before);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('“team-settings.json” was not imported.').waitFor();
    expect(await storedSettings(page)).toEqual(before);
    await page.close();
  });

  it('applies the move only once confirmed; the account then asks to sign in again, and no call reaches the new host', async () => {
    const page = await openOptions();
    await page.locator('.account-row').first().waitFor();
    await page.getByLabel('Import settings from a file').setInputFiles(await movingFile(page));
    await page.getByRole('button', { name: 'Import and move these accounts' }).click();
    const row = page.locator('.account-row', { hasText: 'Office fonial' });
    await row.getByText('Sign in again: the provider or address changed').waitFor();
    expect(await row.textContent()).toContain(attacker.baseUrl('fonial'));

    const crm = await extension.context.newPage();
    await crm.goto(pages.url('crm-contacts.html'));
    const point = await numberPoint(crm, '0221 66966966');
    await crm.mouse.move(point.x, point.y);
    await crm.locator('ringback-ui button').first().click();
    await crm
      .locator('ringback-ui [role=status]')
      .getByText(/sign in again/i)
      .waitFor();

    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.id}/popup.html`);
    await popup.getByText('Sign in again: this account now points to another provider or address').first().waitFor();
    expect(attacker.requests).toEqual([]);
    await popup.close();
    await crm.close();
    await page.close();
  });
});

/** The team's settings file as the current export, with the account moved to the attacker's host. */
async function movingFile(page: Page) {
  const exported = await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome;
    return (
      (await api.runtime.sendMessage({ type: 'export-settings', includeCredentials: false })) as { value: string }
    ).value;
  });
  const file = JSON.parse(exported) as { settings: { accounts: { baseUrl: string }[] } };
  for (const account of file.settings.accounts) account.baseUrl = attacker.baseUrl('fonial');
  return { name: 'team-settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}
