/** One place that knows every provider: how to create its client and what it needs. */
import { providerError } from './errors';
import { createFonial, FONIAL_DEFAULT_BASE_URL, type FonialSession } from './fonial';
import type { Provider, ProviderContext, ProviderId, SessionStore } from './types';

export const DEFAULT_BASE_URLS: Partial<Record<ProviderId, string>> = {
  fonial: FONIAL_DEFAULT_BASE_URL,
};

type StoredCredentials = Readonly<Record<string, string>>;

export function createProvider(id: ProviderId, ctx: ProviderContext<StoredCredentials, unknown>): Provider {
  switch (id) {
    case 'fonial':
      return createFonial({
        ...ctx,
        credentials: requireFields(ctx.credentials, 'username', 'password'),
        // Each account's store only ever holds what its own provider put there.
        sessions: ctx.sessions as SessionStore<FonialSession>,
      });
    default:
      throw providerError('unsupported', [id]);
  }
}

/** The named credential fields, each non-empty; otherwise an auth error the user can fix. */
function requireFields<K extends string>(credentials: StoredCredentials, ...keys: K[]): Record<K, string> {
  const picked = {} as Record<K, string>;
  for (const key of keys) {
    const value = credentials[key];
    if (!value) throw providerError('auth', [key]);
    picked[key] = value;
  }
  return picked;
}
