/**
 * The whole background on WXT's fake browser, talking to the PBX simulator over real HTTP: messages
 * go in through the registered runtime.onMessage listener, as they would in the browser.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Reply } from '../../../src/messages';
import type { AccountSettings, Settings } from '../../../src/settings';
import { DEFAULT_SETTINGS } from '../../../src/settings';
import type { Simulator } from '../../sim/server';

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

/** Stores settings and credentials as the options page would have saved them. */
export async function configure(
  accounts: readonly AccountSettings[],
  credentials: Record<string, Record<string, string>>,
  extra: Partial<Settings> = {},
): Promise<void> {
  await fakeBrowser.storage.local.set({
    settings: { ...DEFAULT_SETTINGS, accounts, activeAccountId: accounts[0]?.id ?? '', ...extra },
    credentials,
  });
}
