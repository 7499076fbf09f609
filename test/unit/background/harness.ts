/**
 * The whole background on WXT's fake browser, talking to the PBX simulator over real HTTP: messages
 * go in through the registered runtime.onMessage listener, as they would in the browser.
 */
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { stopTracking } from '../../../src/background/call-tracking';
import { migrateClearCredentials } from '../../../src/background/credentials';
import { startBackground } from '../../../src/background/index';
import type { Reply } from '../../../src/messages';
import type { AccountSettings, Settings } from '../../../src/settings';
import { DEFAULT_SETTINGS } from '../../../src/settings';
import { FONEMA_TEST_ACCOUNT } from '../../sim/providers/fonema';
import { FONIAL_TEST_ACCOUNT } from '../../sim/providers/fonial';
import { SIPGATE_TEST_ACCOUNT } from '../../sim/providers/sipgate';
import type { Simulator } from '../../sim/server';
import { useSimulator } from '../../support/use-simulator';
import { type BrowserRecorder, resetBrowser } from './fake-browser';

export const EXTENSION_ID = 'test-extension-id';
export const POPUP = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };
export const OPTIONS_TAB = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/options.html`,
  tab: { id: 3, url: `chrome-extension://${EXTENSION_ID}/options.html`, title: 'Ringback options' },
};
export const CRM_PAGE = {
  id: EXTENSION_ID,
  url: 'https://crm.example/contacts/42',
  frameId: 0,
  tab: { id: 7, url: 'https://crm.example/contacts/42', title: 'ACME GmbH — Contact' },
};
export const OTHER_EXTENSION = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

/** The logins of the simulator's test accounts, as the options page saves them. */
export const FONIAL_LOGIN = { username: FONIAL_TEST_ACCOUNT.username, password: FONIAL_TEST_ACCOUNT.password };
export const SIPGATE_LOGIN = { tokenId: SIPGATE_TEST_ACCOUNT.tokenId, token: SIPGATE_TEST_ACCOUNT.token };
export const FONEMA_LOGIN = { username: FONEMA_TEST_ACCOUNT.login, password: FONEMA_TEST_ACCOUNT.password };

/** A call the fonial account made outside Ringback, as fonial's EVN lists it (history gets it from there). */
export const FONIAL_EVN_CALL = {
  dateStart: '2026-11-20 10:00:00',
  from: '+4922166966999',
  to: '+3225551212',
  duration: 61,
};

export interface BackgroundUnderTest {
  /** One simulator for the test file, reset before each test. */
  readonly sim: Simulator;
  /** What the background did with the browser in the current test. */
  readonly browser: BrowserRecorder;
}

/**
 * The hooks every background test file needs: one simulator for the file; before each test a fresh
 * fake browser, the background started on it, and the office fonial account saved with its login;
 * after each test, call tracking stopped so its timers do not outlive the test. The test file
 * itself still mocks `wxt/browser` (see fake-browser.ts).
 */
export function useBackground(): BackgroundUnderTest {
  const sim = useSimulator();
  let browser: BrowserRecorder | undefined;
  beforeEach(async () => {
    browser = resetBrowser();
    startBackground();
    await configure([fonialAccount(sim)], { office: FONIAL_LOGIN });
  });
  afterEach(async () => {
    await stopTracking();
  });
  return {
    sim,
    get browser() {
      if (!browser) throw new Error('used outside a test: the background is not set up yet');
      return browser;
    },
  };
}

export async function send<T = unknown>(message: unknown, sender: object = POPUP): Promise<Reply<T>> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return (await Promise.all(replies)).find((r: unknown) => r !== undefined) as Reply<T>;
}

/** The value of an `ok` reply; fails the test with the reason otherwise. */
export async function value<T = unknown>(message: unknown, sender: object = POPUP): Promise<T> {
  const reply = await send<T>(message, sender);
  if (!reply.ok) throw new Error(`refused: ${reply.reason} ${reply.details?.join(', ') ?? ''}`);
  return reply.value;
}

export function fonialAccount(sim: Simulator, extra: Partial<AccountSettings> = {}): AccountSettings {
  return {
    id: 'office',
    provider: 'fonial',
    label: 'Office fonial',
    baseUrl: sim.baseUrl('fonial'),
    deviceId: '674',
    callerId: '',
    smsSenderId: '',
    ...extra,
  };
}

export function sipgateAccount(sim: Simulator, extra: Partial<AccountSettings> = {}): AccountSettings {
  return {
    id: 'mobile',
    provider: 'sipgate',
    label: 'sipgate',
    baseUrl: sim.baseUrl('sipgate'),
    deviceId: 'e0',
    callerId: '',
    smsSenderId: '',
    ...extra,
  };
}

export function fonemaAccount(sim: Simulator, extra: Partial<AccountSettings> = {}): AccountSettings {
  return {
    id: 'madrid',
    provider: 'fonema',
    label: 'Fonema',
    baseUrl: sim.baseUrl('fonema'),
    deviceId: '',
    callerId: '',
    smsSenderId: '',
    ...extra,
  };
}

/**
 * Stores settings and credentials as the options page would have saved them: written in the clear
 * the way versions before sealed credentials did, then sealed as the update does on install.
 */
export async function configure(
  accounts: readonly AccountSettings[],
  credentials: Record<string, Record<string, string>>,
  extra: Partial<Settings> = {},
): Promise<void> {
  await fakeBrowser.storage.local.set({
    settings: { ...DEFAULT_SETTINGS, accounts, activeAccountId: accounts[0]?.id ?? '', ...extra },
    credentials,
  });
  await migrateClearCredentials();
}
