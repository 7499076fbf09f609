/**
 * The provider client for each configured account. Clients are kept for the life of the service
 * worker so that concurrent calls share one single-flight login; their sessions live in
 * storage.session, so a restarted worker makes a new client that reuses the stored session. A
 * change of provider, base URL or credentials makes a new client and drops the old session.
 */

import type { Credentials } from '../messages';
import { PROVIDER_CAPABILITIES } from '../providers/catalog';
import { ProviderError } from '../providers/errors';
import { createProvider } from '../providers/registry';
import type { Capabilities, Provider, SessionStore } from '../providers/types';
import type { AccountSettings } from '../settings';
import { loadLogin } from './credentials';
import { forgetDirectory } from './directory';
import { forgetProviderHistory } from './provider-history';
import { sessionStore } from './storage';

interface Entry {
  readonly fingerprint: string;
  readonly provider: Provider;
}

const clients = new Map<string, Entry>();

export const NO_CAPABILITIES: Capabilities = {
  devices: false,
  callerIds: false,
  sms: false,
  history: false,
  hangup: false,
  callState: false,
  presence: [],
};

/**
 * The account's client, or undefined when it has no saved credentials. Throws ProviderError for
 * incomplete ones, for a login saved for another provider or host (the user signs in again), and
 * for an account whose address is plain http: (the user changes it to https:).
 */
export async function providerFor(account: AccountSettings): Promise<Provider | undefined> {
  const login = await loadLogin(account);
  if (login.status === 'none') return undefined;
  if (login.status === 'sign-in-again') throw new ProviderError('auth', 'errSignInAgain');
  if (login.status === 'plain-http') throw new ProviderError('auth', 'errPlainHttpAccount');
  return clientFor(account, login.credentials);
}

/**
 * What the account can do. The provider's API decides, not the login: an account whose credentials
 * are missing still offers SMS, and sending then says the login is missing.
 */
export function capabilitiesOf(account: AccountSettings | undefined): Capabilities {
  return account ? PROVIDER_CAPABILITIES[account.provider] : NO_CAPABILITIES;
}

/** A client for an account draft (options page "Test connection"): not cached, session kept in memory only. */
export function draftProvider(account: AccountSettings, credentials: Credentials): Provider {
  return createProvider(account.provider, {
    baseUrl: account.baseUrl,
    credentials,
    sessions: memoryStore(),
  });
}

/**
 * Drops everything learnt through the account's login: its client and provider session, the
 * devices and senders it listed, its provider history (credentials, provider or base URL changed,
 * account removed).
 */
export async function forgetAccount(accountId: string): Promise<void> {
  clients.delete(accountId);
  await Promise.all([sessionStore(accountId).clear(), forgetDirectory(accountId), forgetProviderHistory(accountId)]);
}

function clientFor(account: AccountSettings, credentials: Credentials): Provider {
  const fingerprint = JSON.stringify([account.provider, account.baseUrl, credentials]);
  const cached = clients.get(account.id);
  if (cached?.fingerprint === fingerprint) return cached.provider;
  const sessions = sessionStore(account.id);
  if (cached) void sessions.clear();
  const provider = createProvider(account.provider, { baseUrl: account.baseUrl, credentials, sessions });
  clients.set(account.id, { fingerprint, provider });
  return provider;
}

function memoryStore<T>(): SessionStore<T> {
  let value: T | undefined;
  return {
    get: async () => value,
    set: async (next) => {
      value = next;
    },
    clear: async () => {
      value = undefined;
    },
  };
}
