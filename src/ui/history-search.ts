/**
 * Searching history as people remember a call: by part of the number (however they write it), the
 * page's title or host, or their note. Pure, so the popup and its tests agree on what matches.
 */
import type { HistoryEntry } from '../messages';

/** A query of at least this many digits (and nothing but number punctuation) searches numbers. */
const MIN_DIGITS = 3;

/**
 * Whether `entry` matches `query`. `shown` is the number as the popup writes it (national in the
 * user's country), so "0221 669" finds +49 221 669…; empty queries match everything.
 */
export function historyMatches(entry: HistoryEntry, query: string, shown: string): boolean {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return true;
  const digits = wanted.replace(/\D/g, '');
  if (/^[\d\s()+./-]+$/.test(wanted) && digits.length >= MIN_DIGITS) {
    return [entry.number, shown].some((n) => n.replace(/\D/g, '').includes(digits));
  }
  return [shown, entry.origin?.title, entry.origin?.host, entry.note].some((text) =>
    text?.toLowerCase().includes(wanted),
  );
}
