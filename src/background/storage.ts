/**
 * Where the background keeps things. Settings and credentials live in `storage.local` (never
 * `sync`: credentials must not leave the machine, and settings travel by export instead).
 * Provider sessions and everything else that only matters while the browser runs (the last call,
 * cached device lists) live in `storage.session`: they survive the service worker being stopped,
 * not the browser being closed, and content scripts cannot read them.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import type { Credentials } from '../messages';
import type { SessionStore } from '../providers/types';
import { parseSettings, type Settings } from '../settings';
import { exclusive } from './exclusive';

export const SETTINGS_KEY = 'settings';
export const CREDENTIALS_KEY = 'credentials';
const SESSION_PREFIX = 'session:';

/** The user's own settings, as saved on this machine (before any administrator policy). */
export async function loadLocalSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]).settings;
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

export async function loadCredentials(accountId: string): Promise<Credentials | undefined> {
  return (await loadAllCredentials())[accountId];
}

/** Every account's credentials; malformed entries (hand-edited storage) are left out. */
export async function loadAllCredentials(): Promise<Readonly<Record<string, Credentials>>> {
  const stored = await browser.storage.local.get(CREDENTIALS_KEY);
  const all = stored[CREDENTIALS_KEY];
  if (!isRecord(all)) return {};
  const result: Record<string, Credentials> = {};
  for (const [accountId, entry] of Object.entries(all)) {
    if (!isRecord(entry)) continue;
    result[accountId] = Object.fromEntries(
      Object.entries(entry).filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
    );
  }
  return result;
}

export function saveCredentials(accountId: string, credentials: Credentials): Promise<void> {
  return exclusive(CREDENTIALS_KEY, async () => {
    const all = await loadAllCredentials();
    await browser.storage.local.set({ [CREDENTIALS_KEY]: { ...all, [accountId]: credentials } });
  });
}

export function removeCredentials(accountId: string): Promise<void> {
  return exclusive(CREDENTIALS_KEY, async () => {
    const { [accountId]: _removed, ...rest } = await loadAllCredentials();
    await browser.storage.local.set({ [CREDENTIALS_KEY]: rest });
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
