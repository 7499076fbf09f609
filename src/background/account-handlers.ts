/**
 * Adding, changing, removing and switching provider accounts, and testing one before it is saved.
 * Account settings go to the user's own settings; credentials to their own entry in
 * storage.local. Whatever the administrator locked cannot be changed here: a managed account's
 * credentials and phone choice are the user's, its provider and base URL are not.
 */
import type { AccountChoice, Credentials, Replies } from '../messages';
import { isProviderError } from '../providers/errors';
import { type AccountSettings, accountOrigin, activeAccount, parseAccount } from '../settings';
import { draftProvider, forgetAccount } from './accounts';
import { rememberChoice } from './choices';
import { dropLogin, loadLogin, removeLogin, saveLogin } from './credentials';
import { loadSettingsWithLocks } from './managed';
import { Refusal } from './refusal';
import { updateLocalSettings } from './storage';

/**
 * Saves an account, with a new login or keeping the saved one. A saved login stays only while the
 * account keeps its provider and origin: moved elsewhere without a new login, it is dropped and the
 * account asks to sign in again, so a changed base URL never receives the old password.
 */
export async function saveAccount(raw: AccountSettings, credentials: Credentials | undefined): Promise<null> {
  const account = validAccount(raw);
  const { settings, locked } = await loadSettingsWithLocks();
  const before = settings.accounts.find((a) => a.id === account.id);
  if (locked.includes('accounts')) {
    if (!before) throw new Refusal('errLockedSetting', ['accounts']);
    if (changedConnection(before, account) || before.label !== account.label) {
      throw new Refusal('errLockedSetting', ['accounts']);
    }
  }
  const saved = before ? await loadLogin(before) : undefined;
  const credentialsChanged =
    credentials !== undefined &&
    (saved?.status !== 'ok' || JSON.stringify(credentials) !== JSON.stringify(saved.credentials));
  if (credentials !== undefined) await saveLogin(account, credentials);
  else if (before && changedConnection(before, account)) await dropLogin(account.id);
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
  if (credentialsChanged || !before || before.provider !== account.provider || before.baseUrl !== account.baseUrl) {
    await forgetAccount(account.id);
  }
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
  await removeLogin(accountId);
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
 * saved for that account, so "Test connection" works on a saved account without retyping them, but
 * only towards the provider and origin they were saved for: a draft pointing elsewhere needs the
 * login typed again.
 */
export async function testConnection(
  raw: AccountSettings,
  credentials: Credentials | undefined,
): Promise<Replies['test-connection']> {
  const account = validAccount(raw);
  const login = credentials ?? (await savedLoginFor(account));
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

/** The saved login of the draft's account, when the draft still goes where it was saved for. */
async function savedLoginFor(draft: AccountSettings): Promise<Credentials | undefined> {
  const { settings } = await loadSettingsWithLocks();
  const saved = settings.accounts.find((a) => a.id === draft.id);
  if (!saved) return undefined;
  if (changedConnection(saved, draft)) throw new Refusal('errTestNeedsLogin', [hostOf(draft)]);
  const login = await loadLogin(saved);
  if (login.status === 'sign-in-again') throw new Refusal('errSignInAgain');
  return login.status === 'ok' ? login.credentials : undefined;
}

/** The account as sent, or a refusal that says what is wrong with it (an http: address, above all). */
function validAccount(raw: AccountSettings): AccountSettings {
  const account = parseAccount(raw);
  if (account) return account;
  if (parseAccount({ ...raw, baseUrl: '' })) throw new Refusal('errBaseUrlNotHttps');
  throw new Refusal('errInvalidAccount');
}

/** Another provider or another origin: where a saved login must not follow. */
export function changedConnection(before: AccountSettings, after: AccountSettings): boolean {
  return before.provider !== after.provider || accountOrigin(before) !== accountOrigin(after);
}

function hostOf(account: AccountSettings): string {
  return accountOrigin(account).replace(/^https?:\/\//, '');
}

function pickChoice(account: AccountSettings): AccountChoice {
  return { deviceId: account.deviceId, callerId: account.callerId, smsSenderId: account.smsSenderId };
}
