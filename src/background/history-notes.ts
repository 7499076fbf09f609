/**
 * The user's notes on history entries ("left a message, call back Tuesday"), for the CRM. Kept
 * apart from the log, by entry id, so a call the provider's records brought in can carry a note
 * too; capped and aged like history itself so it never grows without bound.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import type { HistoryEntry } from '../messages';
import { HISTORY_MAX_AGE_DAYS, HISTORY_MAX_ENTRIES } from '../settings';
import { exclusive } from './exclusive';

const NOTES_KEY = 'historyNotes';
const DAY_MS = 86_400_000;

interface StoredNote {
  readonly text: string;
  /** When it was written: notes age out as the entries they belong to do. */
  readonly at: number;
}

async function storedNotes(): Promise<Record<string, StoredNote>> {
  const raw = (await browser.storage.local.get(NOTES_KEY))[NOTES_KEY];
  if (!isRecord(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw).filter(
      (pair): pair is [string, StoredNote] =>
        isRecord(pair[1]) && typeof pair[1].text === 'string' && typeof pair[1].at === 'number',
    ),
  );
}

/** Sets the note of entry `id`; an empty (or blank) note removes it. */
export function setHistoryNote(id: string, note: string, now = Date.now()): Promise<null> {
  return exclusive(NOTES_KEY, async () => {
    const { [id]: _previous, ...others } = await storedNotes();
    const text = note.trim();
    const oldest = now - HISTORY_MAX_AGE_DAYS * DAY_MS;
    const kept = Object.entries(text ? { ...others, [id]: { text, at: now } } : others)
      .filter(([, stored]) => stored.at >= oldest)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, HISTORY_MAX_ENTRIES);
    await browser.storage.local.set({ [NOTES_KEY]: Object.fromEntries(kept) });
    return null;
  });
}

/** History entries with their notes. */
export async function withNotes(entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> {
  const notes = await storedNotes();
  return entries.map((entry) => {
    const note = Object.hasOwn(notes, entry.id) ? notes[entry.id]?.text : undefined;
    return note ? { ...entry, note } : entry;
  });
}

export function clearHistoryNotes(): Promise<void> {
  return exclusive(NOTES_KEY, () => browser.storage.local.remove(NOTES_KEY));
}
