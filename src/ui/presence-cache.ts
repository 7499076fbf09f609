/**
 * The availability the last popup showed, per account, so the next popup shows it at once while
 * the background asks the provider again. Nothing secret: an account id and a state word.
 */
import { isRecord } from '../guards';
import { PRESENCE_STATES, type PresenceState } from '../providers/types';

const KEY = 'ringback.presence';

export function cachedPresence(accountId: string): PresenceState | undefined {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!isRecord(raw) || raw.accountId !== accountId) return undefined;
    return PRESENCE_STATES.find((state) => state === raw.state);
  } catch {
    return undefined;
  }
}

export function rememberPresence(accountId: string, state: PresenceState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ accountId, state }));
  } catch {
    // No storage: the next popup waits for the provider's answer instead.
  }
}
