/**
 * Every provider once, through the real extension: a trusted click on a page number places the
 * call with that provider's own wire format (fonial sid, VoipCenter signed query with a timestamp
 * the extension keeps in step from the Date header, sipgate token, Fonema bearer token).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../sim/server';
import { demoAccounts } from '../support/demo-accounts';
import {
  configureAccount,
  type LoadedExtension,
  launchWithExtension,
  numberPoint,
  waitFor,
} from '../support/extension';
import { type PageServer, startPageServer } from '../support/static-server';

let sim: Simulator;
let pages: PageServer;
let extension: LoadedExtension;

beforeAll(async () => {
  sim = await startSimulator();
  pages = await startPageServer();
  extension = await launchWithExtension();
});

afterAll(async () => {
  await extension?.close();
  await pages?.close();
  await sim?.close();
});

describe('a call through each provider', () => {
  it.each(['fonial', 'voipcenter', 'sipgate', 'fonema'])('%s', async (provider) => {
    const account = demoAccounts(sim).find((a) => a.provider === provider);
    if (!account) throw new Error(`no demo account for ${provider}`);
    // VoipCenter refuses a timestamp 5 s off: put the provider's clock 30 s ahead of ours.
    sim.clockOffsetMs = provider === 'voipcenter' ? 30_000 : 0;
    await configureAccount(extension, account);
    const page = await extension.context.newPage();
    await page.goto(pages.url('crm-contacts.html'));
    const point = await numberPoint(page, '+31 20 123 4567');
    await page.mouse.move(point.x, point.y);
    await page.locator('ringback-ui button').first().click();

    await waitFor(() => account.acceptedCalls(sim) === 1 || undefined);
    await expect.poll(() => page.locator('ringback-ui [role=status]').textContent()).toMatch(/ringing/i);
    expect(account.acceptedCalls(sim)).toBe(1);
    // VoipCenter's first request told the client the server's time (error 11 and its Date header);
    // refused before anything happened, so sending it once more, in step, was safe.
    expect(sim.received(account.provider, account.callPath)).toHaveLength(provider === 'voipcenter' ? 2 : 1);
    await page.close();
  });
});
