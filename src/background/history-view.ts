/** History as the popup shows it: the local log merged with the active account's provider records. */
import type { HistoryEntry } from '../messages';
import { activeAccount } from '../settings';
import { providerFor } from './accounts';
import { cachedDirectory } from './directory';
import { clearHistory, historyClearedAt, type LoggedEntry, loggedEntries } from './history';
import { mergeHistory } from './history-merge';
import { clearHistoryNotes, withNotes } from './history-notes';
import { loadSettings } from './managed';
import { forgetProviderHistory, providerRecords } from './provider-history';

export async function historyView(): Promise<readonly HistoryEntry[]> {
  const [settings, local, clearedAt] = await Promise.all([loadSettings(), loggedEntries(), historyClearedAt()]);
  const named = await withDeviceNames(local);
  const account = activeAccount(settings);
  const provider = account ? await providerFor(account).catch(() => undefined) : undefined;
  if (!account || !provider) return withNotes(mergeHistory(named, undefined, clearedAt));
  const records = await providerRecords(account.id, provider);
  return withNotes(mergeHistory(named, { accountId: account.id, provider: account.provider, records }, clearedAt));
}

/** Entries logged before the device list was known get the device's name from the last listing. */
async function withDeviceNames(entries: readonly LoggedEntry[]): Promise<LoggedEntry[]> {
  const accounts = [...new Set(entries.filter((e) => e.deviceId && !e.deviceName).map((e) => e.accountId))];
  const names = new Map<string, string>();
  for (const accountId of accounts) {
    for (const device of (await cachedDirectory(accountId))?.devices ?? []) {
      names.set(`${accountId}\n${device.id}`, device.name);
    }
  }
  return entries.map((entry) => {
    const name = entry.deviceId && !entry.deviceName ? names.get(`${entry.accountId}\n${entry.deviceId}`) : undefined;
    return name ? { ...entry, deviceName: name } : entry;
  });
}

/** One action empties history: the local log, and the provider's records up to now stay hidden. */
export async function clearAllHistory(): Promise<null> {
  await Promise.all([clearHistory(), clearHistoryNotes()]);
  const { accounts } = await loadSettings();
  await Promise.all(accounts.map((a) => forgetProviderHistory(a.id)));
  return null;
}
