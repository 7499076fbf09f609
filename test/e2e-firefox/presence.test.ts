/**
 * Availability from the popup in real Firefox ESR against the simulator, with the assertions of the
 * Chromium test (e2e/presence): the popup opened as a page reads the provider's state, a click
 * switches it in the simulator and the popup shows what the provider reports afterwards, a refused
 * switch shows the reason and keeps the provider's state, and the toolbar badge shows DND.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FONEMA_TEST_ACCOUNT } from '../sim/providers/fonema';
import { SIPGATE_TEST_ACCOUNT } from '../sim/providers/sipgate';
import { waitFor } from '../support/extension';
import { configureAccount } from '../support/firefox';
import { useFirefoxE2e } from '../support/firefox-e2e';

const e2e = useFirefoxE2e();
const DND_BADGE = '⊘';

async function openPopup(): Promise<Page> {
  const page = await e2e.extension.openExtensionPage('/popup.html');
  await page.waitForSelector('fieldset.presence');
  return page;
}

/** The label of the state button the popup shows as current. */
function pressedState(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () => document.querySelector('fieldset.presence button[aria-pressed="true"]')?.textContent?.trim() ?? undefined,
  );
}

async function pressed(page: Page, label: string): Promise<void> {
  await waitFor(async () => ((await pressedState(page)) === label ? true : undefined));
}

async function click(page: Page, label: string): Promise<void> {
  const buttons = await page.$$('fieldset.presence button');
  for (const button of buttons) {
    if ((await button.evaluate((b) => b.textContent?.trim())) === label) {
      await button.click();
      return;
    }
  }
  throw new Error(`no state button "${label}"`);
}

function alertText(page: Page): Promise<string> {
  return waitFor(() =>
    page.evaluate(() => document.querySelector('fieldset.presence [role="alert"]')?.textContent ?? undefined),
  );
}

function badgeText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }
    ).browser.action.getBadgeText({}),
  );
}

describe('availability from the popup in Firefox', () => {
  it('sipgate: switches every phone to DND and back, the badge follows, a refusal keeps the state', async () => {
    await configureAccount(e2e.quiet, {
      provider: 'sipgate',
      baseUrl: e2e.sim.baseUrl('sipgate'),
      credentials: { tokenId: SIPGATE_TEST_ACCOUNT.tokenId, token: SIPGATE_TEST_ACCOUNT.token },
      deviceId: 'e0',
    });
    const flags = () =>
      SIPGATE_TEST_ACCOUNT.devices.map((d) => e2e.sim.sipgate.dnd(SIPGATE_TEST_ACCOUNT.tokenId, d.id));
    const popup = await openPopup();
    await pressed(popup, 'Available');
    await click(popup, 'Do not disturb');
    await pressed(popup, 'Do not disturb');
    expect(flags()).toEqual([true, true, true]);
    expect(await badgeText(popup)).toBe(DND_BADGE);

    e2e.sim.fault({ kind: 'server-error', provider: 'sipgate', path: '/devices/e0', status: 503 });
    await click(popup, 'Available');
    expect(await alertText(popup)).toContain('not available right now');
    await pressed(popup, 'Do not disturb');
    expect(flags()).toEqual([true, true, true]);
    e2e.sim.clearFaults();

    await click(popup, 'Available');
    await pressed(popup, 'Available');
    expect(flags()).toEqual([false, false, false]);
    await waitFor(async () => ((await badgeText(popup)) === '' ? true : undefined));
    await popup.close();
  });

  it('Fonema: shows the state Fonema has and what it reports after a switch', async () => {
    await configureAccount(e2e.quiet, {
      provider: 'fonema',
      baseUrl: e2e.sim.baseUrl('fonema'),
      credentials: { username: FONEMA_TEST_ACCOUNT.login, password: FONEMA_TEST_ACCOUNT.password },
    });
    e2e.sim.fonema.setPresence(FONEMA_TEST_ACCOUNT.id, 'away');
    const popup = await openPopup();
    await pressed(popup, 'Away');
    await click(popup, 'Do not disturb');
    await pressed(popup, 'Do not disturb');
    expect(e2e.sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe('dnd');
    expect(await badgeText(popup)).toBe(DND_BADGE);

    e2e.sim.fault({ kind: 'server-error', provider: 'fonema', path: '/changePresenceStatus', status: 503 });
    await click(popup, 'Offline');
    expect(await alertText(popup)).toContain('not available right now');
    await pressed(popup, 'Do not disturb');
    expect(e2e.sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe('dnd');
    await popup.close();
  });
});
