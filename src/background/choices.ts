/**
 * The user's per-account choices (which phone rings, which caller id, which SMS sender), saved in
 * the user's own settings. An account set up by the administrator exists only in the policy, so
 * its choices are kept on a local copy of it, which the policy's values override (applyManaged).
 */
import type { AccountChoice } from '../messages';
import type { AccountSettings } from '../settings';
import { updateLocalSettings } from './storage';

export async function rememberChoice(account: AccountSettings, choice: AccountChoice): Promise<void> {
  const defined = Object.fromEntries(Object.entries(choice).filter(([, value]) => typeof value === 'string'));
  await updateLocalSettings((local) => {
    const own = local.accounts.some((a) => a.id === account.id);
    return {
      ...local,
      accounts: own
        ? local.accounts.map((a) => (a.id === account.id ? { ...a, ...defined } : a))
        : [...local.accounts, { ...account, ...defined }],
    };
  });
}
