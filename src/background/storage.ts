/**
 * Where the background keeps things. Settings and credentials live in `storage.local` (never
 * `sync`: credentials must not leave the machine, and settings travel by export instead).
 * Provider sessions live in `storage.session`: they survive the service worker being stopped,
 * not the browser being closed.
 */
import { browser } from 'wxt/browser';
import type { SessionStore } from '../providers/types';
import { parseSettings, type Settings } from '../settings';

const SETTINGS_KEY = 'settings';
const CREDENTIALS_KEY = 'credentials';
const SESSION_PREFIX = 'session:';

export type Credentials = Readonly<Record<string, string>>;

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]).settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export async function loadCredentials(accountId: string): Promise<Credentials | undefined> {
  const stored = await browser.storage.local.get(CREDENTIALS_KEY);
  const all = stored[CREDENTIALS_KEY];
  if (typeof all !== 'object' || all === null) return undefined;
  const entry = (all as Record<string, unknown>)[accountId];
  if (typeof entry !== 'object' || entry === null) return undefined;
  return Object.fromEntries(
    Object.entries(entry as Record<string, unknown>).filter(
      (pair): pair is [string, string] => typeof pair[1] === 'string',
    ),
  );
}

export async function saveCredentials(accountId: string, credentials: Credentials): Promise<void> {
  const stored = await browser.storage.local.get(CREDENTIALS_KEY);
  const all = (stored[CREDENTIALS_KEY] ?? {}) as Record<string, Credentials>;
  await browser.storage.local.set({ [CREDENTIALS_KEY]: { ...all, [accountId]: credentials } });
}

/** A provider session for one account, kept in `storage.session`. */
export function sessionStore<T>(accountId: string): SessionStore<T> {
  const key = `${SESSION_PREFIX}${accountId}`;
  return {
    async get() {
      const stored = await browser.storage.session.get(key);
      return stored[key] as T | undefined;
    },
    async set(value) {
      await browser.storage.session.set({ [key]: value });
    },
    async clear() {
      await browser.storage.session.remove(key);
    },
  };
}

/** Settings changes, as they happen, for whoever needs to react (content scripts, menus). */
export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]?.newValue).settings);
  });
}
