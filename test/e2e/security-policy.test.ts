/**
 * Issue #14 item 1 (and #12's policy rule) with a real administrator's policy in real Chromium: a
 * policy file in Chromium's managed folder, keyed to this build's extension id, read by the
 * browser itself into `storage.managed`.
 *
 * - A policy that moves an account to another host (a second simulator) takes effect when the
 *   browser starts again: the account says "sign in again" in the options and the popup, and a
 *   click on a number sends no login anywhere — not to the new host, not to the old one — and
 *   places nothing.
 * - A policy that turns detection off on a site, changed while the browser runs, clears the
 *   marks on an open page soon after the background learns of it.
 *
 * The policy folder is machine-wide: the file is removed after the tests, whatever happens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../sim/server';
import { type PolicyFile, policyFileFor, SKIP_POLICY_TESTS, unpackedExtensionId } from '../support/chromium-policy';
import {
  configureAccount,
  type LoadedExtension,
  launchWithExtension,
  numberPoint,
  SIM_BUILD_DIR,
  waitFor,
} from '../support/extension';
import { fonialAccount } from '../support/fonial-e2e';
import { type PageServer, startPageServer } from '../support/static-server';

/** What configureAccount names the account (`<provider>-e2e`). */
const ACCOUNT_ID = 'fonial-e2e';
const NUMBER = '0221 66966966';
/** Issue #12 asks for one second; a loaded 2-core machine gets a generous bound, the note the figure. */
const DETECTION_OFF_BOUND_MS = 5_000;

let sim: Simulator;
let elsewhere: Simulator;
let pages: PageServer;
let profile: string;
let policy: PolicyFile | undefined;
let extension: LoadedExtension | undefined;

const movedAccount = () => ({
  id: ACCOUNT_ID,
  provider: 'fonial',
  label: 'Company fonial',
  baseUrl: elsewhere.baseUrl('fonial'),
});

describe.skipIf(SKIP_POLICY_TESTS)("an administrator's policy in real Chromium", () => {
  beforeAll(async () => {
    policy = await policyFileFor(unpackedExtensionId(SIM_BUILD_DIR));
    sim = await startSimulator();
    elsewhere = await startSimulator();
    pages = await startPageServer();
    profile = await mkdtemp(join(tmpdir(), 'ringback-profile-'));
  });

  afterAll(async () => {
    await policy?.remove();
    await extension?.close();
    await pages?.close();
    await sim?.close();
    await elsewhere?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('moves an account at the next start: "sign in again", and no login leaves for either host', async () => {
    extension = await launchWithExtension({ profileDir: profile });
    // The policy is keyed by this id: a wrong guess would leave the browser without a policy.
    expect(extension.id).toBe(unpackedExtensionId(SIM_BUILD_DIR));
    await configureAccount(extension, fonialAccount(sim));
    // The saved login works where it was entered.
    await clickNumber(/ringing/i);
    expect(sim.fonial.calls).toHaveLength(1);
    await extension.close();
    extension = undefined;

    await policy?.write({ accounts: [movedAccount()], activeAccountId: ACCOUNT_ID });
    const oldHostSeen = sim.requests.length;
    extension = await launchWithExtension({ profileDir: profile });

    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.id}/options.html`);
    await options.getByText('Set by your administrator').first().waitFor();
    const row = options.locator('.account-row', { hasText: 'Company fonial' });
    await row.getByText('Sign in again: the provider or address changed').waitFor();
    expect(await row.textContent()).toContain(elsewhere.baseUrl('fonial'));
    await options.close();

    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.id}/popup.html`);
    await popup.getByText('Sign in again: this account now points to another provider or address').first().waitFor();
    await popup.close();

    await clickNumber(/sign in again/i);
    expect(elsewhere.requests).toEqual([]);
    expect(sim.requests.slice(oldHostSeen)).toEqual([]);
    expect(sim.fonial.calls).toHaveLength(1);
    expect(elsewhere.fonial.calls).toEqual([]);
  });

  it('turns detection off on a site while the browser runs, and the open page loses its marks', async () => {
    const running = ready(extension);
    const crm = await running.context.newPage();
    await crm.goto(pages.url('crm-contacts.html'));
    await numberPoint(crm, NUMBER);
    // The page notes the moment its last mark goes; the worker the moment the policy reaches it.
    await crm.evaluate(() => {
      const probe = globalThis as unknown as { marksGoneAt?: number };
      const timer = setInterval(() => {
        if ((CSS.highlights.get('ringback-number') as unknown as Set<Range> | undefined)?.size) return;
        probe.marksGoneAt = Date.now();
        clearInterval(timer);
      }, 10);
    });
    const worker = await running.worker();
    await worker.evaluate(() => {
      const scope = globalThis as unknown as {
        policyArrivedAt?: number;
        chrome: { storage: { onChanged: { addListener(f: (changes: object, area: string) => void): void } } };
      };
      scope.chrome.storage.onChanged.addListener((changes, area) => {
        if (area === 'managed' && 'detection' in changes) scope.policyArrivedAt ??= Date.now();
      });
    });

    const pageHost = new URL(pages.origin).hostname;
    await policy?.write({
      accounts: [movedAccount()],
      activeAccountId: ACCOUNT_ID,
      detection: { mode: 'except-listed', sites: [pageHost] },
    });
    // Chromium applies a changed policy file after its settle time (5 s here).
    const arrivedAt = await waitFor(
      () => worker.evaluate(() => (globalThis as unknown as { policyArrivedAt?: number }).policyArrivedAt),
      30_000,
    );
    const goneAt = await waitFor(
      () => crm.evaluate(() => (globalThis as unknown as { marksGoneAt?: number }).marksGoneAt),
      DETECTION_OFF_BOUND_MS + 5_000,
    );
    console.info(`detection off: marks gone ${goneAt - arrivedAt} ms after the policy reached the background`);
    expect(goneAt - arrivedAt).toBeLessThan(DETECTION_OFF_BOUND_MS);

    // A page opened now is not marked at all.
    const fresh = await running.context.newPage();
    await fresh.goto(pages.url('crm-contacts.html'));
    await fresh.waitForTimeout(1_500);
    expect(await fresh.evaluate(() => CSS.highlights.get('ringback-number')?.size ?? 0)).toBe(0);
    await fresh.close();
    await crm.close();
  });
});

/** A real click on the card of a number on the CRM page, until the card's status says `outcome`. */
async function clickNumber(outcome: RegExp): Promise<void> {
  const crm: Page = await ready(extension).context.newPage();
  try {
    await crm.goto(pages.url('crm-contacts.html'));
    const point = await numberPoint(crm, NUMBER);
    await crm.mouse.move(point.x, point.y);
    await crm.locator('ringback-ui button').first().click();
    await expect.poll(() => crm.locator('ringback-ui [role=status]').textContent()).toMatch(outcome);
  } finally {
    await crm.close();
  }
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the browser is not running: the first test did not start it');
  return value;
}
