/**
 * Local history merged with the provider's own records, without duplicates. A call placed through
 * Ringback appears in both: locally (with the page it came from) and at the provider (with whether
 * it was answered and for how long). They become one line: the local entry, told the provider's
 * outcome. Pure, so the matching rules are tested without a browser.
 */
import type { HistoryEntry } from '../messages';
import type { HistoryRecord, ProviderId } from '../providers/types';
import { HISTORY_MAX_ENTRIES } from '../settings';

/**
 * How far a provider record's start may lie from the local attempt and still be that call. The
 * provider stamps a callback when the customer's leg starts, after the user picked up their own
 * phone, so it trails the request by up to minutes; clocks may also be a little apart.
 */
export const MATCH_BEFORE_MS = 2 * 60_000;
export const MATCH_AFTER_MS = 10 * 60_000;

/** One account's records at its provider. */
export interface RemoteHistory {
  /** The account the records came from: only its local entries can match them. */
  readonly accountId: string;
  readonly provider: ProviderId;
  readonly records: readonly HistoryRecord[];
}

type Local = HistoryEntry & { readonly accountId?: string; readonly deviceId?: string };

/** `clearedAt`: provider records before this moment stay hidden (the user cleared history then). */
export function mergeHistory(
  local: readonly Local[],
  remote: RemoteHistory | undefined,
  clearedAt: number,
): HistoryEntry[] {
  const merged = new Map<string, HistoryEntry>(local.map((entry) => [entry.id, withoutAccount(entry)]));
  const taken = new Set<string>();
  const extra: HistoryEntry[] = [];

  for (const record of [...(remote?.records ?? [])].sort((a, b) => a.startedAt - b.startedAt)) {
    if (!remote || record.startedAt < clearedAt) continue;
    const match = findMatch(local, record, remote, taken);
    if (match) {
      taken.add(match.id);
      merged.set(match.id, enriched(merged.get(match.id) ?? withoutAccount(match), record));
    } else {
      extra.push(fromRecord(record, remote));
    }
  }
  return [...merged.values(), ...dedupe(extra)].sort((a, b) => b.at - a.at).slice(0, HISTORY_MAX_ENTRIES);
}

function findMatch(
  local: readonly Local[],
  record: HistoryRecord,
  options: RemoteHistory,
  taken: ReadonlySet<string>,
): Local | undefined {
  if (record.direction !== 'outgoing') return undefined;
  let best: Local | undefined;
  for (const entry of local) {
    if (taken.has(entry.id) || entry.accountId !== options.accountId || entry.direction !== 'outgoing') continue;
    if (entry.kind !== record.kind || !sameNumber(entry.number, record.to)) continue;
    const delta = record.startedAt - entry.at;
    if (delta < -MATCH_BEFORE_MS || delta > MATCH_AFTER_MS) continue;
    if (!best || Math.abs(delta) < Math.abs(record.startedAt - best.at)) best = entry;
  }
  return best;
}

/** The provider knows better whether a call was answered; the local entry keeps page and device. */
function enriched(entry: HistoryEntry, record: HistoryRecord): HistoryEntry {
  if (entry.outcome === 'failed' && record.outcome === 'unknown') return entry;
  return {
    ...entry,
    outcome: outcomeOf(record),
    ...(record.durationSeconds !== undefined ? { durationSeconds: record.durationSeconds } : {}),
  };
}

function fromRecord(record: HistoryRecord, options: RemoteHistory): HistoryEntry {
  return {
    id: `${options.accountId}:${record.id}`,
    kind: record.kind,
    direction: record.direction,
    number: record.direction === 'outgoing' ? record.to : record.from,
    at: record.startedAt,
    outcome: outcomeOf(record),
    provider: options.provider,
    ...(record.durationSeconds !== undefined ? { durationSeconds: record.durationSeconds } : {}),
  };
}

function outcomeOf(record: HistoryRecord): HistoryEntry['outcome'] {
  if (record.kind === 'sms' && record.outcome !== 'failed') return 'sent';
  return record.outcome;
}

/** Providers may list one call twice (fonial: a callback in both legs); ids are stable per call. */
function dedupe(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}

/** What the popup shows: the account and device ids stay in the background. */
function withoutAccount({ accountId: _accountId, deviceId: _deviceId, ...entry }: Local): HistoryEntry {
  return entry;
}

/**
 * Whether two written numbers are the same line. Providers return numbers in their own format
 * (national, `00…`, E.164), so past exact equality the last nine digits decide.
 */
export function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const da = a.replace(/\D/g, '');
  const db = b.replace(/\D/g, '');
  if (da.length < 6 || db.length < 6) return false;
  const tail = Math.min(9, da.length, db.length);
  return da.slice(-tail) === db.slice(-tail);
}
