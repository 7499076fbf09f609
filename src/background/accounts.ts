/**
 * The provider client for each configured account. Clients are kept for the life of the service
 * worker so that concurrent calls share one single-flight login; a change of base URL or
 * credentials makes a new client (and drops the old session).
 */
import { createProvider } from '../providers/registry';
import type { Provider } from '../providers/types';
import type { AccountSettings } from '../settings';
import { type Credentials, loadCredentials, sessionStore } from './storage';

interface Entry {
  readonly fingerprint: string;
  readonly provider: Provider;
}

const clients = new Map<string, Entry>();

export async function providerFor(account: AccountSettings): Promise<Provider | undefined> {
  const credentials = await loadCredentials(account.id);
  if (!credentials) return undefined;
  return clientFor(account, credentials);
}

/** A client for an account draft (options page "Test connection"), not cached. */
export function draftProvider(account: AccountSettings, credentials: Credentials): Provider {
  return createProvider(account.provider, {
    baseUrl: account.baseUrl,
    credentials,
    sessions: sessionStore(`draft:${account.id}`),
  });
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
