/**
 * The first minute in real Chromium: installing opens the welcome tab; before any account exists the
 * numbers on a page are still marked and the card offers "Set up Ringback", whose button opens the
 * welcome; there the user picks the provider, signs in, tests, saves and picks the phone that rings,
 * and the same card now calls.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONIAL_TEST_ACCOUNT } from '../sim/providers/fonial';
import { type LoadedExtension, launchWithExtension, numberPoint, waitFor, welcomePage } from '../support/extension';
import { type PageServer, startPageServer } from '../support/static-server';
import { useSimulator } from '../support/use-simulator';

const OUTPUT = join(import.meta.dirname, '..', 'output');
const sim = useSimulator();
let pages: PageServer;
let extension: LoadedExtension;
let installWelcome: Page;

beforeAll(async () => {
  pages = await startPageServer();
  extension = await launchWithExtension({ keepWelcome: true });
  installWelcome = await welcomePage(extension.context, extension.id);
});

afterAll(async () => {
  await extension?.close();
  await pages?.close();
});

const WELCOME_URL = () => `chrome-extension://${extension.id}/options.html#welcome`;

async function hoverNumber(page: Page, text: string): Promise<void> {
  const point = await numberPoint(page, text);
  await page.mouse.move(point.x, point.y);
}

describe('the first minute', () => {
  it('opens the welcome in a tab on install, in the user’s language', async () => {
    await installWelcome.getByRole('heading', { name: 'Welcome to Ringback' }).waitFor();
    const steps = await installWelcome.locator('ol.steps li').allTextContents();
    expect(steps).toEqual([
      'Pick your provider.',
      'Sign in with the login your provider gave you.',
      'Click Test connection, then Save.',
      'Pick the phone that rings.',
    ]);
    // The account form is the ordinary one, open at once.
    expect(await installWelcome.getByLabel('Provider').isVisible()).toBe(true);
    await mkdir(OUTPUT, { recursive: true });
    await installWelcome.setViewportSize({ width: 900, height: 680 });
    await installWelcome.screenshot({ path: join(OUTPUT, 'welcome.png'), fullPage: true });
    await installWelcome.close();
  });

  it('marks numbers before any account exists; the card offers set-up, and its button opens the welcome', async () => {
    const page = await extension.context.newPage();
    await page.goto(pages.url('crm-contacts.html'));
    // Without an account the browser's language decides the home country (en-US here): the
    // international number is the one that is certainly marked.
    await hoverNumber(page, '+31 20 123 4567');
    const setUp = page.locator('ringback-ui button.setup');
    await expect.poll(() => setUp.isVisible()).toBe(true);
    expect(await setUp.textContent()).toBe('Set up Ringback');
    expect(await page.locator('ringback-ui .setup-hint').textContent()).toBe('Set up Ringback to call this number');
    expect(await page.locator('ringback-ui button.call').count()).toBe(0);

    const opened = extension.context.waitForEvent('page');
    await setUp.click();
    const welcome = await opened;
    await waitFor(() => (welcome.url() === WELCOME_URL() ? true : undefined));
    await welcome.getByRole('heading', { name: 'Welcome to Ringback' }).waitFor();
    expect(sim.received('fonial', '/call/initiate')).toEqual([]);
    await welcome.close();
    await page.close();
  });

  it('sets up an account on the welcome screen, and the card then calls through it', async () => {
    const crm = await extension.context.newPage();
    await crm.goto(pages.url('crm-contacts.html'));
    await numberPoint(crm, '+31 20 123 4567');

    const welcome = await extension.context.newPage();
    await welcome.setViewportSize({ width: 900, height: 900 });
    await welcome.goto(WELCOME_URL());
    await welcome.getByLabel('Provider').selectOption('fonial');
    await welcome.getByLabel('User name').fill(FONIAL_TEST_ACCOUNT.username);
    await welcome.getByLabel('Password').fill(FONIAL_TEST_ACCOUNT.password);
    await welcome.getByText('Advanced').click();
    await welcome.getByLabel('API base URL').fill(sim.baseUrl('fonial'));
    await welcome.getByRole('button', { name: 'Test connection' }).click();
    await welcome.getByRole('status').filter({ hasText: 'The connection works' }).waitFor();
    await welcome.getByRole('button', { name: 'Save' }).click();

    const phone = welcome.getByLabel('Phone that rings');
    await phone.waitFor();
    await phone.selectOption('674');
    await welcome.getByText('Ringback is ready.', { exact: false }).waitFor();

    // The page heard about the new account (and fonial's home country, Germany, for numbers written
    // nationally): its card now calls, from phone 674.
    await crm.bringToFront();
    await hoverNumber(crm, '0221 66966966');
    const call = crm.locator('ringback-ui button.call');
    await expect.poll(() => call.isVisible()).toBe(true);
    await call.click();
    const placed = await waitFor(() => sim.fonial.calls[0]);
    expect(placed).toMatchObject({ device: 674, target: '+4922166966966' });
    await welcome.close();
    await crm.close();
  });
});
