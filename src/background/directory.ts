/**
 * The account's phones, caller ids and SMS senders, as the popup lists them. Kept for a few
 * minutes in storage.session: the popup opens often, and each opening should not cost the user a
 * round of provider requests (or a login on providers whose sessions are short).
 */

import { isRecord } from '../guards';
import type { CallerId, Device, Provider, SmsSender } from '../providers/types';
import { sessionValue } from './storage';

export const DIRECTORY_TTL_MS = 5 * 60_000;

export interface Directory {
  readonly devices: readonly Device[];
  readonly callerIds: readonly CallerId[];
  readonly smsSenders: readonly SmsSender[];
  /** Unix ms when it was listed. */
  readonly at: number;
}

function isDirectory(value: unknown): value is Directory {
  return (
    isRecord(value) &&
    Array.isArray(value.devices) &&
    Array.isArray(value.callerIds) &&
    Array.isArray(value.smsSenders) &&
    typeof value.at === 'number'
  );
}

const stored = (accountId: string) => sessionValue(`directory:${accountId}`, isDirectory);

/** The directory, from the cache when fresh; throws ProviderError when the provider cannot list it. */
export async function directoryOf(accountId: string, provider: Provider, now = Date.now()): Promise<Directory> {
  const cached = await stored(accountId).get();
  if (cached && now - cached.at < DIRECTORY_TTL_MS && now >= cached.at) return cached;
  const { capabilities } = provider;
  const [devices, callerIds, smsSenders] = await Promise.all([
    capabilities.devices ? provider.listDevices() : [],
    capabilities.callerIds ? provider.listCallerIds() : [],
    capabilities.sms ? provider.listSmsSenders() : [],
  ]);
  const directory: Directory = { devices, callerIds, smsSenders, at: now };
  await stored(accountId).set(directory);
  return directory;
}

/** What was listed last, however old: enough to name a device in history without asking the provider. */
export function cachedDirectory(accountId: string): Promise<Directory | undefined> {
  return stored(accountId).get();
}

export function forgetDirectory(accountId: string): Promise<void> {
  return stored(accountId).clear();
}
