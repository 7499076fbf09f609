/**
 * The options page's view of settings and its "Save". Accounts are saved through their own
 * requests; here everything else. Values the administrator locked are refused, not silently
 * dropped, so the page can say why.
 */
import type { SettingsView } from '../messages';
import { composeSettings, parseSettings, SETTINGS_KEYS, type Settings, type SettingsKey } from '../settings';
import { loadLogins } from './credentials';
import { loadSettingsWithLocks } from './managed';
import { Refusal } from './refusal';
import { updateLocalSettings } from './storage';

/** Saved through save-account, remove-account and set-active-account instead. */
const ACCOUNT_KEYS: readonly SettingsKey[] = ['accounts', 'activeAccountId'];

export async function settingsView(): Promise<SettingsView> {
  const { settings, locked } = await loadSettingsWithLocks();
  const logins = await loadLogins(settings.accounts);
  const withStatus = (status: string) =>
    settings.accounts.map((a) => a.id).filter((id) => logins[id]?.status === status);
  return { settings, locked, withCredentials: withStatus('ok'), signInAgain: withStatus('sign-in-again') };
}

export async function saveSettings(submitted: Settings): Promise<null> {
  // The submitted object is checked like any stored one; its accounts are not this request's business.
  const { settings: parsed, problems } = parseSettings({ ...submitted, accounts: [], activeAccountId: '' });
  if (problems.length > 0) throw new Refusal('errInvalidSettings', [problems.join(', ')]);
  const { settings: current, locked } = await loadSettingsWithLocks();
  const editable = SETTINGS_KEYS.filter((key) => !ACCOUNT_KEYS.includes(key));
  const changedLocked = editable.filter(
    (key) => locked.includes(key) && JSON.stringify(parsed[key]) !== JSON.stringify(current[key]),
  );
  if (changedLocked.length > 0) throw new Refusal('errLockedSetting', [changedLocked.join(', ')]);
  // A locked value stays the user's own underneath, for the day the policy lets go of it.
  await updateLocalSettings((local) =>
    composeSettings((key) => (ACCOUNT_KEYS.includes(key) || locked.includes(key) ? local[key] : parsed[key])),
  );
  return null;
}
