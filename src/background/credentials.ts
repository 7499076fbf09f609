/**
 * Each account's login, sealed (secrets.ts) and bound to the provider and the origin of the base
 * URL it was entered for. A login is handed out only for an account whose provider and origin are
 * still the ones it was saved with: when an options form, an imported file, an administrator's
 * policy or anything else that can write storage moves an account to another provider or host,
 * the saved login is not sent there; the account asks the user to sign in again.
 *
 * Kept in `storage.local` under LOGINS_KEY as account id → entry. An entry holds its binding in
 * clear (the settings name the same provider and host anyway) and the credentials as ciphertext,
 * or, once dropped for a change, only the binding: that is how the account knows to say "sign in
 * again" rather than "no login". Versions before this one kept clear-text credentials under
 * LEGACY_CREDENTIALS_KEY; they are sealed and removed the first time anything here runs.
 */
import { browser } from 'wxt/browser';
import { isRecord, isString } from '../guards';
import { type Credentials, isCredentials } from '../messages';
import type { ProviderId } from '../providers/types';
import { type AccountSettings, accountOrigin, hasPlainHttpAddress } from '../settings';
import { exclusive } from './exclusive';
import { loadSettings } from './managed';
import { type Sealed, seal, unseal } from './secrets';

const LOGINS_KEY = 'logins';
const LEGACY_CREDENTIALS_KEY = 'credentials';

interface Binding {
  readonly provider: ProviderId;
  readonly origin: string;
}

type Entry = Binding & ({ readonly sealed: Sealed } | { readonly dropped: true });

/** What an account's login looks like to the rest of the background. */
export type Login =
  | { readonly status: 'ok'; readonly credentials: Credentials }
  | { readonly status: 'none' }
  /** There was a login, for another provider or host: it is not used, the user must enter it again. */
  | { readonly status: 'sign-in-again' }
  /** The account's address is plain http: (settings.hasPlainHttpAddress): no login goes there at all. */
  | { readonly status: 'plain-http' };

/** The account's login, only when it was saved for the account's present provider and origin. */
export async function loadLogin(account: AccountSettings): Promise<Login> {
  return loginOf(account, own(await loadEntries(), account.id));
}

async function loginOf(account: AccountSettings, entry: Entry | undefined): Promise<Login> {
  if (hasPlainHttpAddress(account)) return { status: 'plain-http' };
  if (!entry) return { status: 'none' };
  if (!sameBinding(entry, bindingOf(account)) || !('sealed' in entry)) return { status: 'sign-in-again' };
  const credentials = await unseal(entry.sealed, context(account.id, entry));
  // A login that does not open (tampered, or the key was lost with the browser profile's data).
  return isCredentials(credentials) ? { status: 'ok', credentials } : { status: 'sign-in-again' };
}

/** The login of each account, as loadLogin says it (one read of storage for all). */
export async function loadLogins(accounts: readonly AccountSettings[]): Promise<Readonly<Record<string, Login>>> {
  const entries = await loadEntries();
  const result: Record<string, Login> = {};
  for (const account of accounts) result[account.id] = await loginOf(account, own(entries, account.id));
  return result;
}

export function saveLogin(account: AccountSettings, credentials: Credentials): Promise<void> {
  return changeEntries(async (entries) => {
    const binding = bindingOf(account);
    const sealed = await seal(credentials, context(account.id, binding));
    return { ...entries, [account.id]: { ...binding, sealed } };
  });
}

/**
 * Forgets the login of an account that now points elsewhere, keeping a note that there was one
 * (the account shows "sign in again"). Does nothing for an account without a login.
 */
export function dropLogin(accountId: string): Promise<void> {
  return changeEntries(async (entries) => {
    const entry = own(entries, accountId);
    if (!entry) return entries;
    return { ...entries, [accountId]: { provider: entry.provider, origin: entry.origin, dropped: true } };
  });
}

export function removeLogin(accountId: string): Promise<void> {
  return changeEntries(async ({ [accountId]: _removed, ...rest }) => rest);
}

/** Whether the account's saved login was made for `account`'s provider and origin. */
export async function loginBoundTo(accountId: string, account: AccountSettings): Promise<boolean> {
  const entry = own(await loadEntries(), accountId);
  return entry !== undefined && 'sealed' in entry && sameBinding(entry, bindingOf(account));
}

/**
 * Seals clear-text credentials a previous version left in `storage.local`, each bound to its
 * account's provider and origin as they are now, and removes them. Credentials of accounts that
 * no longer exist are dropped.
 */
export function migrateClearCredentials(): Promise<void> {
  return exclusive(LOGINS_KEY, migrateUnlocked);
}

async function migrateUnlocked(): Promise<void> {
  const stored = await browser.storage.local.get(LEGACY_CREDENTIALS_KEY);
  const legacy = stored[LEGACY_CREDENTIALS_KEY];
  if (legacy === undefined) return;
  const accounts = (await loadSettings()).accounts;
  const entries = Object.assign(Object.create(null) as Record<string, Entry>, await readEntries());
  if (isRecord(legacy)) {
    for (const account of accounts) {
      const credentials = own(legacy, account.id);
      if (!isCredentials(credentials)) continue;
      const binding = bindingOf(account);
      entries[account.id] = { ...binding, sealed: await seal(credentials, context(account.id, binding)) };
    }
  }
  await browser.storage.local.set({ [LOGINS_KEY]: entries });
  await browser.storage.local.remove(LEGACY_CREDENTIALS_KEY);
}

async function loadEntries(): Promise<Readonly<Record<string, Entry>>> {
  await migrateClearCredentials();
  return readEntries();
}

function changeEntries(
  change: (entries: Readonly<Record<string, Entry>>) => Promise<Readonly<Record<string, Entry>>>,
): Promise<void> {
  return exclusive(LOGINS_KEY, async () => {
    await migrateUnlocked();
    await browser.storage.local.set({ [LOGINS_KEY]: await change(await readEntries()) });
  });
}

/** Stored entries; anything malformed (hand-edited or foreign storage) is left out. */
async function readEntries(): Promise<Readonly<Record<string, Entry>>> {
  const stored = (await browser.storage.local.get(LOGINS_KEY))[LOGINS_KEY];
  if (!isRecord(stored)) return {};
  // No prototype: an account id such as `__proto__` is just a key here.
  const entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  for (const [accountId, raw] of Object.entries(stored)) {
    const entry = parseEntry(raw);
    if (entry) entries[accountId] = entry;
  }
  return entries;
}

function parseEntry(raw: unknown): Entry | undefined {
  if (!isRecord(raw) || !isString(raw.provider) || !isString(raw.origin)) return undefined;
  const binding = { provider: raw.provider as ProviderId, origin: raw.origin };
  if (raw.dropped === true) return { ...binding, dropped: true };
  const sealed = raw.sealed;
  if (!isRecord(sealed) || !isString(sealed.iv) || !isString(sealed.data)) return undefined;
  return { ...binding, sealed: { iv: sealed.iv, data: sealed.data } };
}

function bindingOf(account: AccountSettings): Binding {
  return { provider: account.provider, origin: accountOrigin(account) };
}

function sameBinding(a: Binding, b: Binding): boolean {
  return a.provider === b.provider && a.origin === b.origin;
}

/** What a sealed login is tied to: moved to another account, provider or origin, it does not open. */
function context(accountId: string, binding: Binding): string {
  return JSON.stringify(['ringback-login', accountId, binding.provider, binding.origin]);
}

/** A record's own property only: `__proto__` or `constructor` as an account id finds nothing inherited. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
