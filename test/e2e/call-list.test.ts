/**
 * Call lists in real Chromium against the simulator, worked from the popup as a salesperson would:
 * select the numbers on the CRM page, start, and let the provider's call state (sipgate) move the
 * list on — or press Next (fonial). The list survives the popup closing and the service worker
 * being stopped, and the simulator's log shows no call ever placed while another was up. A note
 * goes on a call, history is searched and exported as CSV.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FONIAL_TEST_ACCOUNT } from '../sim/providers/fonial';
import { SIPGATE_TEST_ACCOUNT } from '../sim/providers/sipgate';
import { openQuietExtensionPage, WorkerWatch } from '../support/background';
import {
  configureAccount,
  type LoadedExtension,
  launchWithExtension,
  numberPoint,
  waitFor,
} from '../support/extension';
import { type PageServer, startPageServer } from '../support/static-server';
import { useSimulator } from '../support/use-simulator';

const OUTPUT = join(import.meta.dirname, '..', 'output');
const CRM_PAGE = 'crm-contacts.html';
/** The pause between list calls the tests set: short, so a test does not wait 10 s per call. */
const PAUSE_SECONDS = 1;
/** Generous: the worker polls sipgate every 2 s, then waits the pause; a loaded machine is slower. */
const NEXT_CALL_TIMEOUT_MS = 20_000;

const sim = useSimulator();
let pages: PageServer;
let extension: LoadedExtension;
let crm: Page;
let crmTabId: number;
/** Gaps measured between a call ending at the simulator and the list's next call arriving there. */
const gaps: number[] = [];

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
  pages = await startPageServer();
  extension = await launchWithExtension();
  // Numbers are marked once an account exists.
  await useFonial();
  crm = await extension.context.newPage();
  await crm.goto(pages.url(CRM_PAGE));
  await numberPoint(crm, '0221 66966966');
  const worker = await extension.worker();
  crmTabId = await worker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<{ id: number }[]> } } })
      .chrome;
    return (await api.tabs.query({ url }))[0]?.id ?? -1;
  }, pages.url(CRM_PAGE));
});

afterAll(async () => {
  if (gaps.length > 0) console.log(`call list: end → next call at the simulator, ms: ${gaps.join(', ')}`);
  await extension?.close();
  await pages?.close();
});

beforeEach(async () => {
  // Each test starts without a list (a stopped worker still holds the last one in storage.session).
  const worker = await extension.worker();
  await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> } } } }
    ).chrome.storage.session.clear(),
  );
});

async function useSipgate(): Promise<void> {
  await configureAccount(extension, {
    provider: 'sipgate',
    baseUrl: sim.baseUrl('sipgate'),
    credentials: { tokenId: SIPGATE_TEST_ACCOUNT.tokenId, token: SIPGATE_TEST_ACCOUNT.token },
    deviceId: 'e0',
    extra: { callListPauseSeconds: PAUSE_SECONDS },
  });
}

async function useFonial(): Promise<void> {
  await configureAccount(extension, {
    provider: 'fonial',
    baseUrl: sim.baseUrl('fonial'),
    credentials: { username: FONIAL_TEST_ACCOUNT.username, password: FONIAL_TEST_ACCOUNT.password },
    deviceId: '674',
  });
}

/** The popup as a page, acting on the CRM tab (a real popup would act on the active tab). */
async function openPopup(): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 400, height: 640 });
  await page.goto(`chrome-extension://${extension.id}/popup.html?tab=${crmTabId}`);
  await page.getByText('Connected', { exact: true }).waitFor();
  await page.getByRole('heading', { name: /On this page/ }).waitFor();
  return page;
}

/** Ticks the page numbers (as shown, e.g. "+49 221 66966966") by keyboard, then starts the list. */
async function startList(popup: Page, numbers: readonly string[]): Promise<void> {
  for (const number of numbers) {
    const box = popup.getByRole('checkbox', { name: `Add ${number} to the call list` });
    await box.focus();
    await popup.keyboard.press('Space');
  }
  const start = popup.getByRole('button', { name: `Call selected in turn (${numbers.length})` });
  await start.focus();
  await popup.keyboard.press('Enter');
  await popup.getByRole('heading', { name: 'Call list' }).waitFor();
}

const progress = (popup: Page) => popup.locator('#call-list-progress').textContent();
const listStatus = (popup: Page) => popup.locator('.call-list-status').textContent();

/** Ends sipgate call `index` at the simulator and waits for the list's next call; returns the gap. */
async function endAndAwaitNext(index: number): Promise<void> {
  const call = sim.sipgate.calls[index];
  if (!call) throw new Error(`no call ${index} at the simulator`);
  sim.sipgate.setCallStatus(call.sessionId, 'ended');
  const endedAt = Date.now();
  const next = await waitFor(() => sim.sipgate.calls[index + 1], NEXT_CALL_TIMEOUT_MS);
  // Never two at once: the next call reached the provider after the previous one ended, and at
  // least the pause later.
  expect(next.at - endedAt).toBeGreaterThanOrEqual(PAUSE_SECONDS * 1_000);
  gaps.push(next.at - endedAt);
}

describe('a sipgate call list, moved on by the call state', () => {
  it('calls in turn after each end plus the pause; pause and resume', async () => {
    await useSipgate();
    const popup = await openPopup();
    await startList(popup, ['+49 221 66966966', '+31 20 123 4567', '+49 30 234567800']);

    await waitFor(() => sim.sipgate.calls[0]);
    expect(sim.sipgate.calls.map((c) => c.callee)).toEqual(['+4922166966966']);
    await expect.poll(() => progress(popup)).toBe('1 of 3');
    await expect.poll(() => listStatus(popup)).toContain('Call with 0221 66966966');
    await popup.screenshot({ path: join(OUTPUT, 'call-list-light.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: join(OUTPUT, 'call-list-dark.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'light' });

    await endAndAwaitNext(0);
    await expect.poll(() => progress(popup)).toBe('2 of 3');
    expect(await popup.locator('.call-list-entries li').first().textContent()).toContain('Ended');

    // Paused during the second call: it goes on, but nothing follows it.
    await popup.getByRole('button', { name: 'Pause the call list' }).click();
    sim.sipgate.setCallStatus(sim.sipgate.calls[1]?.sessionId ?? '', 'ended');
    await expect.poll(() => listStatus(popup), { timeout: 10_000 }).toContain('Paused. Next: 030 234567800');
    await new Promise((resolve) => setTimeout(resolve, (PAUSE_SECONDS + 2) * 1_000));
    expect(sim.sipgate.calls).toHaveLength(2);

    await popup.getByRole('button', { name: 'Resume the call list' }).click();
    await waitFor(() => sim.sipgate.calls[2], NEXT_CALL_TIMEOUT_MS);
    expect(sim.sipgate.calls[2]?.callee).toBe('+4930234567800');
    await expect.poll(() => progress(popup)).toBe('3 of 3');

    sim.sipgate.setCallStatus(sim.sipgate.calls[2]?.sessionId ?? '', 'ended');
    await expect.poll(() => listStatus(popup), { timeout: 10_000 }).toBe('Call list finished.');
    expect(sim.sipgate.calls.map((c) => c.callee)).toEqual(['+4922166966966', '+31201234567', '+4930234567800']);
    await popup.getByRole('button', { name: 'Close the call list' }).click();
    await popup.getByRole('heading', { name: 'Call list' }).waitFor({ state: 'detached' });
    await popup.close();
  });

  it('survives the popup closing and the service worker stopping; skip and stop', async () => {
    await useSipgate();
    let popup = await openPopup();
    await startList(popup, ['+49 221 66966966', '+31 20 123 4567', '+49 30 234567800']);
    await waitFor(() => sim.sipgate.calls[0]);
    await expect.poll(() => listStatus(popup)).toContain('Call with');
    await popup.close();

    const quiet = await openQuietExtensionPage(extension);
    const watch = await WorkerWatch.attach(quiet);
    await watch.stopWorker();
    sim.sipgate.setCallStatus(sim.sipgate.calls[0]?.sessionId ?? '', 'ended');
    const endedAt = Date.now();

    // Opening the popup wakes a fresh worker: it finds the list and the followed call in storage.
    popup = await openPopup();
    const next = await waitFor(() => sim.sipgate.calls[1], NEXT_CALL_TIMEOUT_MS);
    expect(next.callee).toBe('+31201234567');
    expect(next.at - endedAt).toBeGreaterThanOrEqual(PAUSE_SECONDS * 1_000);
    await expect.poll(() => progress(popup)).toBe('2 of 3');
    expect(await popup.locator('.call-list-entries li').first().textContent()).toContain('Ended');

    await popup.getByRole('button', { name: 'Skip 030 234567800' }).click();
    await expect.poll(() => popup.locator('.call-list-entries li').last().textContent()).toContain('Skipped');
    await popup.getByRole('button', { name: 'Stop the call list' }).click();
    await expect.poll(() => listStatus(popup)).toBe('Call list stopped.');
    sim.sipgate.setCallStatus(next.sessionId, 'ended');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(sim.sipgate.calls).toHaveLength(2);
    await watch.detach();
    await quiet.close();
    await popup.close();
  });
});

describe('a fonial call list, moved on by Next', () => {
  it('calls the first number, the next on Next (once, however fast the clicks), and stops', async () => {
    await useFonial();
    const popup = await openPopup();
    await startList(popup, ['+49 221 66966966', '+31 20 123 4567', '+49 30 234567800']);
    await waitFor(() => sim.fonial.calls[0]);
    await expect.poll(() => listStatus(popup)).toBe('Press Next to call +31 20 123 4567.');

    const next = popup.getByRole('button', { name: 'Call +31 20 123 4567 next' });
    await next.dblclick();
    await expect.poll(() => listStatus(popup), { timeout: 10_000 }).toBe('Press Next to call 030 234567800.');
    expect(sim.fonial.calls.map((c) => c.target)).toEqual(['+4922166966966', '+31201234567']);
    expect(await progress(popup)).toBe('2 of 3');

    await popup.getByRole('button', { name: 'Stop the call list' }).click();
    await expect.poll(() => listStatus(popup)).toBe('Call list stopped.');
    expect(sim.fonial.calls).toHaveLength(2);
    await popup.getByRole('button', { name: 'Close the call list' }).click();
    await popup.close();
  });
});

describe('notes, search and CSV export', () => {
  it('notes a call, finds it by its note, and exports history as CSV', async () => {
    await useFonial();
    const popup = await openPopup();
    await popup.getByRole('button', { name: 'Call +49 221 66966966' }).click();
    await waitFor(() => sim.fonial.calls[0]);

    // After the call, its history entry offers a note.
    const note = popup.getByRole('textbox', { name: 'Note on the call with 0221 66966966' }).first();
    await note.waitFor();
    await note.fill('=Angebot bis Freitag');
    await popup.keyboard.press('Enter');
    const recent = popup.locator('section[aria-labelledby=recent-heading]');
    await recent.locator('.entry-note', { hasText: '=Angebot bis Freitag' }).waitFor();

    await popup.getByRole('searchbox', { name: 'Search history' }).fill('freitag');
    expect(await recent.locator('li').count()).toBeGreaterThanOrEqual(1);
    await popup.getByRole('searchbox', { name: 'Search history' }).fill('nothing like this');
    await recent.getByText('Nothing in your history matches “nothing like this”.').waitFor();
    await popup.getByRole('searchbox', { name: 'Search history' }).fill('');

    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export the history shown as a CSV file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ringback-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFF"date","direction","type","number"')).toBe(true);
    expect(csv).toContain(`"outgoing","call","'+4922166966966","Kontakt: Müller Maschinenbau GmbH – CRM"`);
    expect(csv).toContain(`"'=Angebot bis Freitag"\r\n`);
    await popup.close();
  });
});
