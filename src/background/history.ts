/**
 * The local log of every call and SMS placed through Ringback, in storage.local. It is the one
 * record of which page a call came from and how it ended as Ringback saw it; it is capped and
 * pruned on every write so it never grows without bound.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import type { CallOrigin, HistoryEntry } from '../messages';
import { HISTORY_MAX_AGE_DAYS, HISTORY_MAX_ENTRIES } from '../settings';
import { exclusive } from './exclusive';

const HISTORY_KEY = 'history';
/** Provider records from before this moment stay hidden: clearing history is one action. */
const CLEARED_KEY = 'historyClearedAt';
const DAY_MS = 86_400_000;

/** A history entry as logged: the account it went through, and the device that rang. */
export interface LoggedEntry extends HistoryEntry {
  readonly accountId: string;
  readonly deviceId?: string;
}

export type EntryUpdate = Pick<HistoryEntry, 'outcome'> &
  Partial<Pick<HistoryEntry, 'reason' | 'deviceName'>> & { readonly deviceId?: string };

/** Newest first, at most HISTORY_MAX_ENTRIES, none older than HISTORY_MAX_AGE_DAYS. */
export function prune<T extends Pick<HistoryEntry, 'at'>>(entries: readonly T[], now: number): T[] {
  const oldest = now - HISTORY_MAX_AGE_DAYS * DAY_MS;
  return entries
    .filter((entry) => entry.at >= oldest)
    .sort((a, b) => b.at - a.at)
    .slice(0, HISTORY_MAX_ENTRIES);
}

export async function loggedEntries(): Promise<LoggedEntry[]> {
  const stored = await browser.storage.local.get(HISTORY_KEY);
  const raw = stored[HISTORY_KEY];
  return Array.isArray(raw) ? raw.filter(isLoggedEntry) : [];
}

export function logEntry(entry: LoggedEntry, now = Date.now()): Promise<void> {
  return exclusive(HISTORY_KEY, async () => {
    await write(prune([entry, ...(await loggedEntries())], now));
  });
}

export function updateEntry(id: string, update: EntryUpdate): Promise<void> {
  return exclusive(HISTORY_KEY, async () => {
    const entries = await loggedEntries();
    if (!entries.some((e) => e.id === id)) return;
    await write(entries.map((e) => (e.id === id ? withUpdate(e, update) : e)));
  });
}

export function clearHistory(now = Date.now()): Promise<void> {
  return exclusive(HISTORY_KEY, async () => {
    await browser.storage.local.set({ [HISTORY_KEY]: [], [CLEARED_KEY]: now });
  });
}

export async function historyClearedAt(): Promise<number> {
  const stored = await browser.storage.local.get(CLEARED_KEY);
  const value = stored[CLEARED_KEY];
  return typeof value === 'number' ? value : 0;
}

/**
 * The page a call was started from, as history keeps it: title, host, and the address (the CRM
 * record a CSV export links the call to). Stays in local storage like the rest of history. A user
 * name and password written into the address (`https://user:secret@crm.example/`) are the page's
 * credentials, not part of the record: they are dropped before anything is kept or exported.
 */
export function originOf(origin: CallOrigin | undefined): HistoryEntry['origin'] {
  if (!origin) return undefined;
  try {
    const url = new URL(origin.url);
    url.username = '';
    url.password = '';
    return { title: origin.title, host: url.hostname, url: url.href };
  } catch {
    // Not a URL: keep the title alone.
    return { title: origin.title, host: '' };
  }
}

/** An update replaces the outcome and its reason: `connected` must not keep an earlier phase's reason. */
function withUpdate(entry: LoggedEntry, update: EntryUpdate): LoggedEntry {
  const { reason: _previous, ...rest } = entry;
  return { ...rest, ...update };
}

async function write(entries: readonly LoggedEntry[]): Promise<void> {
  await browser.storage.local.set({ [HISTORY_KEY]: entries });
}

function isLoggedEntry(value: unknown): value is LoggedEntry {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.accountId === 'string' &&
    typeof value.number === 'string' &&
    typeof value.at === 'number' &&
    (value.kind === 'call' || value.kind === 'sms') &&
    typeof value.provider === 'string' &&
    typeof value.outcome === 'string'
  );
}
