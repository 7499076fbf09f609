/**
 * The provider's own call and SMS records for the active account, for merging into history. Kept
 * for a minute in storage.session: the popup asks for history each time it opens.
 */

import { isRecord } from '../guards';
import { isProviderError } from '../providers/errors';
import type { HistoryRecord, Provider } from '../providers/types';
import { sessionValue } from './storage';

export const PROVIDER_HISTORY_TTL_MS = 60_000;
/** How far back the provider is asked: enough for "recent calls", small enough to be one page. */
export const PROVIDER_HISTORY_DAYS = 30;

interface Cached {
  readonly records: readonly HistoryRecord[];
  readonly at: number;
}

function isCached(value: unknown): value is Cached {
  return isRecord(value) && Array.isArray(value.records) && typeof value.at === 'number';
}

const stored = (accountId: string) => sessionValue(`providerHistory:${accountId}`, isCached);

/** The records, or none when the provider cannot list them now: history still shows what is local. */
export async function providerRecords(accountId: string, provider: Provider, now = Date.now()) {
  if (!provider.capabilities.history) return [];
  const cached = await stored(accountId).get();
  if (cached && now - cached.at < PROVIDER_HISTORY_TTL_MS && now >= cached.at) return cached.records;
  try {
    const records = await provider.history({ from: now - PROVIDER_HISTORY_DAYS * 86_400_000, to: now + 60_000 });
    await stored(accountId).set({ records, at: now });
    return records;
  } catch (error) {
    console.warn('Ringback: provider history unavailable', isProviderError(error) ? error.code : typeof error);
    return cached?.records ?? [];
  }
}

export function forgetProviderHistory(accountId: string): Promise<void> {
  return stored(accountId).clear();
}
