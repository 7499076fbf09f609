/**
 * Adding, changing, removing and switching provider accounts, and testing one before it is saved.
 * Account settings go to the user's own settings; credentials to their own entry in
 * storage.local. Whatever the administrator locked cannot be changed here: a managed account's
 * credentials and phone choice are the user's, its provider and base URL are not.
 */
import type { AccountChoice, Credentials, Replies } from '../messages';
import { isProviderError } from '../providers/errors';
import { type AccountSettings, activeAccount, parseAccount } from '../settings';
import { draftProvider, forgetAccount } from './accounts';
import { rememberChoice } from './choices';
import { loadSettingsWithLocks } from './managed';
import { Refusal } from './refusal';
import { loadCredentials, removeCredentials, saveCredentials, updateLocalSettings } from './storage';

export async function saveAccount(raw: AccountSettings, credentials: Credentials | undefined): Promise<null> {
  const account = parseAccount(raw);
  if (!account) throw new Refusal('errInvalidAccount');
  const { settings, locked } = await loadSettingsWithLocks();
  const before = settings.accounts.find((a) => a.id === account.id);
  if (locked.includes('accounts')) {
    if (!before) throw new Refusal('errLockedSetting', ['accounts']);
    if (changedConnection(before, account) || before.label !== account.label) {
      throw new Refusal('errLockedSetting', ['accounts']);
    }
  }
  const savedCredentials = await loadCredentials(account.id);
  const credentialsChanged =
    credentials !== undefined && JSON.stringify(credentials) !== JSON.stringify(savedCredentials);
  if (credentials !== undefined) await saveCredentials(account.id, credentials);
  if (locked.includes('accounts')) {
    await rememberChoice(account, pickChoice(account));
  } else {
    await updateLocalSettings((local) => {
      const exists = local.accounts.some((a) => a.id === account.id);
      const accounts = exists
        ? local.accounts.map((a) => (a.id === account.id ? account : a))
        : [...local.accounts, account];
      return { ...local, accounts, activeAccountId: local.activeAccountId || account.id };
    });
  }
  // A new login, provider or address: the old session and what it listed no longer apply.
  if (credentialsChanged || !before || changedConnection(before, account)) await forgetAccount(account.id);
  return null;
}

export async function removeAccount(accountId: string): Promise<null> {
  const { locked } = await loadSettingsWithLocks();
  if (locked.includes('accounts')) throw new Refusal('errLockedSetting', ['accounts']);
  await updateLocalSettings((local) => {
    const accounts = local.accounts.filter((a) => a.id !== accountId);
    const activeAccountId = accounts.some((a) => a.id === local.activeAccountId)
      ? local.activeAccountId
      : (accounts[0]?.id ?? '');
    return { ...local, accounts, activeAccountId };
  });
  await removeCredentials(accountId);
  await forgetAccount(accountId);
  return null;
}

export async function setActiveAccount(accountId: string): Promise<null> {
  const { settings, locked } = await loadSettingsWithLocks();
  if (locked.includes('activeAccountId')) throw new Refusal('errLockedSetting', ['activeAccountId']);
  if (!settings.accounts.some((a) => a.id === accountId)) throw new Refusal('errUnknownAccount');
  await updateLocalSettings((local) => ({ ...local, activeAccountId: accountId }));
  return null;
}

/** The popup's device / caller id / SMS sender switch, for the active account. */
export async function choose(choice: AccountChoice): Promise<null> {
  const { settings } = await loadSettingsWithLocks();
  const account = activeAccount(settings);
  if (!account) throw new Refusal('errNoAccount');
  await rememberChoice(account, choice);
  return null;
}

/**
 * Logs in with a draft (nothing is saved) and lists its devices. Credentials left out are the ones
 * saved for that account, so "Test connection" works on a saved account without retyping them.
 */
export async function testConnection(
  raw: AccountSettings,
  credentials: Credentials | undefined,
): Promise<Replies['test-connection']> {
  const account = parseAccount(raw);
  if (!account) throw new Refusal('errInvalidAccount');
  const login = credentials ?? (await loadCredentials(account.id));
  if (!login) throw new Refusal('errNoCredentials');
  try {
    const provider = draftProvider(account, login);
    const { label } = await provider.verify();
    const devices = provider.capabilities.devices ? await provider.listDevices() : [];
    return { label, devices };
  } catch (error) {
    if (isProviderError(error)) throw new Refusal(error.reason, error.details);
    throw error;
  }
}

function changedConnection(before: AccountSettings, after: AccountSettings): boolean {
  return before.provider !== after.provider || before.baseUrl !== after.baseUrl;
}

function pickChoice(account: AccountSettings): AccountChoice {
  return { deviceId: account.deviceId, callerId: account.callerId, smsSenderId: account.smsSenderId };
}
