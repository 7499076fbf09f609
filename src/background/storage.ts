/**
 * Where the background keeps things. Settings live in `storage.local` (never `sync`: settings
 * travel by export instead), and so do credentials, sealed (credentials.ts).
 * Provider sessions and everything else that only matters while the browser runs (the last call,
 * cached device lists) live in `storage.session`: they survive the service worker being stopped,
 * not the browser being closed, and content scripts cannot read them.
 */
import { browser } from 'wxt/browser';
import type { SessionStore } from '../providers/types';
import { parseSettings, type Settings } from '../settings';
import { exclusive } from './exclusive';

export const SETTINGS_KEY = 'settings';
const SESSION_PREFIX = 'session:';

/**
 * The user's own settings, as saved on this machine (before any administrator policy). An account
 * an earlier version saved with a plain http: address stays, to say why it sends nothing.
 */
export async function loadLocalSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY], { keepPlainHttp: true }).settings;
}

export async function saveLocalSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Changes the user's own settings; changes never interleave, so none is lost. */
export function updateLocalSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  return exclusive(SETTINGS_KEY, async () => {
    const next = change(await loadLocalSettings());
    await saveLocalSettings(next);
    return next;
  });
}

/**
 * A provider session for one account, kept in `storage.session`. Its shape is the provider's to
 * check (providers/registry.ts), so whatever is stored is handed on.
 */
export function sessionStore(accountId: string): SessionStore<unknown> {
  return sessionValue(`${SESSION_PREFIX}${accountId}`, (_value): _value is unknown => true);
}

/**
 * One value the background keeps in `storage.session` under `key`. What comes back is checked with
 * `guard`: it may have been written by an older version of the extension.
 */
export function sessionValue<T>(key: string, guard: (value: unknown) => value is T) {
  return {
    async get(): Promise<T | undefined> {
      const stored = await browser.storage.session.get(key);
      const value = stored[key];
      return guard(value) ? value : undefined;
    },
    async set(value: T): Promise<void> {
      await browser.storage.session.set({ [key]: value });
    },
    async clear(): Promise<void> {
      await browser.storage.session.remove(key);
    },
  };
}
