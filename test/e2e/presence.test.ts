/**
 * Availability from the popup in real Chromium against the simulator, for each provider that offers
 * it (sipgate, Fonema): the popup opened as a page reads the provider's state, a click switches it
 * in the simulator and the popup then shows what the provider reports; a refused switch shows the
 * reason and keeps the provider's state; the toolbar badge shows DND. Screenshots, light and dark,
 * go to test/output/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FONEMA_TEST_ACCOUNT } from '../sim/providers/fonema';
import { SIPGATE_TEST_ACCOUNT } from '../sim/providers/sipgate';
import { type Simulator, startSimulator } from '../sim/server';
import { badgeText } from '../support/background';
import { configureAccount, type LoadedExtension, launchWithExtension } from '../support/extension';

const OUTPUT = join(import.meta.dirname, '..', 'output');
const DND_BADGE = '⊘';

let sim: Simulator;
let extension: LoadedExtension;

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
  sim = await startSimulator();
  extension = await launchWithExtension();
});

afterAll(async () => {
  await extension?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

async function openPopup(): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${extension.id}/popup.html`);
  await page.getByRole('group', { name: 'Availability' }).waitFor();
  return page;
}

/** The state button the popup shows as current, once the provider's answer is in. */
async function pressed(page: Page, name: string): Promise<void> {
  const button = page.getByRole('group', { name: 'Availability' }).getByRole('button', { name, exact: true });
  await expect.poll(() => button.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
}

function stateButton(page: Page, name: string) {
  return page.getByRole('group', { name: 'Availability' }).getByRole('button', { name, exact: true });
}

describe('sipgate do not disturb from the popup', () => {
  beforeAll(async () => {
    await configureAccount(extension, {
      provider: 'sipgate',
      baseUrl: sim.baseUrl('sipgate'),
      credentials: { tokenId: SIPGATE_TEST_ACCOUNT.tokenId, token: SIPGATE_TEST_ACCOUNT.token },
      deviceId: 'e0',
    });
  });

  const flags = () => SIPGATE_TEST_ACCOUNT.devices.map((d) => sim.sipgate.dnd(SIPGATE_TEST_ACCOUNT.tokenId, d.id));

  it('reads the state, switches every phone to DND in one click, and the badge shows it', async () => {
    const popup = await openPopup();
    await pressed(popup, 'Available');
    expect(await badgeText(popup)).toBe('');

    await stateButton(popup, 'Do not disturb').click();
    await pressed(popup, 'Do not disturb');
    expect(flags()).toEqual([true, true, true]);
    expect(await badgeText(popup)).toBe(DND_BADGE);
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot({ path: join(OUTPUT, 'popup-presence-light.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: join(OUTPUT, 'popup-presence-dark.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'light' });

    // By keyboard: the state buttons are ordinary buttons in the tab order.
    await stateButton(popup, 'Available').focus();
    await popup.keyboard.press('Enter');
    await pressed(popup, 'Available');
    expect(flags()).toEqual([false, false, false]);
    await expect.poll(() => badgeText(popup)).toBe('');
    await popup.close();
  });

  it('shows what sipgate reports after the switch, not what was asked for', async () => {
    // sipgate answers the mobile phone's change with 204, but keeps it ringing.
    sim.sipgate.keptDnd.add('x0');
    const popup = await openPopup();
    await pressed(popup, 'Available');
    await stateButton(popup, 'Do not disturb').click();
    await popup.getByRole('status').filter({ hasText: 'Your PBX reports “Available” after the switch.' }).waitFor();
    await pressed(popup, 'Available');
    expect(flags()).toEqual([true, true, false]);
    expect(await badgeText(popup)).toBe('');
    await popup.close();
  });

  it('a refused switch says why and keeps the state sipgate has', async () => {
    sim.fault({ kind: 'server-error', provider: 'sipgate', path: '/devices/e0', status: 503 });
    const popup = await openPopup();
    await pressed(popup, 'Available');
    await stateButton(popup, 'Do not disturb').click();
    const alert = popup.getByRole('group', { name: 'Availability' }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/unavailable|not available|try again/i);
    await pressed(popup, 'Available');
    expect(flags()).toEqual([false, false, false]);
    sim.clearFaults();
    await popup.close();
  });
});

describe('Fonema presence from the popup', () => {
  beforeAll(async () => {
    await configureAccount(extension, {
      provider: 'fonema',
      baseUrl: sim.baseUrl('fonema'),
      credentials: { username: FONEMA_TEST_ACCOUNT.login, password: FONEMA_TEST_ACCOUNT.password },
    });
  });

  it('shows the state Fonema has, switches to each one, and Fonema has it', async () => {
    sim.fonema.setPresence(FONEMA_TEST_ACCOUNT.id, 'away');
    const popup = await openPopup();
    await pressed(popup, 'Away');
    await stateButton(popup, 'Do not disturb').click();
    await pressed(popup, 'Do not disturb');
    expect(sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe('dnd');
    expect(await badgeText(popup)).toBe(DND_BADGE);
    await stateButton(popup, 'Offline').click();
    await pressed(popup, 'Offline');
    expect(sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe('offline');
    await expect.poll(() => badgeText(popup)).toBe('');
    await stateButton(popup, 'Available').click();
    await pressed(popup, 'Available');
    expect(sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe('online');
    await popup.close();
  });

  it('a refused switch shows Fonema’s reason and keeps its state', async () => {
    sim.fonema.setPresence(FONEMA_TEST_ACCOUNT.id, 'dnd');
    const popup = await openPopup();
    await pressed(popup, 'Do not disturb');
    sim.fault({ kind: 'server-error', provider: 'fonema', path: '/changePresenceStatus', status: 503 });
    await stateButton(popup, 'Available').click();
    const alert = popup.getByRole('group', { name: 'Availability' }).getByRole('alert');
    await alert.waitFor();
    await pressed(popup, 'Do not disturb');
    expect(sim.fonema.presenceOf(FONEMA_TEST_ACCOUNT.id)).toBe('dnd');
    expect(await badgeText(popup)).toBe(DND_BADGE);
    sim.clearFaults();
    await popup.close();
  });
});
