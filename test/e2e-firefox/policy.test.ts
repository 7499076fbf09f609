/**
 * The Chromium policy test (e2e/security-policy) in real Firefox ESR, through Firefox's own policy
 * file (support/firefox-policy.ts), which Firefox reads when it starts. A login saved for one
 * simulator; then a policy moves the account to another and turns detection off on one site, and
 * Firefox starts again with the same profile: the account says "sign in again" in the options and
 * the popup, a real click on a number sends no login to either host and places nothing, and the
 * site the policy names shows no marks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../sim/server';
import { SKIP_POLICY_TESTS } from '../support/chromium-policy';
import {
  CARD_CALL,
  cardStatus,
  configureAccount,
  type FirefoxExtension,
  hoverNumber,
  launchFirefoxWithExtension,
  marks,
  openQuietExtensionPage,
} from '../support/firefox';
import { type FirefoxPolicyFile, firefoxPolicyFileFor, type PolicyAddon, policyAddon } from '../support/firefox-policy';
import { fonialAccount } from '../support/fonial-e2e';
import { type PageServer, startPageServer } from '../support/static-server';

const NUMBER = '0221 66966966';

let sim: Simulator;
let elsewhere: Simulator;
let pages: PageServer;
let addon: PolicyAddon | undefined;
let policy: FirefoxPolicyFile | undefined;
let profile: string;
let firefox: FirefoxExtension | undefined;
const uuid = crypto.randomUUID();

describe.skipIf(SKIP_POLICY_TESTS)("an administrator's policy in real Firefox", () => {
  beforeAll(async () => {
    addon = await policyAddon();
    policy = await firefoxPolicyFileFor(addon.geckoId);
    sim = await startSimulator();
    elsewhere = await startSimulator();
    pages = await startPageServer();
    profile = await mkdtemp(join(tmpdir(), 'ringback-firefox-profile-'));
  });

  afterAll(async () => {
    await policy?.restore();
    await firefox?.close();
    await addon?.remove();
    await pages?.close();
    await sim?.close();
    await elsewhere?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('moves an account and turns detection off at the next start; no login leaves for either host', async () => {
    const installed = ready(addon);
    const launch = (keepWelcome: boolean) =>
      launchFirefoxWithExtension({
        extensionDir: installed.dir,
        geckoId: installed.geckoId,
        userDataDir: profile,
        uuid,
        keepWelcome,
      });
    firefox = await launch(false);
    await configureAccount(await openQuietExtensionPage(firefox), fonialAccount(sim));
    await clickNumber(/ringing/i);
    expect(sim.fonial.calls).toHaveLength(1);
    await firefox.close();
    firefox = undefined;

    const onlyHere = new URL(pages.origin).hostname;
    const unmarked = 'localhost';
    await policy?.write({
      accounts: [
        { id: 'fonial-e2e', provider: 'fonial', label: 'Company fonial', baseUrl: elsewhere.baseUrl('fonial') },
      ],
      activeAccountId: 'fonial-e2e',
      detection: { mode: 'except-listed', sites: [unmarked] },
    });
    const oldHostSeen = sim.requests.length;
    // A restart, not an install: the profile has the account, so no welcome tab opens.
    firefox = await launch(true);

    const options = await firefox.openExtensionPage('/options.html');
    await textShown(options, 'Sign in again: the provider or address changed');
    expect(await options.evaluate(() => document.querySelector('.account-row')?.textContent)).toContain(
      elsewhere.baseUrl('fonial'),
    );
    const popup = await firefox.openExtensionPage('/popup.html');
    await textShown(popup, 'Sign in again: this account now points to another provider or address');

    await clickNumber(/sign in again/i);
    expect(elsewhere.requests).toEqual([]);
    expect(sim.requests.slice(oldHostSeen)).toEqual([]);
    expect(sim.fonial.calls).toHaveLength(1);

    // The same page under the host the policy left out: marked on 127.0.0.1 above, not here.
    expect(onlyHere).not.toBe(unmarked);
    const page = await firefox.newPage();
    await page.goto(pages.url('crm-contacts.html').replace(onlyHere, unmarked));
    expect(await page.evaluate(() => document.body.innerText)).toContain(NUMBER);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await marks(page)).toEqual([]);
  });
});

/** A real click on the card of a number on the CRM page, until the card's status says `outcome`. */
async function clickNumber(outcome: RegExp): Promise<void> {
  const page: Page = await ready(firefox).newPage();
  try {
    await page.goto(pages.url('crm-contacts.html'));
    await hoverNumber(page, NUMBER);
    await page.click(CARD_CALL);
    await cardStatus(page, outcome);
  } finally {
    await page.close();
  }
}

async function textShown(page: Page, text: string): Promise<void> {
  await page.waitForFunction((wanted: string) => document.body.innerText.includes(wanted), { timeout: 15_000 }, text);
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('not started: beforeAll failed');
  return value;
}
