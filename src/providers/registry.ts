/** Creates the client for a provider from stored credentials and session; the static facts are in catalog.ts. */

import { CREDENTIAL_FIELDS, DEFAULT_BASE_URLS } from './catalog';
import { ProviderError } from './errors';
import { createFonema, isFonemaSession } from './fonema';
import { createFonial, isFonialSession } from './fonial';
import { createSipgate, isSipgateSession } from './sipgate';
import type { Provider, ProviderContext, ProviderId, SessionStore } from './types';
import { createVoipcenter, isVoipcenterSession } from './voipcenter';

type StoredCredentials = Readonly<Record<string, string>>;

/**
 * A client for `id`. Credentials and sessions come from storage, so both are checked here: a
 * missing field is an auth error the user can fix, and a stored session of the wrong shape (from
 * an older version, or another provider) is treated as no session.
 */
export function createProvider(id: ProviderId, ctx: ProviderContext<StoredCredentials, unknown>): Provider {
  // The one place an account without its own base URL gets the provider's documented one.
  const base = { ...ctx, baseUrl: ctx.baseUrl || DEFAULT_BASE_URLS[id] };
  switch (id) {
    case 'fonial':
      return createFonial({
        ...base,
        credentials: requireFields(ctx.credentials, CREDENTIAL_FIELDS.fonial),
        sessions: checkedStore(ctx.sessions, isFonialSession),
      });
    case 'voipcenter':
      return createVoipcenter({
        ...base,
        credentials: requireFields(ctx.credentials, CREDENTIAL_FIELDS.voipcenter),
        sessions: checkedStore(ctx.sessions, isVoipcenterSession),
      });
    case 'sipgate':
      return createSipgate({
        ...base,
        credentials: requireFields(ctx.credentials, CREDENTIAL_FIELDS.sipgate),
        sessions: checkedStore(ctx.sessions, isSipgateSession),
      });
    case 'fonema':
      return createFonema({
        ...base,
        credentials: requireFields(ctx.credentials, CREDENTIAL_FIELDS.fonema),
        sessions: checkedStore(ctx.sessions, isFonemaSession),
      });
  }
}

/** The provider's credential fields, each present and not blank (passed on exactly as typed). */
function requireFields<K extends string>(
  credentials: StoredCredentials,
  fields: readonly { readonly key: K }[],
): Record<K, string> {
  const picked: Partial<Record<K, string>> = {};
  for (const { key } of fields) {
    const value = credentials[key];
    if (value === undefined || value.trim() === '') throw new ProviderError('auth', 'errMissingCredentials', [key]);
    picked[key] = value;
  }
  return picked as Record<K, string>;
}

function checkedStore<S>(store: SessionStore<unknown>, isSession: (value: unknown) => value is S): SessionStore<S> {
  return {
    async get() {
      const value = await store.get();
      return isSession(value) ? value : undefined;
    },
    set: (value) => store.set(value),
    clear: () => store.clear(),
  };
}
