/**
 * Every provider once, through the add-on in real Firefox ESR, with the assertions of the Chromium
 * test (e2e/all-providers): a trusted click on a page number places the call with that provider's
 * own wire format (fonial sid, VoipCenter signed query with a timestamp kept in step from the Date
 * header, sipgate token, Fonema bearer token).
 */
import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../support/demo-accounts';
import { waitFor } from '../support/extension';
import { cardStatus, configureAccount, hoverNumber } from '../support/firefox';
import { useFirefoxE2e } from '../support/firefox-e2e';

const e2e = useFirefoxE2e();

describe('a call through each provider in Firefox', () => {
  it.each(['fonial', 'voipcenter', 'sipgate', 'fonema'])('%s', async (provider) => {
    const account = demoAccounts(e2e.sim).find((a) => a.provider === provider);
    if (!account) throw new Error(`no demo account for ${provider}`);
    // VoipCenter refuses a timestamp 5 s off: put the provider's clock 30 s ahead of ours.
    e2e.sim.clockOffsetMs = provider === 'voipcenter' ? 30_000 : 0;
    await configureAccount(e2e.quiet, account);
    const page = await e2e.extension.newPage();
    await page.goto(e2e.pages.url('crm-contacts.html'));
    await hoverNumber(page, '+31 20 123 4567');
    await (await page.$('ringback-ui >>> button'))?.click();

    await waitFor(() => account.acceptedCalls(e2e.sim) === 1 || undefined);
    await cardStatus(page, /ringing/i);
    expect(account.acceptedCalls(e2e.sim)).toBe(1);
    // VoipCenter's first request told the client the server's time (error 11 and its Date header);
    // refused before anything happened, so sending it once more, in step, was safe.
    expect(e2e.sim.received(account.provider, account.callPath)).toHaveLength(provider === 'voipcenter' ? 2 : 1);
    await page.close();
  });
});
